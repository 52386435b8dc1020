# Policies tenet cannot know statically are never judged but reported as undecided.

variable "policy" {
  type = string
}

variable "roles" {
  type = list(string)
}

resource "aws_iam_user_policy" "from_variable" {
  name   = "from-variable"
  user   = "ci"
  policy = var.policy # undecided: LP003
}

resource "aws_iam_policy" "unknown_resources" {
  name = "unknown-resources"
  # undecided: LP003
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = var.roles }]
  })
}
