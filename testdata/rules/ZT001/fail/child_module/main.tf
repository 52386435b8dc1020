# The open security group is declared in a local child module: the finding lands in the
# module's file (modules/bastion/main.tf), not on the module call.

module "bastion" {
  source = "./modules/bastion"
  name   = "bastion"
}
