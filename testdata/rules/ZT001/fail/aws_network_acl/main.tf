# Network ACLs: allow rules from the internet to SSH or RDP; the return-traffic range and deny
# rules do not count.
resource "aws_network_acl" "public" {
  vpc_id = "vpc-1"

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0" # expect: ZT001
  }

  ingress {
    rule_no    = 110
    action     = "deny"
    protocol   = "tcp"
    from_port  = 3389
    to_port    = 3389
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 120
    action     = "allow"
    protocol   = "tcp"
    from_port  = 1024
    to_port    = 65535
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_network_acl_rule" "rdp" {
  network_acl_id  = aws_network_acl.public.id
  rule_number     = 200
  rule_action     = "allow"
  protocol        = "6"
  from_port       = 3389
  to_port         = 3389
  ipv6_cidr_block = "::/0" # expect: ZT001
}

resource "aws_network_acl_rule" "egress_ssh" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 300
  egress         = true
  rule_action    = "allow"
  protocol       = "tcp"
  from_port      = 22
  to_port        = 22
  cidr_block     = "0.0.0.0/0"
}
