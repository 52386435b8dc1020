# Values tenet cannot know statically (variables without default) are never judged. Each
# check that an unknown value decides is listed as undecided, at the unknown value (or at the
# resource, for a dynamic block).

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
    enabled = var.enabled # undecided: ZT011
  }
}

resource "aws_lb" "unknown_type" {
  name               = "maybe-gateway"
  load_balancer_type = var.lb_type # undecided: ZT011
  subnets            = ["subnet-1", "subnet-2"]
}

resource "aws_eks_cluster" "unknown_types" {
  name                      = "main"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = var.log_types # undecided: ZT011

  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}

# undecided: ZT011
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

# undecided: ZT011
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

variable "extra_log_type" {
  type = string
}

# One log type is unknown and the known ones lack `authenticator`.
resource "aws_eks_cluster" "unknown_entry" {
  name     = "second"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = [
    "audit",
    var.extra_log_type, # undecided: ZT011
  ]

  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}

# Unknown values that cannot change the verdict are not undecided: an unknown extra log type
# beside `audit` and `authenticator`, and the type of a load balancer whose access logs are
# on.

resource "aws_eks_cluster" "complete_with_unknown_entry" {
  name                      = "third"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = ["audit", "authenticator", var.extra_log_type]

  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}

resource "aws_lb" "logged_unknown_type" {
  name               = "logged"
  load_balancer_type = var.lb_type
  subnets            = ["subnet-1", "subnet-2"]

  access_logs {
    bucket  = "lb-logs"
    enabled = true
  }
}
