# Group and role policies, and policy attachments without users (missing) or with an empty
# users list.

resource "aws_iam_group_policy" "ops" {
  name  = "ops"
  group = "ops"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ec2:DescribeInstances", Resource = "*" }]
  })
}

resource "aws_iam_role_policy_attachment" "app" {
  role       = "app"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_policy_attachment" "roles_only" {
  name       = "roles-only"
  roles      = ["app"]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_policy_attachment" "no_users" {
  name       = "no-users"
  users      = []
  groups     = ["ops"]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
