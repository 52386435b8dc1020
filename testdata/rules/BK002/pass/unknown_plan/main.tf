variable "plan_id" {
  type = string
}

# Automated backups keep 3 days; the plan the selection belongs to is not in this module, so
# its retention is unknown.
resource "aws_db_instance" "orders" { # undecided: BK002
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  backup_retention_period = 3
}

resource "aws_backup_selection" "orders" {
  name         = "orders"
  plan_id      = var.plan_id
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
  resources    = [aws_db_instance.orders.arn]
}

# A plan rule without lifecycle keeps recovery points until someone deletes them.
resource "aws_dynamodb_table" "sessions" {
  name     = "sessions"
  hash_key = "id"
}

resource "aws_backup_plan" "forever" {
  name = "forever"

  rule {
    rule_name         = "daily"
    target_vault_name = "Default"
    schedule          = "cron(0 3 * * ? *)"
  }
}

resource "aws_backup_selection" "sessions" {
  name         = "sessions"
  plan_id      = aws_backup_plan.forever.id
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
  resources    = [aws_dynamodb_table.sessions.arn]
}
