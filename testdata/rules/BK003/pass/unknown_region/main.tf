variable "dr_region" {
  type = string
}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "dr"
  region = var.dr_region
}

resource "aws_db_instance" "orders" { # undecided: BK003
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  backup_retention_period = 14
}

resource "aws_rds_cluster" "reports" { # undecided: BK003
  engine = "aurora-postgresql"
}

resource "aws_rds_cluster" "reports_replica" {
  provider                      = aws.dr
  engine                        = "aurora-postgresql"
  replication_source_identifier = aws_rds_cluster.reports.arn
}

resource "aws_backup_vault" "dr" {
  provider = aws.dr
  name     = "dr"
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "Default"
    schedule          = "cron(0 3 * * ? *)"

    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn
    }
  }
}

resource "aws_backup_selection" "orders" {
  name         = "orders"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
  resources    = [aws_db_instance.orders.arn]
}
