# Values tenet cannot know statically (variables without default) are never judged: the
# source, the port, the protocol, the direction and a dynamic block's for_each.

variable "admin_cidr" {
  type = string
}

variable "admin_port" {
  type = number
}

variable "protocol" {
  type = string
}

variable "direction" {
  type = string
}

variable "rules" {
  type = list(object({ port = number, cidr = string }))
}

resource "aws_security_group" "unknown_cidr" {
  name = "unknown-cidr"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }
}

resource "aws_security_group_rule" "unknown_port" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = var.admin_port
  to_port           = var.admin_port
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "unknown_protocol" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 22
  to_port           = 22
  ip_protocol       = var.protocol
}

resource "aws_security_group" "unknown_dynamic" {
  name = "unknown-dynamic"

  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = [ingress.value.cidr]
    }
  }
}

resource "google_compute_firewall" "unknown_direction" {
  name          = "unknown-direction"
  network       = "default"
  direction     = var.direction
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "unknown_ports" {
  name          = "unknown-ports"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = [var.admin_port]
  }
}

resource "azurerm_network_security_rule" "unknown_source" {
  name                        = "unknown-source"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = var.admin_cidr
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
