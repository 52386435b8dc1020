# The vault's name comes from outside; the lock names a vault literally: it may be this one.

variable "vault_name" {
  type = string
}

resource "aws_backup_vault" "main" {
  name = var.vault_name # undecided: BK006
}

resource "aws_backup_vault_lock_configuration" "main" {
  backup_vault_name  = "main-vault"
  min_retention_days = 7
}
