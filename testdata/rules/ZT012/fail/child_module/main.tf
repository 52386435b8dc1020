# The instance is declared in a local child module: the finding lands in the module's file.

module "worker" {
  source = "./modules/worker"
  ami    = "ami-0123456789abcdef0"
}
