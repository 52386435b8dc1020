resource "aws_db_instance" "skipped" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  skip_final_snapshot = true # expect: BK009
}

# Terraform converts the string to a boolean.
resource "aws_db_instance" "string_true" {
  identifier          = "billing"
  engine              = "mysql"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  skip_final_snapshot = "true" # expect: BK009
}

# Restored from a snapshot: still a primary instance with its own data.
resource "aws_db_instance" "restored" {
  identifier          = "ledger"
  instance_class      = "db.t4g.medium"
  snapshot_identifier = "ledger-2024-01-01"
  skip_final_snapshot = true # expect: BK009
}

variable "engine" {
  type = string
}

# The engine is unknown, but without `custom_iam_instance_profile` this is not RDS Custom.
resource "aws_db_instance" "unknown_engine" {
  identifier          = "reports"
  engine              = var.engine
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  skip_final_snapshot = true # expect: BK009
}
