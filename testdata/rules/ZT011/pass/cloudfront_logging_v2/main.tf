# Standard logging v2: a CloudWatch log delivery source whose resource_arn refers to the
# distribution, here a counted distribution in a child module reached through its output.

module "cdn" {
  source = "./modules/cdn"
}

resource "aws_cloudwatch_log_delivery_source" "cdn" {
  name         = "cdn-access"
  log_type     = "ACCESS_LOGS"
  resource_arn = module.cdn.arn
}
