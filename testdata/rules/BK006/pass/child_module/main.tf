# The vault is created in a module and locked in the root module through its output.
module "vault" {
  source = "./modules/vault"
  name   = "backups"
}

resource "aws_backup_vault_lock_configuration" "backups" {
  backup_vault_name  = module.vault.name
  min_retention_days = 7
}
