variable "name" {
  type = string
}

# expect: BK006
resource "aws_backup_vault" "this" {
  name = var.name
}
