module "bucket" {
  source = "../modules/bucket"
  name   = "app_b"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
}
