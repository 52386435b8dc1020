variable "key_name" {
  type = string
}

resource "aws_instance" "ssm_only" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = "ssm"
}

resource "aws_instance" "null_key" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  key_name      = null
}

# Unknown key names (a variable without default, another resource's attribute): undecided.
resource "aws_launch_template" "unknown_key" {
  image_id = "ami-12345678"
  key_name = var.key_name # undecided: IM005
}

resource "aws_key_pair" "deployer" {
  key_name   = "deployer"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJb5RdzFqUeTmKwl0CUw2dg0sxJ3PrTtDQ8yN3mv5g0W deployer"
}

resource "aws_instance" "key_from_resource" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  key_name      = aws_key_pair.deployer.key_name # undecided: IM005
}
