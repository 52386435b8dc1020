# The remediation from the metadata: the user gets the policy through a group.

resource "aws_iam_user" "jane" {
  name = "jane"
}

resource "aws_iam_group" "developers" {
  name = "developers"
}

resource "aws_iam_group_policy_attachment" "developers_read" {
  group      = aws_iam_group.developers.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_user_group_membership" "jane" {
  user   = aws_iam_user.jane.name
  groups = [aws_iam_group.developers.name]
}
