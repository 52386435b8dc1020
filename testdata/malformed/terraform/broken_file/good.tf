# The other file of this module is broken; this one is still evaluated, as Terraform would
# report the error but tenet must not lose the resources it can read.
resource "aws_instance" "still_checked" {
  ami           = "ami-123"
  instance_type = "t3.micro"
}
