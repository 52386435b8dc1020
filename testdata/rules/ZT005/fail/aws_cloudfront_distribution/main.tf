# CloudFront: a custom certificate without minimum_protocol_version (default TLSv1), one with
# an old explicit version, and the default certificate (always TLSv1).

resource "aws_cloudfront_distribution" "no_minimum" {
  enabled = true
  aliases = ["www.example.com"]

  origin {
    domain_name = "example-site.s3.amazonaws.com"
    origin_id   = "site"
  }

  default_cache_behavior {
    target_origin_id       = "site"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "redirect-to-https"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  # expect: ZT005
  viewer_certificate {
    acm_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/0123"
    ssl_support_method  = "sni-only"
  }
}

resource "aws_cloudfront_distribution" "tls11" {
  enabled = true
  aliases = ["api.example.com"]

  origin {
    domain_name = "example-site.s3.amazonaws.com"
    origin_id   = "site"
  }

  default_cache_behavior {
    target_origin_id       = "site"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "https-only"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    iam_certificate_id       = "ASCAEXAMPLE0123456789"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.1_2016" # expect: ZT005
  }
}

resource "aws_cloudfront_distribution" "default_certificate" {
  enabled = true

  origin {
    domain_name = "example-site.s3.amazonaws.com"
    origin_id   = "site"
  }

  default_cache_behavior {
    target_origin_id       = "site"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "redirect-to-https"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true # expect: ZT005
    minimum_protocol_version       = "TLSv1.2_2021"
  }
}
