variable "name" {
  type = string
}

resource "aws_backup_vault" "this" {
  name = var.name
}

output "name" {
  value = aws_backup_vault.this.name
}
