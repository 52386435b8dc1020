# The remediation from the metadata.
resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  deletion_protection = true
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier  = "orders"
  engine              = "aurora-postgresql"
  deletion_protection = true
}

resource "aws_dynamodb_table" "sessions" {
  name                        = "sessions"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "id"
  deletion_protection_enabled = true

  attribute {
    name = "id"
    type = "S"
  }
}

resource "google_sql_database_instance" "orders" {
  name                = "orders"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = true # the default: leave it out or keep it true

  settings {
    tier                        = "db-custom-2-7680"
    deletion_protection_enabled = true # Cloud SQL refuses deletes from any client
  }
}

# String forms Terraform converts to true.
resource "aws_rds_cluster" "string_true" {
  cluster_identifier  = "billing"
  engine              = "aurora-mysql"
  deletion_protection = "true"
}
