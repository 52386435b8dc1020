resource "aws_dynamodb_table" "sessions" { # expect: BK001
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "disabled" { # expect: BK001
  name     = "disabled"
  hash_key = "id"

  point_in_time_recovery {
    enabled = false
  }
}

resource "aws_efs_file_system" "shared" { # expect: BK001
  encrypted = true
}

resource "aws_efs_backup_policy" "off" {
  file_system_id = aws_efs_file_system.off.id

  backup_policy {
    status = "DISABLED"
  }
}

resource "aws_efs_file_system" "off" { # expect: BK001
  encrypted = true
}

resource "aws_elasticache_replication_group" "cache" { # expect: BK001
  replication_group_id = "cache"
  description          = "sessions"
  node_type            = "cache.t4g.micro"
}

resource "aws_s3_bucket" "uploads" { # expect: BK001
  bucket = "uploads"
}

resource "google_sql_database_instance" "main" { # expect: BK001
  name             = "main"
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"
  }
}

resource "azurerm_postgresql_flexible_server" "main" {
  name                = "main"
  resource_group_name = "rg"
  location            = "westeurope"
  version             = "16"
}
