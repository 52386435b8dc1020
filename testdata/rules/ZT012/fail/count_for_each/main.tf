# count and for_each give one resource per instance: one finding per instance.

resource "aws_instance" "workers" { # expect: ZT012, ZT012
  count         = 2
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_launch_template" "pools" {
  for_each = {
    blue  = "ami-0123456789abcdef0"
    green = "ami-0fedcba9876543210"
  }
  name_prefix = "${each.key}-"
  image_id    = each.value

  metadata_options {
    http_tokens = "optional" # expect: ZT012, ZT012
  }
}
