# Module of the child_module case: an admin policy built from a policy document.

variable "name" {
  type = string
}

data "aws_iam_policy_document" "this" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "this" {
  name   = var.name
  policy = data.aws_iam_policy_document.this.json # expect: LP001
}
