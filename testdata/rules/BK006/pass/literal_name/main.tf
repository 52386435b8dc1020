# The lock configuration names the vault by the same literal string.
resource "aws_backup_vault" "main" {
  name = "main-vault"
}

resource "aws_backup_vault_lock_configuration" "main" {
  backup_vault_name  = "main-vault"
  min_retention_days = 7
}
