# google_compute_firewall: direction defaults to INGRESS; an allow block without `ports`
# allows every port of its protocol, and protocol "all" every protocol. Two allow blocks
# share the source: one finding for it.

resource "google_compute_firewall" "no_ports" {
  name    = "no-ports"
  network = "default"

  allow {
    protocol = "tcp"
  }

  allow {
    protocol = "udp"
  }

  source_ranges = ["0.0.0.0/0"] # expect: ZT002
}

resource "google_compute_firewall" "all_protocols" {
  name      = "all-protocols"
  network   = "default"
  direction = "INGRESS"

  allow {
    protocol = "all"
  }

  source_ranges = [
    "10.128.0.0/9",
    "::/0", # expect: ZT002
  ]
}

resource "google_compute_firewall" "full_range" {
  name    = "full-range"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["0-65535"]
  }

  source_ranges = ["0.0.0.0/0"] # expect: ZT002
}
