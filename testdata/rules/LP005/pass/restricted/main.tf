# A wildcard principal restricted by each kind of caller condition (key names in any case,
# with ForAnyValue:), Deny statements, specific and service principals, and identity and
# trust policies (other rules).

resource "aws_s3_bucket_policy" "restricted" {
  bucket = "restricted"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::restricted/*", Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d" } } },
      { Effect = "Allow", Principal = { AWS = "*" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::restricted/*", Condition = { StringEquals = { "AWS:PrincipalOrgID" = "o-a1b2c3d4e5" } } },
      { Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::restricted/*", Condition = { IpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] } } },
      { Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::restricted/*", Condition = { "ForAnyValue:StringLike" = { "aws:PrincipalOrgPaths" = ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"] } } },
      { Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "arn:aws:s3:::restricted/*", Condition = { Bool = { "aws:SecureTransport" = "false" } } },
      { Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::restricted/*" },
    ]
  })
}

resource "aws_sns_topic_policy" "events" {
  arn = "arn:aws:sns:eu-west-1:123456789012:events"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = { Service = "events.amazonaws.com" }, Action = "sns:Publish", Resource = "arn:aws:sns:eu-west-1:123456789012:events" },
      { Effect = "Allow", Principal = { AWS = "*" }, Action = "sns:Publish", Resource = "arn:aws:sns:eu-west-1:123456789012:events", Condition = { ArnLike = { "aws:SourceArn" = "arn:aws:s3:::uploads" } } },
      { Effect = "Allow", Principal = "*", Action = "sns:Subscribe", Resource = "arn:aws:sns:eu-west-1:123456789012:events", Condition = { StringEquals = { "aws:SourceOwner" = "123456789012", "aws:SourceAccount" = "123456789012" } } },
    ]
  })
}

resource "aws_kms_key" "org" {
  description = "org"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "kms:Decrypt", Resource = "*", Condition = { StringEquals = { "aws:PrincipalAccount" = "123456789012" }, ArnLike = { "aws:PrincipalArn" = "arn:aws:iam::123456789012:role/app-*" } } }]
  })
}

resource "aws_ecr_repository_policy" "vpc" {
  repository = "images"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "ecr:BatchGetImage", Condition = { StringEquals = { "aws:SourceVpc" = "vpc-0a1b2c3d" } } }]
  })
}

resource "aws_iam_role" "other_rules" {
  name = "other-rules"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "sts:AssumeRole" }]
  })
}
