resource "google_sql_database_instance" "explicit_false" {
  name                = "orders"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = false # expect: BK008

  settings {
    tier = "db-custom-2-7680"
  }
}

# Cloud SQL's own protection is off as well.
resource "google_sql_database_instance" "both_off" {
  name                = "billing"
  database_version    = "MYSQL_8_0"
  region              = "europe-west1"
  deletion_protection = "false" # expect: BK008

  settings {
    tier                        = "db-custom-2-7680"
    deletion_protection_enabled = false
  }
}
