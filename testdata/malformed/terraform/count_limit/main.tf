# A count past the instance limit (10,000 by default): a diagnostic, never 10 million resources.
resource "aws_instance" "fleet" {
  count         = 10000000
  ami           = "ami-123"
  instance_type = "t3.micro"
}
