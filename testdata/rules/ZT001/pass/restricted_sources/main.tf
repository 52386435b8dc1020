# Administrative ports open only to private or specific ranges, and web ports open to the
# internet: nothing here lets the internet reach SSH or RDP.

resource "aws_security_group" "admin_vpn" {
  name = "admin-vpn"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16", "203.0.113.7/32"]
  }

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  # Security-group sources are not internet sources.
  ingress {
    from_port       = 3389
    to_port         = 3389
    protocol        = "tcp"
    security_groups = ["sg-0123456789abcdef0"]
  }
}

# A range that stops just below 22 and one that starts just above 3389.
resource "aws_security_group_rule" "near_misses" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 3390
  to_port           = 8080
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "below_ssh" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 0
  to_port           = 21
  ip_protocol       = "tcp"
}

# UDP 22 is not SSH.
resource "aws_vpc_security_group_ingress_rule" "udp_22" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv6         = "::/0"
  from_port         = 22
  to_port           = 22
  ip_protocol       = "udp"
}

# ICMP from anywhere reaches no port.
resource "aws_vpc_security_group_ingress_rule" "icmp" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = -1
  to_port           = -1
  ip_protocol       = "icmp"
}

resource "google_compute_firewall" "iap_ssh" {
  name    = "allow-iap-ssh"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["22", "3389"]
  }

  # Google IAP TCP forwarding range.
  source_ranges = ["35.235.240.0/20"]
}

# Tag sources only: no source_ranges, nothing judged.
resource "google_compute_firewall" "tagged" {
  name        = "allow-from-bastion"
  network     = "default"
  source_tags = ["bastion"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "azurerm_network_security_rule" "ssh_vnet" {
  name                        = "ssh-vnet"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

resource "azurerm_network_security_rule" "https_internet" {
  name                        = "https-internet"
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["80", "443"]
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
