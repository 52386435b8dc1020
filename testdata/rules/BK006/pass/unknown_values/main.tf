# A lock configuration for a vault given from outside: it may lock either vault here.

variable "vault_name" {
  type = string
}

resource "aws_backup_vault_lock_configuration" "external" {
  backup_vault_name  = var.vault_name
  min_retention_days = 7
}

resource "aws_backup_vault" "main" { # undecided: BK006
  name = "main"
}

resource "aws_backup_vault" "secondary" { # undecided: BK006
  name = "secondary"
}
