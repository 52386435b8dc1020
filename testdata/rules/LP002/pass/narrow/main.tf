# Narrower grants: a service wildcard on specific resources, a partial wildcard on "*",
# NotResource, and a Deny statement.

resource "aws_iam_policy" "narrow" {
  name = "narrow"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "s3:*", Resource = ["arn:aws:s3:::uploads", "arn:aws:s3:::uploads/*"] },
      { Effect = "Allow", Action = ["s3:Get*", "s3:List*"], Resource = "*" },
      { Effect = "Allow", Action = "ec2:*", NotResource = "arn:aws:ec2:*:*:instance/*" },
      { Effect = "Deny", Action = "iam:*", Resource = "*" },
    ]
  })
}
