# Form (c): the policy is built with jsonencode(). Only the second statement is an admin
# grant; the first is scoped.

resource "aws_iam_role_policy" "deployer" {
  name = "deployer"
  role = "deployer"
  policy = jsonencode({ # expect: LP001
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = "arn:aws:s3:::artifacts/*"
      },
      {
        Sid      = "Everything"
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
    ]
  })
}
