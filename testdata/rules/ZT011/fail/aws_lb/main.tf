# expect: ZT011
resource "aws_lb" "no_block" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = ["subnet-1", "subnet-2"]
}

resource "aws_lb" "enabled_missing" {
  name               = "api"
  load_balancer_type = "network"
  subnets            = ["subnet-1", "subnet-2"]

  # access_logs.enabled defaults to false, even with a bucket.
  # expect: ZT011
  access_logs {
    bucket = "lb-logs"
  }
}

resource "aws_lb" "disabled" {
  name    = "admin"
  subnets = ["subnet-1", "subnet-2"]

  access_logs {
    bucket  = "lb-logs"
    enabled = false # expect: ZT011
  }
}
