# Values tenet cannot know statically (variables without default) are never judged. Each
# one that would make the entry point accept plaintext if it were the unsafe value is listed
# as undecided, at the unknown value.

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
  protocol          = var.protocol # undecided: ZT004

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}

# No protocol, and a load balancer tenet cannot see: not judged.
resource "aws_lb_listener" "unknown_load_balancer" {
  load_balancer_arn = var.lb_arn # undecided: ZT004
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
      protocol    = var.redirect_protocol # undecided: ZT004
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
    viewer_protocol_policy = var.policy # undecided: ZT004
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
  internal           = var.internal # undecided: ZT004

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}

variable "behaviors" {
  type = list(object({ path = string, policy = string }))
}

variable "lb_protocol" {
  type = string
}

# undecided: ZT004
resource "aws_cloudfront_distribution" "unknown_behaviors" {
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

  dynamic "ordered_cache_behavior" {
    for_each = var.behaviors
    content {
      path_pattern           = ordered_cache_behavior.value.path
      target_origin_id       = "site"
      allowed_methods        = ["GET", "HEAD"]
      cached_methods         = ["GET", "HEAD"]
      viewer_protocol_policy = ordered_cache_behavior.value.policy
    }
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

resource "aws_elb" "unknown_listener_protocol" {
  name               = "unknown-listener-protocol"
  availability_zones = ["eu-west-1a"]

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = var.lb_protocol # undecided: ZT004
  }
}

# Unknown values that cannot change the verdict are not undecided: the protocol of a listener
# on a network load balancer, the protocol of a listener that redirects to HTTPS, the
# redirect of an HTTPS listener, and the listener protocol of an internal Classic Load
# Balancer.

resource "aws_lb" "network" {
  name               = "network"
  load_balancer_type = "network"
}

resource "aws_lb_listener" "network_unknown_protocol" {
  load_balancer_arn = aws_lb.network.arn
  port              = 443
  protocol          = var.protocol

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}

resource "aws_lb_listener" "redirecting_unknown_protocol" {
  load_balancer_arn = var.lb_arn
  port              = 80
  protocol          = var.protocol

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https_unknown_redirect" {
  load_balancer_arn = var.lb_arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/0123"

  default_action {
    type = "redirect"
    redirect {
      host        = "www.example.com"
      protocol    = var.redirect_protocol
      status_code = "HTTP_301"
    }
  }
}

resource "aws_elb" "internal_unknown_protocol" {
  name               = "internal-unknown-protocol"
  availability_zones = ["eu-west-1a"]
  internal           = true

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = var.lb_protocol
  }
}
