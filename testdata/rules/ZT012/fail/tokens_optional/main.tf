# http_tokens explicitly "optional", directly or through a variable default: reported on the
# value.

variable "imds_tokens" {
  type    = string
  default = "optional"
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional" # expect: ZT012
  }
}

resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0123456789abcdef0"

  metadata_options {
    http_tokens = var.imds_tokens # expect: ZT012
  }
}

resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens                 = "optional" # expect: ZT012
    http_put_response_hop_limit = 2
  }
}
