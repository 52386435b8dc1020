# Values tenet cannot know statically (variables without default) are never judged: the
# source, the ports, the protocol, the direction, the action and a dynamic block's for_each.
# Each rule that would open every port to the internet if the unknown value were the unsafe
# one is listed as undecided, at the unknown value (or at the resource, for a dynamic block).

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
    cidr_blocks = [var.cidr] # undecided: ZT002
  }
}

resource "aws_security_group_rule" "unknown_port" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 0
  to_port           = var.last_port # undecided: ZT002
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "unknown_protocol" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = var.protocol # undecided: ZT002
}

resource "aws_network_acl_rule" "unknown_action" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  protocol       = "-1"
  rule_action    = var.action # undecided: ZT002
  cidr_block     = "0.0.0.0/0"
}

# undecided: ZT002
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
  direction     = var.direction # undecided: ZT002
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
  source_address_prefix       = var.cidr # undecided: ZT002
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

# Unknown values that cannot change the verdict are not undecided: a range that starts at
# 1024 whatever its unknown end, an unknown source of an ICMP rule, a private source of a rule
# whose protocol is unknown.

resource "aws_security_group_rule" "high_ports" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 1024
  to_port           = var.last_port
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "icmp_unknown_source" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = var.cidr
  from_port         = -1
  to_port           = -1
  ip_protocol       = "icmp"
}

resource "aws_security_group" "private_unknown_protocol" {
  name = "private-unknown-protocol"

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = var.protocol
    cidr_blocks = ["10.0.0.0/8"]
  }
}
