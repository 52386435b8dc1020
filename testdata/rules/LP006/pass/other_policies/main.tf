# Other managed policies, a customer managed policy that happens to be called
# AdministratorAccess (its content is judged by LP001), and a role without
# managed_policy_arns (the attribute is missing: nothing is attached).

resource "aws_iam_role_policy_attachment" "job_function" {
  role       = "sysadmin"
  policy_arn = "arn:aws:iam::aws:policy/job-function/SystemAdministrator"
}

resource "aws_iam_user_policy_attachment" "customer" {
  user       = "bob"
  policy_arn = "arn:aws:iam::123456789012:policy/AdministratorAccess"
}

resource "aws_iam_role" "plain" {
  name = "plain"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
