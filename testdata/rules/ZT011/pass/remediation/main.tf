# The remediation from the metadata.

variable "public_subnet_ids" {
  type    = list(string)
  default = ["subnet-1", "subnet-2"]
}

variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-3", "subnet-4"]
}

resource "aws_s3_bucket" "lb_logs" {
  bucket = "lb-logs"
}

resource "aws_iam_role" "cluster" {
  name               = "eks"
  assume_role_policy = "{}"
}

resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = var.public_subnet_ids

  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    prefix  = "web"
    enabled = true
  }
}

resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  vpc_config {
    subnet_ids = var.private_subnet_ids
  }
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_cloudwatch_log_group" "api_access" {
  name = "/aws/apigateway/http"
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "prod"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", status = "$context.status" })
  }
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = "a1b2c3d4e5"
  deployment_id = "abc123"
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format          = "$context.requestId $context.identity.sourceIp"
  }
}

resource "aws_cloudfront_distribution" "legacy_logging" {
  enabled = true

  logging_config {
    bucket = "cdn-logs.s3.amazonaws.com"
  }

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
