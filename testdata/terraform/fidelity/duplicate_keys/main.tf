# Terraform keeps the last value of a key set twice in one object (terraform-aws-alb's
# complete-alb example does this); the file must still be checked.
locals {
  listener = { port = 80, name = "web", port = 443 }
}

resource "aws_ssm_parameter" "port" {
  name  = "port"
  type  = "String"
  value = local.listener.port
}

resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
}
