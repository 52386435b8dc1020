# Network ACLs are stateless: the replies to the subnet's outbound connections come back on
# ephemeral ports, so an inbound allow of 1024-65535 (or 32768-65535) from anywhere is the
# return-traffic rule AWS recommends, not a data port opened on purpose.

resource "aws_network_acl" "private" {
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    rule_no    = 900
    action     = "allow"
    protocol   = "tcp"
    from_port  = 1024
    to_port    = 65535
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_network_acl_rule" "return_traffic_v6" {
  network_acl_id  = "acl-0123456789abcdef0"
  rule_number     = 910
  protocol        = "tcp"
  rule_action     = "allow"
  from_port       = 32768
  to_port         = 65535
  ipv6_cidr_block = "::/0"
}

# A security group is stateful: the same range there does open the data ports (see fail/).
