# Module of the child_module case: an SSH ingress open to the internet.

variable "name" {
  type = string
}

resource "aws_security_group" "this" {
  name = var.name

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect: ZT001
  }
}
