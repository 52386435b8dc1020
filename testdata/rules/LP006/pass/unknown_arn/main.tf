# ARNs tenet cannot know statically are never judged but reported as undecided: a variable
# without default, an ARN built from data.aws_partition, and a list of ARNs from a variable.

variable "policy_arn" {
  type = string
}

variable "policy_arns" {
  type = list(string)
}

data "aws_partition" "current" {}

resource "aws_iam_role_policy_attachment" "from_variable" {
  role       = "app"
  policy_arn = var.policy_arn # undecided: LP006
}

resource "aws_iam_role_policy_attachment" "partition" {
  role       = "app"
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess" # undecided: LP006
}

resource "aws_iam_role" "from_list" {
  name = "from-list"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  managed_policy_arns = var.policy_arns # undecided: LP006
}
