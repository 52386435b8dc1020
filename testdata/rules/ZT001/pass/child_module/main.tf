# A child module whose rule opens SSH only to the CIDR the caller passes: a private range.

module "web" {
  source     = "./modules/web"
  admin_cidr = "10.0.0.0/8"
}
