variable "key_name" {
  type = string
}

resource "aws_instance" "ssm_only" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = "ssm"
}

resource "aws_launch_template" "unknown_key" {
  image_id = "ami-12345678"
  key_name = var.key_name
}

resource "aws_instance" "null_key" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  key_name      = null
}
