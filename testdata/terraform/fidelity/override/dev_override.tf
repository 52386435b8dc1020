variable "environment" {
  default = "dev"
}

resource "aws_instance" "web" {
  instance_type = "t3.small"
  metadata_options {
    http_tokens = "optional"
  }
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_security_group" "web" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_s3_bucket" "missing" {
  bucket = "no-base"
}
