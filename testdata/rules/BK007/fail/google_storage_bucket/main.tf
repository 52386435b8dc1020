# expect: BK007
resource "google_storage_bucket" "missing" {
  name     = "example-missing"
  location = "EU"
}

resource "google_storage_bucket" "explicit_false" {
  name     = "example-false"
  location = "EU"

  versioning {
    enabled = false # expect: BK007
  }
}
