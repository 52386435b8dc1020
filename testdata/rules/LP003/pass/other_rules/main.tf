# Reported by other rules: "*" (LP001) and the service-wide wildcards iam:* and sts:* (LP002).
# A trust policy's sts:AssumeRole has no Resource and is judged by LP004, and IAM actions in a
# bucket policy grant nothing.

resource "aws_iam_policy" "wide" {
  name = "wide"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "*", Resource = "*" },
      { Effect = "Allow", Action = ["iam:*", "sts:*"], Resource = "*" },
    ]
  })
}

resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_s3_bucket_policy" "odd" {
  bucket = "odd"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "iam:PassRole", Resource = "*" }]
  })
}
