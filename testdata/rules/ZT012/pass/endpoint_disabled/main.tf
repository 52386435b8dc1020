# The metadata endpoint is disabled: there is no IMDSv1 to reach, whatever http_tokens says.

resource "aws_instance" "no_imds" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "disabled"
  }
}

resource "aws_launch_template" "no_imds" {
  name_prefix = "no-imds-"
  image_id    = "ami-0123456789abcdef0"

  metadata_options {
    http_endpoint = "disabled"
    http_tokens   = "optional"
  }
}
