# The remediation from the metadata.
resource "aws_kms_key" "backup" {
  description         = "backup vault"
  enable_key_rotation = true
}

resource "aws_backup_vault" "main" {
  name        = "main"
  kms_key_arn = aws_kms_key.backup.arn
}

resource "aws_backup_vault_lock_configuration" "main" {
  backup_vault_name   = aws_backup_vault.main.name
  min_retention_days  = 7
  max_retention_days  = 365
  changeable_for_days = 3
}

# Governance mode (no changeable_for_days), referring through the vault's id.
resource "aws_backup_vault" "governance" {
  name = "governance"
}

resource "aws_backup_vault_lock_configuration" "governance" {
  backup_vault_name  = aws_backup_vault.governance.id
  min_retention_days = 1
}
