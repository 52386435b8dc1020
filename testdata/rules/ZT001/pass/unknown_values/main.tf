# Values tenet cannot know statically (variables without default) are never judged: the
# source, the port, the protocol, the direction and a dynamic block's for_each. Each rule that
# would open SSH or RDP to the internet if the unknown value were the unsafe one is listed as
# undecided, at the unknown value (or at the resource, for a dynamic block).

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
    cidr_blocks = [var.admin_cidr] # undecided: ZT001
  }
}

resource "aws_security_group_rule" "unknown_port" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = var.admin_port # undecided: ZT001
  to_port           = var.admin_port
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

# An unknown protocol may be -1 (every protocol and port).
resource "aws_vpc_security_group_ingress_rule" "unknown_protocol" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 22
  to_port           = 22
  ip_protocol       = var.protocol # undecided: ZT001
}

# undecided: ZT001
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
  direction     = var.direction # undecided: ZT001
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
    ports    = [var.admin_port] # undecided: ZT001
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
  source_address_prefix       = var.admin_cidr # undecided: ZT001
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

# The upper bound is unknown, but the range starts above 22 and may still hold 3389.
resource "aws_security_group_rule" "unknown_upper_bound" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 1024
  to_port           = var.admin_port # undecided: ZT001
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

# Unknown values that cannot change the verdict are not undecided: a private source with an
# unknown port, an unknown source of a rule that opens only HTTPS or ICMP, a range that ends
# below 22, an Azure rule (whose protocol does not widen its ports) for HTTPS only, and an
# egress rule with an unknown port.

resource "aws_security_group" "private_source_unknown_port" {
  name = "private"

  ingress {
    from_port   = var.admin_port
    to_port     = var.admin_port
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_security_group_rule" "unknown_source_https" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = [var.admin_cidr]
}

resource "aws_vpc_security_group_ingress_rule" "unknown_source_icmp" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = var.admin_cidr
  from_port         = -1
  to_port           = -1
  ip_protocol       = "icmp"
}

resource "aws_security_group_rule" "below_ssh" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = var.admin_port
  to_port           = 21
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "azurerm_network_security_rule" "unknown_protocol_https" {
  name                        = "unknown-protocol-https"
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = var.protocol
  source_port_range           = "*"
  destination_port_range      = "443"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

resource "aws_security_group_rule" "egress_unknown_port" {
  type              = "egress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = var.admin_port
  to_port           = var.admin_port
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

# A CIDR computed from a managed resource (here the VPC's range) names that network, never
# the whole internet; one from a data source may be anything.

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group_rule" "from_vpc" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [aws_vpc.main.cidr_block]
}

data "aws_ssm_parameter" "admin_range" {
  name = "/network/admin-range"
}

resource "aws_security_group_rule" "from_data_source" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [data.aws_ssm_parameter.admin_range.value] # undecided: ZT001
}

# Several unknown sources of one rule are one undecided check, at the first.
resource "aws_vpc_security_group_ingress_rule" "unknown_sources" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = var.admin_cidr # undecided: ZT001
  cidr_ipv6         = var.admin_cidr
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "tcp"
}
