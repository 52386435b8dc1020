# The VPC is declared in a local child module and nothing logs it: the finding lands in the
# module's file.

module "network" {
  source = "./modules/vpc"
}
