# aws_vpc_security_group_ingress_rule holds one CIDR per rule; ip_protocol "-1" has no ports
# and means every protocol and port.

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = "0.0.0.0/0" # expect: ZT001
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "all_v6" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv6         = "::/0" # expect: ZT001
  ip_protocol       = "-1"
}

# HTTPS from anywhere: not an administrative port.
resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}
