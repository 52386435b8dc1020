# Missing elements: no Resource, no Effect, no Action. Nothing is assumed for them.

resource "aws_iam_policy" "incomplete" {
  name = "incomplete"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:PassRole" },
      { Action = "iam:PassRole", Resource = "*" },
      { Effect = "Allow", Resource = "*" },
    ]
  })
}
