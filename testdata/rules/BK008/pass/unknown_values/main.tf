# Values tenet cannot know statically (variables without default) are never judged; each
# resource is listed as undecided instead.

variable "deletion_protection" {
  type = bool
}

variable "source_db" {
  type = string
}

variable "settings_protection" {
  type = bool
}

resource "aws_db_instance" "unknown_flag" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  deletion_protection = var.deletion_protection # undecided: BK008
}

resource "aws_rds_cluster" "unknown_flag" {
  cluster_identifier  = "orders"
  engine              = "aurora-postgresql"
  deletion_protection = var.deletion_protection # undecided: BK008
}

resource "aws_dynamodb_table" "unknown_flag" {
  name                        = "sessions"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "id"
  deletion_protection_enabled = var.deletion_protection # undecided: BK008

  attribute {
    name = "id"
    type = "S"
  }
}

# It may or may not be a read replica.
resource "aws_db_instance" "maybe_replica" {
  identifier          = "orders-maybe-replica"
  instance_class      = "db.t4g.medium"
  replicate_source_db = var.source_db # undecided: BK008
}

resource "google_sql_database_instance" "unknown_flag" {
  name                = "orders"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = var.deletion_protection # undecided: BK008

  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "unknown_settings" {
  name                = "billing"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = false

  settings {
    tier                        = "db-custom-2-7680"
    deletion_protection_enabled = var.settings_protection # undecided: BK008
  }
}
