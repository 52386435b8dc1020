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

# An unknown flag chooses between two VM purposes: a VM subnet either way.
variable "rfc1918" {
  type = bool
}

# expect: ZT010
resource "google_compute_subnetwork" "either_vm_purpose" {
  name          = "either"
  network       = "default"
  region        = "europe-west1"
  ip_cidr_range = "10.40.0.0/20"
  purpose       = var.rfc1918 ? "PRIVATE_RFC_1918" : "PRIVATE"
}
