# expect: BK006
resource "aws_backup_vault" "unlocked" {
  name = "unlocked"
}

# The lock configuration locks another vault, and one names a vault that is not defined here.
# expect: BK006
resource "aws_backup_vault" "app" {
  name = "app"
}

resource "aws_backup_vault" "locked" {
  name = "locked"
}

resource "aws_backup_vault_lock_configuration" "locked" {
  backup_vault_name  = aws_backup_vault.locked.name
  min_retention_days = 7
}

resource "aws_backup_vault_lock_configuration" "elsewhere" {
  backup_vault_name  = "vault-in-another-stack"
  min_retention_days = 7
}

# A backup plan that targets the vault does not lock it.
resource "aws_backup_plan" "app" {
  name = "app"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.app.name
    schedule          = "cron(0 5 * * ? *)"
  }
}
