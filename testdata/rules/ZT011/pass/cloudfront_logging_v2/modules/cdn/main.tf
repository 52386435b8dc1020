resource "aws_cloudfront_distribution" "this" {
  count   = 1
  enabled = true

  origin {
    domain_name = "site.s3.amazonaws.com"
    origin_id   = "site"
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

output "arn" {
  value = aws_cloudfront_distribution.this[0].arn
}
