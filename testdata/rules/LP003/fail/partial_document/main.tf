# A policy document data source whose `json` is unknown (one statement names a role ARN known
# only at apply time), with a statement that grants `iam:Attach*` on every resource whatever
# the unknown values are: the finding is certain.

resource "aws_iam_role" "task" {
  name = "task"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

data "aws_iam_policy_document" "deployer" {
  statement {
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.task.arn]
  }

  statement {
    actions   = ["iam:Attach*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "deployer" {
  name   = "deployer"
  policy = data.aws_iam_policy_document.deployer.json # expect: LP003
}
