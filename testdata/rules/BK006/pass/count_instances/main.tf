# count on both sides: each lock refers to its own vault instance.
resource "aws_backup_vault" "this" {
  count = 2
  name  = "vault-${count.index}"
}

resource "aws_backup_vault_lock_configuration" "this" {
  count              = 2
  backup_vault_name  = aws_backup_vault.this[count.index].name
  min_retention_days = 7
}

# for_each, referring through each.value.
resource "aws_backup_vault" "by_team" {
  for_each = toset(["a", "b"])
  name     = "team-${each.key}"
}

resource "aws_backup_vault_lock_configuration" "by_team" {
  for_each           = aws_backup_vault.by_team
  backup_vault_name  = each.value.name
  min_retention_days = 7
}
