# Values tenet cannot know statically (variables without default) are never judged:
# http_tokens, http_endpoint, and a dynamic metadata_options block over an unknown list. Each
# is listed as undecided, at the unknown value (or at the resource, for a dynamic block).

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
    http_tokens = var.tokens # undecided: ZT012
  }
}

resource "aws_launch_template" "unknown_endpoint" {
  name_prefix = "unknown-"
  image_id    = "ami-0123456789abcdef0"

  metadata_options {
    http_endpoint = var.endpoint # undecided: ZT012
    http_tokens   = "optional"
  }
}

# undecided: ZT012
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

# Unknown values that cannot change the verdict are not undecided: the endpoint of a block
# that requires tokens, and the tokens of a block whose endpoint is disabled.

resource "aws_instance" "required_unknown_endpoint" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = var.endpoint
    http_tokens   = "required"
  }
}

resource "aws_instance" "disabled_unknown_tokens" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "disabled"
    http_tokens   = var.tokens
  }
}
