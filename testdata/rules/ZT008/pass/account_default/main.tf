# EBS encryption by default is enabled for the account and region of the default provider:
# EC2 encrypts every new volume there, whether `encrypted` is left out or even set to false.

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
}

resource "aws_ebs_volume" "explicit_false" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = false
}

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    volume_size = 30
  }
}

# Unknown values do not decide anything there either.

variable "encrypted" {
  type = bool
}

variable "devices" {
  type = list(object({ name = string }))
}

resource "aws_ebs_volume" "unknown" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = var.encrypted
}

resource "aws_instance" "dynamic_devices" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  dynamic "ebs_block_device" {
    for_each = var.devices
    content {
      device_name = ebs_block_device.value.name
    }
  }
}
