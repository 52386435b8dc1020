# data "aws_iam_policy_document": principals of type "*" and of type "AWS" with identifier
# "*" both render as a wildcard principal. The finding is on the role.

data "aws_iam_policy_document" "anyone" {
  statement {
    sid     = "Everyone"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }

  statement {
    sid     = "AnyAccount"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "anyone" {
  name               = "anyone"
  assume_role_policy = data.aws_iam_policy_document.anyone.json # expect: LP004
}
