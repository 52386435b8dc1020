# Module of the child_module case: an instance with IMDSv1 left on.

variable "ami" {
  type = string
}

resource "aws_instance" "this" {
  ami           = var.ami
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "optional" # expect: ZT012
  }
}
