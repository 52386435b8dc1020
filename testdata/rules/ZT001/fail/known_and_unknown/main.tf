# A rule with a known internet source fires on it; the unknown source beside it is listed as
# undecided. A source already reported is not undecided again because of another unknown (a
# second `allow` block with an unknown port on the same `source_ranges`).

variable "extra_cidr" {
  type = string
}

variable "port" {
  type = string
}

resource "aws_security_group" "mixed" {
  name = "mixed"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0", var.extra_cidr] # expect: ZT001 # undecided: ZT001
  }
}

resource "google_compute_firewall" "mixed" {
  name          = "mixed"
  network       = "default"
  source_ranges = ["0.0.0.0/0"] # expect: ZT001

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  allow {
    protocol = "udp"
    ports    = [var.port]
  }
}
