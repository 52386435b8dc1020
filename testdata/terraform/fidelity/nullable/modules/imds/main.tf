variable "http_tokens" {
  type     = string
  default  = "required"
  nullable = false
}

variable "loose" {
  type    = string
  default = "kept"
}

resource "aws_instance" "this" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = var.http_tokens
  }
  tags = { loose = var.loose }
}
