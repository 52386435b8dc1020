# Each attachment type with one of the three administrator policies, in the commercial and
# GovCloud partitions.

resource "aws_iam_role_policy_attachment" "ci_admin" {
  role       = "ci"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # expect: LP006
}

resource "aws_iam_user_policy_attachment" "ops_power" {
  user       = "ops"
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess" # expect: LP006
}

resource "aws_iam_group_policy_attachment" "iam_admins" {
  group      = "iam-admins"
  policy_arn = "arn:aws-us-gov:iam::aws:policy/IAMFullAccess" # expect: LP006
}

resource "aws_iam_policy_attachment" "admins" {
  name       = "admins"
  roles      = ["break-glass"]
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # expect: LP006
}
