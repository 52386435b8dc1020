# An inline user policy, a user policy attachment (with the user from a variable: the
# resource type alone is the problem), and a policy attachment with users.

variable "user" {
  type = string
}

resource "aws_iam_user" "jane" {
  name = "jane"
}

resource "aws_iam_user_policy" "jane_read" {
  name = "read"
  user = aws_iam_user.jane.name # expect: LP007
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::reports/*" }]
  })
}

resource "aws_iam_user_policy_attachment" "someone_read" {
  user       = var.user # expect: LP007
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_policy_attachment" "mixed" {
  name       = "mixed"
  users      = ["bob"] # expect: LP007
  groups     = ["developers"]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
