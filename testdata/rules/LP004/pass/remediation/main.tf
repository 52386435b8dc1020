# The remediation from the metadata: one named account, with an external ID.

variable "external_id" {
  type    = string
  default = "7c4d0a3e"
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }

    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [var.external_id]
    }
  }
}

resource "aws_iam_role" "partner" {
  name               = "partner-read"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
