# expect: ZT011
resource "aws_alb" "legacy_name" {
  name    = "web"
  subnets = ["subnet-1", "subnet-2"]
}

resource "aws_alb" "disabled" {
  name    = "api"
  subnets = ["subnet-1", "subnet-2"]

  access_logs {
    bucket  = "lb-logs"
    enabled = "false" # expect: ZT011
  }
}
