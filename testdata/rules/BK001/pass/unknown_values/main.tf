variable "retention_days" {
  type = number
}

variable "backup_resources" {
  type = list(string)
}

resource "aws_db_instance" "orders" { # undecided: BK001
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  backup_retention_period = var.retention_days
}

resource "aws_backup_selection" "chosen" {
  name         = "chosen"
  plan_id      = "0123"
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
  resources    = var.backup_resources
}

# Without the unknown selection this table would have no backup.
resource "aws_dynamodb_table" "sessions" { # undecided: BK001
  name     = "sessions"
  hash_key = "id"
}
