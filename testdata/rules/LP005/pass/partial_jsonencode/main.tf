variable "principal" {
  type = string
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}

resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
}

# A public principal restricted to one caller by a condition whose value is known only at
# apply time: the condition key is known, so the policy is not public.
resource "aws_s3_bucket_policy" "cdn" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudfront.amazonaws.com" }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.logs.arn}/*"
      Condition = { StringEquals = { "aws:SourceArn" = aws_cloudfront_distribution.cdn.arn } }
    }]
  })
}

resource "aws_s3_bucket" "shared" {
  bucket = "shared"
}

# The principal itself is unknown: it may be "*", so the check is undecided.
resource "aws_s3_bucket_policy" "shared" {
  bucket = aws_s3_bucket.shared.id
  policy = jsonencode({ # undecided: LP005
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.principal }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.shared.arn}/*"
    }]
  })
}
