# expect: ZT010
resource "google_compute_subnetwork" "app" {
  name          = "app"
  network       = "default"
  region        = "europe-west1"
  ip_cidr_range = "10.10.0.0/20"
}

# expect: ZT010
resource "google_compute_subnetwork" "explicit_private" {
  name          = "data"
  network       = "default"
  region        = "europe-west1"
  ip_cidr_range = "10.20.0.0/20"
  purpose       = "PRIVATE"
}
