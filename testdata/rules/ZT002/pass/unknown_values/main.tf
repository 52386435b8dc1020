# Values tenet cannot know statically (variables without default) are never judged: the
# source, the ports, the protocol, the direction, the action and a dynamic block's for_each.

variable "cidr" {
  type = string
}

variable "last_port" {
  type = number
}

variable "protocol" {
  type = string
}

variable "direction" {
  type = string
}

variable "action" {
  type = string
}

variable "rules" {
  type = list(object({ protocol = string, cidr = string }))
}

resource "aws_security_group" "unknown_cidr" {
  name = "unknown-cidr"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = [var.cidr]
  }
}

resource "aws_security_group_rule" "unknown_port" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 0
  to_port           = var.last_port
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "unknown_protocol" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = var.protocol
}

resource "aws_network_acl_rule" "unknown_action" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  protocol       = "-1"
  rule_action    = var.action
  cidr_block     = "0.0.0.0/0"
}

resource "aws_security_group" "unknown_dynamic" {
  name = "unknown-dynamic"

  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port   = 0
      to_port     = 0
      protocol    = ingress.value.protocol
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
    protocol = "all"
  }
}

resource "azurerm_network_security_rule" "unknown_source" {
  name                        = "unknown-source"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = var.cidr
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
