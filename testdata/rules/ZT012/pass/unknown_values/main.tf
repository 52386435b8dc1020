# Values tenet cannot know statically (variables without default) are never judged:
# http_tokens, http_endpoint, and a dynamic metadata_options block over an unknown list.

variable "tokens" {
  type = string
}

variable "endpoint" {
  type = string
}

variable "imds" {
  type = list(object({ tokens = string }))
}

resource "aws_instance" "unknown_tokens" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = var.tokens
  }
}

resource "aws_launch_template" "unknown_endpoint" {
  name_prefix = "unknown-"
  image_id    = "ami-0123456789abcdef0"

  metadata_options {
    http_endpoint = var.endpoint
    http_tokens   = "optional"
  }
}

resource "aws_launch_configuration" "unknown_block" {
  name_prefix   = "unknown-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  dynamic "metadata_options" {
    for_each = var.imds
    content {
      http_tokens = metadata_options.value.tokens
    }
  }
}
