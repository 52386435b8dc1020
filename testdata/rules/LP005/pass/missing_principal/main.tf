# Statements without Principal or without Effect: nothing is assumed for the missing element.

resource "aws_s3_bucket_policy" "incomplete" {
  bucket = "incomplete"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::incomplete/*" },
      { Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::incomplete/*" },
    ]
  })
}
