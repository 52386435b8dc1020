# Standalone aws_security_group_rule of type ingress; the egress rule beside it is not
# inbound traffic and does not fire.

resource "aws_security_group_rule" "all_tcp" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"] # expect: ZT001
}

resource "aws_security_group_rule" "rdp_udp" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 3389
  to_port           = 3389
  protocol          = "udp"
  ipv6_cidr_blocks  = ["::/0"] # expect: ZT001
}

resource "aws_security_group_rule" "egress" {
  type              = "egress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
