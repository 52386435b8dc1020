# Gateway load balancers have no access logs.
resource "aws_lb" "inspection" {
  name               = "inspection"
  load_balancer_type = "gateway"
  subnets            = ["subnet-1"]
}
