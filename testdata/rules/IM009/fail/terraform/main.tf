resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  # expect: IM009
  user_data = <<-EOT
    #!/bin/bash
    yum install -y httpd
    systemctl enable --now httpd
  EOT
}

resource "aws_launch_template" "nodes" {
  image_id  = "ami-12345678"
  user_data = base64encode("#cloud-config\npackage_upgrade: true\n") # expect: IM009
}
