# HTTPS/TLS listeners with policies that accept TLS 1.0/1.1, and one without ssl_policy
# (the provider applies ELBSecurityPolicy-2016-08).

resource "aws_lb_listener" "old_default_named" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08" # expect: ZT005
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/0123"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}

resource "aws_alb_listener" "tls13_with_tls10" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  port              = 8443
  protocol          = "https"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-0-2021-06" # expect: ZT005
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/0123"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}

resource "aws_lb_listener" "nlb_tls11" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/nlb/0123456789abcdef"
  port              = 443
  protocol          = "TLS"
  ssl_policy        = "ELBSecurityPolicy-TLS-1-1-2017-01" # expect: ZT005
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/0123"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/nlb/0123456789abcdef"
  }
}

# expect: ZT005
resource "aws_lb_listener" "no_policy" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/0123"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}
