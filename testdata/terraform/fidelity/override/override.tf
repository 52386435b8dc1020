# Merged after dev_override.tf (lexical order): the last override wins.
locals {
  name = "app-override"
}

resource "aws_instance" "web" {
  instance_type = "t3.large"
}
