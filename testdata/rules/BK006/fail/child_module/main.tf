module "vault" {
  source = "./modules/vault"
  name   = "backups"
}
