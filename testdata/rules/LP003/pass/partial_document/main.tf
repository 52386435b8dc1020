# Policy document data sources holding values known only at apply time. `iam:PassRole` on the
# ARN of a role of the configuration is scoped, whatever that ARN is. On roles from a variable
# without default it could be `*`: undecided.

variable "roles" {
  type = list(string)
}

resource "aws_iam_role" "task" {
  name = "task"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

data "aws_iam_policy_document" "scoped" {
  statement {
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.task.arn]
  }
}

resource "aws_iam_role_policy" "scoped" {
  name   = "scoped"
  role   = "deployer"
  policy = data.aws_iam_policy_document.scoped.json
}

data "aws_iam_policy_document" "from_variable" {
  statement {
    actions   = ["iam:PassRole"]
    resources = var.roles
  }
}

resource "aws_iam_role_policy" "from_variable" {
  name   = "from-variable"
  role   = "deployer"
  policy = data.aws_iam_policy_document.from_variable.json # undecided: LP003
}
