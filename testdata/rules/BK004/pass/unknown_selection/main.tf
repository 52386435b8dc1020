variable "backup_tag" {
  type = string
}

resource "aws_db_instance" "orders" { # undecided: BK004
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  backup_retention_period = 14
  tags = {
    backup = "daily"
  }
}

resource "aws_backup_selection" "tagged" {
  name         = "tagged"
  plan_id      = "0123"
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = var.backup_tag
  }
}
