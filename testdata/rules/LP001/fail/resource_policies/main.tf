# Resource policies carry the same statements: a bucket policy and a KMS key policy that
# grant every action on every resource.

resource "aws_s3_bucket_policy" "open" {
  bucket = "uploads"
  policy = jsonencode({ # expect: LP001
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_key" "app" {
  description = "app"
  policy = jsonencode({ # expect: LP001
    Version = "2012-10-17"
    Statement = [{
      Sid       = "KeyAdmin"
      Effect    = "Allow"
      Principal = { AWS = ["arn:aws:iam::123456789012:root"] }
      Action    = ["*"]
      Resource  = ["*"]
    }]
  })
}
