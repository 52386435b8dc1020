# Inline ingress blocks of an aws_security_group: each internet CIDR that reaches SSH or RDP
# is reported on its own element; private ranges in the same list are not.

resource "aws_security_group" "ssh_world" {
  name = "ssh-world"

  ingress {
    description = "SSH from anywhere, next to a private range"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"] # expect: ZT001
  }

  # HTTPS from anywhere is not an administrative port.
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "rdp_range_v6" {
  name = "rdp-range-v6"

  # A port range that contains 3389, open to every IPv6 address.
  ingress {
    from_port        = 3000
    to_port          = 4000
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"] # expect: ZT001
  }
}

resource "aws_security_group" "everything" {
  name = "everything"

  # Protocol -1 is every protocol and every port: ports 0..0 do not narrow it.
  ingress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
    cidr_blocks = [
      "192.168.0.0/16",
      "0.0.0.0/0", # expect: ZT001
    ]
  }
}

resource "aws_security_group" "numeric_protocol" {
  name = "numeric-protocol"

  # Protocol 6 is TCP.
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "6"
    cidr_blocks = ["0.0.0.0/0"] # expect: ZT001
  }
}
