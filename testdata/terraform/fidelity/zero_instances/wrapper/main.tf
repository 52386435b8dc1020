variable "name" {
  type    = string
  default = "wrapped"
}

resource "aws_instance" "this" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  tags          = { Name = var.name }
}
