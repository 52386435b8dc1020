# Module of the child_module case: SSH from the caller's range only.

variable "admin_cidr" {
  type = string
}

resource "aws_security_group" "this" {
  name = "web"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }
}
