# A dynamic ingress block over a variable with a default: port 22 and 3389 fire on the
# content's cidr_blocks line, port 443 does not.

variable "public_ports" {
  type    = list(number)
  default = [22, 443, 3389]
}

resource "aws_security_group" "dynamic" {
  name = "dynamic"

  dynamic "ingress" {
    for_each = var.public_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"] # expect: ZT001, ZT001
    }
  }
}
