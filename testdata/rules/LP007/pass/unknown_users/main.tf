# A users list from a variable without default is unknown: it may be empty, so it is not
# judged but reported as undecided.

variable "users" {
  type = list(string)
}

resource "aws_iam_policy_attachment" "from_variable" {
  name       = "from-variable"
  users      = var.users # undecided: LP007
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
