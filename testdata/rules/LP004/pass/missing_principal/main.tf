# A statement without Principal (invalid in a trust policy) and one without Effect: nothing is
# assumed for the missing element.

resource "aws_iam_role" "incomplete" {
  name = "incomplete"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "sts:AssumeRole" },
      { Principal = "*", Action = "sts:AssumeRole" },
    ]
  })
}
