# google_compute_firewall: direction defaults to INGRESS; ports are strings, single or
# ranges; an allow block without ports allows every port; protocol "all" allows everything.

resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["80", "22"]
  }

  source_ranges = [
    "10.128.0.0/9",
    "0.0.0.0/0", # expect: ZT001
  ]
}

resource "google_compute_firewall" "range" {
  name      = "allow-range"
  network   = "default"
  direction = "INGRESS"

  allow {
    protocol = "tcp"
    ports    = ["3000-4000"]
  }

  source_ranges = ["::/0"] # expect: ZT001
}

resource "google_compute_firewall" "all" {
  name    = "allow-all"
  network = "default"

  allow {
    protocol = "all"
  }

  source_ranges = ["0.0.0.0/0"] # expect: ZT001
}

# Two allow blocks share the source: one finding names both services.
resource "google_compute_firewall" "tcp_no_ports" {
  name    = "allow-tcp"
  network = "default"

  allow {
    protocol = "tcp"
  }

  allow {
    protocol = "udp"
    ports    = ["3389"]
  }

  source_ranges = ["0.0.0.0/0"] # expect: ZT001
}

# Ports written as numbers: Terraform converts them to the attribute's string type.
resource "google_compute_firewall" "numeric_ports" {
  name    = "allow-ssh-numeric"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = [22]
  }

  source_ranges = ["0.0.0.0/0"] # expect: ZT001
}
