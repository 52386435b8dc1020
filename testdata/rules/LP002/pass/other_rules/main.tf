# Reported by other rules, not LP002: "*" and NotAction on "*" (LP001), and a KMS key policy
# whose "Resource": "*" means the key itself (the default key policy).

resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["*", "s3:*"], Resource = "*" },
      { Effect = "Allow", NotAction = "iam:*", Resource = "*" },
    ]
  })
}

resource "aws_kms_key" "app" {
  description = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EnableIAMUserPermissions"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
