resource "aws_instance" "bastion" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  key_name      = "ops" # expect: IM005
}

resource "aws_launch_template" "nodes" {
  image_id = "ami-12345678"
  key_name = "nodes" # expect: IM005
}
