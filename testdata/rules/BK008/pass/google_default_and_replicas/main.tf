# deletion_protection is missing: the provider's default (true) keeps Terraform from deleting it.
resource "google_sql_database_instance" "default" {
  name             = "orders"
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"
  }
}

# Terraform may delete it, but Cloud SQL refuses the delete.
resource "google_sql_database_instance" "api_protected" {
  name                = "billing"
  database_version    = "POSTGRES_16"
  region              = "europe-west1"
  deletion_protection = false

  settings {
    tier                        = "db-custom-2-7680"
    deletion_protection_enabled = true
  }
}

# A read replica: the data stays on the primary.
resource "google_sql_database_instance" "replica" {
  name                 = "orders-replica"
  database_version     = "POSTGRES_16"
  region               = "europe-west1"
  master_instance_name = google_sql_database_instance.default.name
  deletion_protection  = false

  settings {
    tier = "db-custom-2-7680"
  }
}
