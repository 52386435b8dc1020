# Form (d): data "aws_iam_policy_document" referenced through its `json`. The finding is on
# the resource that uses the document, not on the data source.

data "aws_iam_policy_document" "admin" {
  statement {
    sid       = "Admin"
    effect    = "Allow"
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_group_policy" "admins" {
  name   = "admins"
  group  = "admins"
  policy = data.aws_iam_policy_document.admin.json # expect: LP001
}
