# metadata_options written as a dynamic block over a known list: expanded like a literal
# block. An empty dynamic block leaves the resource without metadata_options.

variable "imds" {
  type    = list(object({ tokens = string }))
  default = [{ tokens = "optional" }]
}

resource "aws_instance" "dynamic" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  dynamic "metadata_options" {
    for_each = var.imds
    content {
      http_tokens = metadata_options.value.tokens # expect: ZT012
    }
  }
}

# expect: ZT012
resource "aws_launch_template" "empty_dynamic" {
  name_prefix = "empty-"
  image_id    = "ami-0123456789abcdef0"

  dynamic "metadata_options" {
    for_each = []
    content {
      http_tokens = "required"
    }
  }
}
