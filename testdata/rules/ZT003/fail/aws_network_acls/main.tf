# Network ACLs: an inline ingress allow of MySQL, and a standalone rule whose `egress` is left
# to its default (false: an inbound rule) over the MongoDB ports.

resource "aws_network_acl" "data" {
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 3306
    to_port    = 3306
    cidr_block = "0.0.0.0/0" # expect: ZT003
  }

  ingress {
    rule_no    = 110
    action     = "allow"
    protocol   = "tcp"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_network_acl_rule" "mongodb" {
  network_acl_id  = "acl-0123456789abcdef0"
  rule_number     = 120
  protocol        = "tcp"
  rule_action     = "allow"
  from_port       = 27017
  to_port         = 27017
  ipv6_cidr_block = "::/0" # expect: ZT003
}
