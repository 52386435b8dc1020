# Values tenet cannot know statically (variables without default) are never judged.

variable "protocol" {
  type = string
}

variable "redirect_protocol" {
  type = string
}

variable "policy" {
  type = string
}

variable "internal" {
  type = bool
}

variable "lb_arn" {
  type = string
}

resource "aws_lb_listener" "unknown_protocol" {
  load_balancer_arn = var.lb_arn
  port              = 80
  protocol          = var.protocol

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}

# No protocol, and a load balancer tenet cannot see: not judged.
resource "aws_lb_listener" "unknown_load_balancer" {
  load_balancer_arn = var.lb_arn
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}

resource "aws_lb_listener" "unknown_redirect" {
  load_balancer_arn = var.lb_arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = var.redirect_protocol
      status_code = "HTTP_301"
    }
  }
}

resource "aws_cloudfront_distribution" "unknown_policy" {
  enabled = true

  origin {
    domain_name = "example-site.s3.amazonaws.com"
    origin_id   = "site"
  }

  default_cache_behavior {
    target_origin_id       = "site"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = var.policy
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

resource "aws_elb" "unknown_internal" {
  name               = "unknown-internal"
  availability_zones = ["eu-west-1a"]
  internal           = var.internal

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}
