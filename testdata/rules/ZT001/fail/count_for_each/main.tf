# count and for_each give one resource per instance, so one finding per instance on the
# same line.

resource "aws_security_group_rule" "ssh" {
  count             = 2
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"] # expect: ZT001, ZT001
}

resource "aws_vpc_security_group_ingress_rule" "admin" {
  for_each = {
    ssh   = 22
    rdp   = 3389
    https = 443
  }
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = "0.0.0.0/0" # expect: ZT001, ZT001
  from_port         = each.value
  to_port           = each.value
  ip_protocol       = "tcp"
}
