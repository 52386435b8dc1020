# The policy is declared in a local child module: the finding lands in the module's file.

module "admin" {
  source = "./modules/admin"
  name   = "break-glass"
}
