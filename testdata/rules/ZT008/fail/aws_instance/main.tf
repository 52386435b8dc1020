# Each block device of an instance is judged on its own; count gives one finding per instance.

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  # expect: ZT008
  root_block_device {
    volume_size = 30
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = false # expect: ZT008
  }

  ebs_block_device {
    device_name = "/dev/sdg"
    volume_size = 100
    encrypted   = true
  }
}

resource "aws_instance" "from_list" {
  count         = 2
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = "false" # expect: ZT008, ZT008
  }
}
