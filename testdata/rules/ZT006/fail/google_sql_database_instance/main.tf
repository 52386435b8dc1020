# Cloud SQL with an authorized network of 0.0.0.0/0 next to a narrow one.

resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_15"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      ipv4_enabled = true

      authorized_networks {
        name  = "office"
        value = "203.0.113.0/24"
      }

      authorized_networks {
        name  = "everyone"
        value = "0.0.0.0/0" # expect: ZT006
      }
    }
  }
}
