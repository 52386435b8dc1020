# The three AWS security group rule types: protocol -1 (every protocol and port; ports 0..0
# do not narrow it) and a TCP/UDP rule over the whole port range.

resource "aws_security_group" "everything" {
  name = "everything"

  ingress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
    cidr_blocks = [
      "10.0.0.0/8",
      "0.0.0.0/0", # expect: ZT002
    ]
  }

  # HTTPS from anywhere is one port, not every port.
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "all_tcp" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["::/0"] # expect: ZT002
}

# 1-65535 is every usable port (port 0 is reserved); protocol "all" is the same as -1.
resource "aws_vpc_security_group_ingress_rule" "all_udp" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "udp"
  from_port         = 1
  to_port           = 65535
  cidr_ipv4         = "0.0.0.0/0" # expect: ZT002
}

resource "aws_vpc_security_group_ingress_rule" "all_protocols" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "all"
  cidr_ipv6         = "::/0" # expect: ZT002
}
