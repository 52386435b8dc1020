# google_compute_firewall: direction defaults to INGRESS; ports written as numbers are
# ports (Terraform converts them to strings); two allow blocks share the source: one
# finding for it, naming both services.

resource "google_compute_firewall" "data" {
  name    = "data"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = [9200, "9300"]
  }

  allow {
    protocol = "tcp"
    ports    = ["9000-9100"]
  }

  source_ranges = ["0.0.0.0/0"] # expect: ZT003
}

# An allow without `ports` is every port of the protocol.
resource "google_compute_firewall" "all_tcp" {
  name      = "all-tcp"
  network   = "default"
  direction = "INGRESS"

  allow {
    protocol = "tcp"
  }

  source_ranges = [
    "10.128.0.0/9",
    "::/0", # expect: ZT003
  ]
}
