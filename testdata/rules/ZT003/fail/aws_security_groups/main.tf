# The three AWS security group rule types: a data port, a range that contains several, and
# every protocol. Each internet CIDR is reported on its own element.

resource "aws_security_group" "db" {
  name = "db"

  ingress {
    description = "PostgreSQL from anywhere, next to a private range"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"] # expect: ZT003
  }

  # HTTPS from anywhere is not a data port.
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# 6000-7000 contains Redis (6379) and the first Cassandra port (7000).
resource "aws_security_group_rule" "range" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 6000
  to_port           = 7000
  protocol          = "6"
  ipv6_cidr_blocks  = ["::/0"] # expect: ZT003
}

# Memcached over UDP (amplification).
resource "aws_vpc_security_group_ingress_rule" "memcached_udp" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "udp"
  from_port         = 11211
  to_port           = 11211
  cidr_ipv4         = "0.0.0.0/0" # expect: ZT003
}

# Every protocol reaches every data port.
resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0" # expect: ZT003
}
