# Values tenet cannot know statically (variables without default) are never judged: the
# source, the port, the protocol, the direction, the action and a dynamic block's for_each.
# Each rule that would open a data port to the internet if the unknown value were the unsafe
# one is listed as undecided, at the unknown value (or at the resource, for a dynamic block).

variable "cidr" {
  type = string
}

variable "db_port" {
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
  type = list(object({ port = number, cidr = string }))
}

resource "aws_security_group" "unknown_cidr" {
  name = "unknown-cidr"

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = [var.cidr] # undecided: ZT003
  }
}

resource "aws_security_group_rule" "unknown_port" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = var.db_port # undecided: ZT003
  to_port           = var.db_port
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "unknown_protocol" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 3306
  to_port           = 3306
  ip_protocol       = var.protocol # undecided: ZT003
}

resource "aws_network_acl" "unknown_action" {
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    rule_no    = 100
    action     = var.action # undecided: ZT003
    protocol   = "tcp"
    from_port  = 6379
    to_port    = 6379
    cidr_block = "0.0.0.0/0"
  }
}

# undecided: ZT003
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

resource "google_compute_firewall" "unknown_ports" {
  name          = "unknown-ports"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = [var.db_port] # undecided: ZT003
  }
}

resource "azurerm_network_security_rule" "unknown_direction" {
  name                        = "unknown-direction"
  priority                    = 100
  direction                   = var.direction # undecided: ZT003
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "1433"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

# Unknown values that cannot change the verdict are not undecided: a private source with an
# unknown port, an unknown source of an HTTPS rule, and a network ACL's ephemeral
# return-traffic range from an unknown source.

resource "aws_security_group" "private_unknown_port" {
  name = "private-unknown-port"

  ingress {
    from_port   = var.db_port
    to_port     = var.db_port
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_security_group_rule" "https_unknown_source" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = [var.cidr]
}

resource "aws_network_acl_rule" "ephemeral_unknown_source" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 200
  protocol       = "tcp"
  rule_action    = "allow"
  from_port      = 1024
  to_port        = 65535
  cidr_block     = var.cidr
}
