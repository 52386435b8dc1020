# Policies tenet cannot know statically are never judged: a variable without default, a
# jsonencode() over one, and a policy document data source whose actions come from one are
# reported as undecided. A trust policy cannot grant full access (it has no `Resource`), and a
# string that is not JSON is not a policy: neither is undecided.

variable "policy" {
  type = string
}

variable "actions" {
  type = list(string)
}

resource "aws_iam_policy" "from_variable" {
  name   = "from-variable"
  policy = var.policy # undecided: LP001
}

resource "aws_iam_policy" "unknown_actions" {
  name = "unknown-actions"
  # undecided: LP001
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = var.actions, Resource = "*" }]
  })
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
  policy = data.aws_iam_policy_document.unknown.json # undecided: LP001
}

resource "aws_iam_role" "trust_from_variable" {
  name               = "trust-from-variable"
  assume_role_policy = var.policy
}

resource "aws_iam_user_policy" "not_json" {
  name   = "not-json"
  user   = "bob"
  policy = "Action: *"
}
