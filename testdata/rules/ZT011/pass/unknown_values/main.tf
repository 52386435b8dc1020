# Values tenet cannot know statically (variables without default) are never judged.

variable "enabled" {
  type = bool
}

variable "log_types" {
  type = list(string)
}

variable "lb_type" {
  type = string
}

variable "distribution_arn" {
  type = string
}

variable "access_log" {
  type = list(object({ arn = string }))
}

resource "aws_lb" "unknown_enabled" {
  name    = "web"
  subnets = ["subnet-1", "subnet-2"]

  access_logs {
    bucket  = "lb-logs"
    enabled = var.enabled
  }
}

resource "aws_lb" "unknown_type" {
  name               = "maybe-gateway"
  load_balancer_type = var.lb_type
  subnets            = ["subnet-1", "subnet-2"]
}

resource "aws_eks_cluster" "unknown_types" {
  name                      = "main"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = var.log_types

  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}

resource "aws_apigatewayv2_stage" "unknown_block" {
  api_id = "a1b2c3d4e5"
  name   = "prod"

  dynamic "access_log_settings" {
    for_each = var.access_log
    content {
      destination_arn = access_log_settings.value.arn
      format          = "$context.requestId"
    }
  }
}

# The delivery source's target is unknown: it may be this distribution.
resource "aws_cloudwatch_log_delivery_source" "any" {
  name         = "cdn-access"
  log_type     = "ACCESS_LOGS"
  resource_arn = var.distribution_arn
}

resource "aws_cloudfront_distribution" "site" {
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
