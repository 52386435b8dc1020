# No metadata_options block at all: http_tokens takes its default, "optional" (IMDSv1 on).
# The finding points at the resource header.

# expect: ZT012
resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_launch_template" "web" { # expect: ZT012
  name_prefix   = "web-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_launch_configuration" "web" { # expect: ZT012
  name_prefix   = "web-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
