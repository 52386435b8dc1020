variable "script" {
  type = string
}

resource "aws_instance" "baked" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\nsystemctl start app\n"
}

# Unknown user data: undecided.
resource "aws_launch_template" "unknown" {
  image_id  = "ami-12345678"
  user_data = base64encode(var.script) # undecided: IM009
}

data "cloudinit_config" "boot" {
  part {
    content_type = "text/x-shellscript"
    content      = "#!/bin/bash\nsystemctl start app\n"
  }
}

resource "aws_instance" "rendered" {
  ami              = "ami-12345678"
  instance_type    = "t3.micro"
  user_data_base64 = data.cloudinit_config.boot.rendered # undecided: IM009
}
