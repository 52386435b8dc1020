variable "user_data" {
  type = string
}

resource "aws_instance" "checked" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    curl -fsSLo /tmp/agent.sh https://get.example.com/agent-1.2.sh
    echo "9b2c…  /tmp/agent.sh" | sha256sum -c - && bash /tmp/agent.sh
  EOT
}

# Unknown user data: undecided.
resource "aws_launch_template" "unknown" {
  image_id  = "ami-12345678"
  user_data = base64encode(var.user_data) # undecided: IM008
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
  user_data_base64 = data.cloudinit_config.boot.rendered # undecided: IM008
}
