# A data "aws_iam_policy_document" used by a role policy: the finding is on the role policy's
# `policy`, not on the data source.

data "aws_iam_policy_document" "dynamodb" {
  statement {
    sid       = "Tables"
    actions   = ["dynamodb:*"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "app" {
  name   = "tables"
  role   = "app"
  policy = data.aws_iam_policy_document.dynamodb.json # expect: LP002
}
