# HTTP listeners that forward (or answer) instead of redirecting to HTTPS, a redirect that
# keeps the protocol, and a listener without protocol on an Application Load Balancer
# (where it defaults to HTTP).

resource "aws_lb" "web" {
  name = "web"
}

resource "aws_lb_listener" "forward" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP" # expect: ZT004

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}

resource "aws_alb_listener" "same_protocol_redirect" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8080
  protocol          = "http" # expect: ZT004

  default_action {
    type = "redirect"
    redirect {
      port        = "80"
      status_code = "HTTP_301"
    }
  }
}

# expect: ZT004
resource "aws_lb_listener" "default_protocol" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}
