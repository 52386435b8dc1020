resource "google_sql_database_instance" "ssl_mode" {
  name             = "orders"
  database_version = "POSTGRES_16"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED" # expect: ZT009
    }
  }
}

resource "google_sql_database_instance" "require_ssl" {
  name             = "users"
  database_version = "MYSQL_8_0"

  settings {
    tier = "db-n1-standard-1"
    ip_configuration {
      require_ssl = false # expect: ZT009
    }
  }
}
