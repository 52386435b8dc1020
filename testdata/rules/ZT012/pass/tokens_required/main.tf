# IMDSv2 required on every resource type; a data source is not a resource to judge.

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0123456789abcdef0"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "required"
  }
}

data "aws_instance" "existing" {
  instance_id = "i-0123456789abcdef0"
}
