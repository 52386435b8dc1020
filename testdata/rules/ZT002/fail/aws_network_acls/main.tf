# Network ACLs: an inline ingress allow of every protocol, and a standalone rule whose
# `egress` is left to its default (false: an inbound rule).

resource "aws_network_acl" "public" {
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0" # expect: ZT002
  }

  # Outbound rules are not judged.
  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_network_acl_rule" "all_tcp_v6" {
  network_acl_id  = "acl-0123456789abcdef0"
  rule_number     = 110
  protocol        = "6"
  rule_action     = "allow"
  from_port       = 0
  to_port         = 65535
  ipv6_cidr_block = "::/0" # expect: ZT002
}
