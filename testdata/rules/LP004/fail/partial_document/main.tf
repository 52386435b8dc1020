# A trust policy document whose `json` is unknown (a service principal uses the partition's DNS
# suffix, known only at apply time), with a statement that trusts `*` without a condition
# whatever the unknown values are: the finding is certain.

data "aws_partition" "current" {}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.${data.aws_partition.current.dns_suffix}"]
    }
  }

  statement {
    sid     = "Anyone"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "open" {
  name               = "open"
  assume_role_policy = data.aws_iam_policy_document.trust.json # expect: LP004
}
