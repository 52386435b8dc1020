# Elements that are missing: a statement without Resource or without Effect, and a document
# without Statement. Nothing is assumed for them.

resource "aws_iam_policy" "incomplete" {
  name = "incomplete"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "s3:*" },
      { Action = "s3:*", Resource = "*" },
    ]
  })
}

resource "aws_iam_user_policy" "empty" {
  name   = "empty"
  user   = "bob"
  policy = jsonencode({ Version = "2012-10-17" })
}
