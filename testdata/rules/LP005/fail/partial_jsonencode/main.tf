# `jsonencode()` with values known only at apply time (the bucket and topic ARNs) is judged on
# what is known of it: a public principal without a restricting condition.
resource "aws_s3_bucket" "web" {
  bucket = "web"
}

resource "aws_s3_bucket_policy" "upload" {
  bucket = aws_s3_bucket.web.id
  policy = jsonencode({ # expect: LP005
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:PutObject"
      Resource  = "${aws_s3_bucket.web.arn}/*"
    }]
  })
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({ # expect: LP005
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["sns:Subscribe", "sns:Receive"]
      Resource  = aws_sns_topic.alerts.arn
    }]
  })
}
