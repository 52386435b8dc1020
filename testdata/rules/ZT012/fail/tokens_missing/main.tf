# A metadata_options block without http_tokens: the default "optional" applies. The finding
# points at the block, where the setting belongs.

resource "aws_instance" "hop_limit_only" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options { # expect: ZT012
    http_put_response_hop_limit = 2
  }
}

resource "aws_launch_template" "endpoint_enabled" {
  name_prefix = "web-"
  image_id    = "ami-0123456789abcdef0"

  metadata_options { # expect: ZT012
    http_endpoint = "enabled"
  }
}
