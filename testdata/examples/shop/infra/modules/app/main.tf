variable "name" {
  type = string
}

variable "security_group" {
  type = string
}

resource "aws_instance" "this" {
  ami                    = "ami-0abcdef1234567890"
  instance_type          = "t3.small"
  vpc_security_group_ids = [var.security_group]

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }

  tags = {
    Name = var.name
  }
}
