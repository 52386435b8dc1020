# The VPC is created in a child module and logged from the root through the module output.

module "network" {
  source = "./modules/vpc"
}

resource "aws_flow_log" "network" {
  vpc_id       = module.network.vpc_id
  traffic_type = "REJECT"
}
