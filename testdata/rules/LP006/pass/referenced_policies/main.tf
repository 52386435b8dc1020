# ARNs known only at apply time that can never be an administrator policy: a customer managed
# policy of the configuration, and a `data "aws_iam_policy"` lookup of another policy. A lookup
# of AdministratorAccess, or a list with more unknown ARNs than such references, is undecided.

variable "extra_policy_arn" {
  type = string
}

resource "aws_iam_policy" "deploy" {
  name = "deploy"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ecs:UpdateService", Resource = "*" }]
  })
}

data "aws_iam_policy" "read_only" {
  name = "ReadOnlyAccess"
}

data "aws_iam_policy" "admin" {
  arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_role_policy_attachment" "customer" {
  role       = "ci"
  policy_arn = aws_iam_policy.deploy.arn
}

resource "aws_iam_group_policy_attachment" "read_only" {
  group      = "auditors"
  policy_arn = data.aws_iam_policy.read_only.arn
}

resource "aws_iam_user_policy_attachment" "admin" {
  user       = "break-glass"
  policy_arn = data.aws_iam_policy.admin.arn # undecided: LP006
}

resource "aws_iam_role" "customer_list" {
  name = "customer-list"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  managed_policy_arns = [aws_iam_policy.deploy.arn, data.aws_iam_policy.read_only.arn]
}

resource "aws_iam_role" "mixed_list" {
  name = "mixed-list"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  managed_policy_arns = [aws_iam_policy.deploy.arn, var.extra_policy_arn] # undecided: LP006
}
