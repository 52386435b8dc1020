# Policies tenet cannot know statically are never judged but reported as undecided: a variable
# without default, and a document whose actions come from one.

variable "policy" {
  type = string
}

variable "actions" {
  type = list(string)
}

resource "aws_iam_policy" "from_variable" {
  name   = "from-variable"
  policy = var.policy # undecided: LP002
}

data "aws_iam_policy_document" "unknown" {
  statement {
    actions   = var.actions
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "from_document" {
  name   = "from-document"
  role   = "app"
  policy = data.aws_iam_policy_document.unknown.json # undecided: LP002
}
