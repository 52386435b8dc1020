# Proxy-only and service subnetworks cannot have flow logs.

resource "google_compute_subnetwork" "proxy_only" {
  name          = "proxy-only"
  network       = "default"
  region        = "europe-west1"
  ip_cidr_range = "10.129.0.0/23"
  purpose       = "REGIONAL_MANAGED_PROXY"
  role          = "ACTIVE"
}

resource "google_compute_subnetwork" "global_proxy" {
  name          = "global-proxy"
  network       = "default"
  region        = "europe-west1"
  ip_cidr_range = "10.130.0.0/23"
  purpose       = "GLOBAL_MANAGED_PROXY"
  role          = "ACTIVE"
}

resource "google_compute_subnetwork" "psc" {
  name          = "psc"
  network       = "default"
  region        = "europe-west1"
  ip_cidr_range = "10.131.0.0/24"
  purpose       = "PRIVATE_SERVICE_CONNECT"
}
