# Open sources on rules that do not let traffic in: egress, Outbound, Deny, EGRESS and
# disabled firewall rules.

resource "aws_security_group" "egress_only" {
  name = "egress-only"

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "egress" {
  type              = "egress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "egress" {
  name               = "egress-ssh"
  network            = "default"
  direction          = "EGRESS"
  destination_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "disabled" {
  name          = "disabled-ssh"
  network       = "default"
  disabled      = true
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

# A deny block is not an allow block.
resource "google_compute_firewall" "deny" {
  name          = "deny-rdp"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "tcp"
    ports    = ["3389"]
  }
}

resource "azurerm_network_security_rule" "deny" {
  name                        = "deny-ssh"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

resource "azurerm_network_security_group" "outbound" {
  name                = "outbound"
  location            = "westeurope"
  resource_group_name = "rg"

  security_rule {
    name                       = "out-ssh"
    priority                   = 100
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*"
    destination_address_prefix = "Internet"
  }
}
