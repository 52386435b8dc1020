# tenet:ignore ZT001 bastion for the data-centre migration; see INFRA-1234
resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "legacy" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "optional" # tenet:ignore ZT012 until=2999-01-01 the agent needs IMDSv1
  }
}

// tenet:ignore ZT012
resource "aws_instance" "no_reason" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
}

resource "aws_security_group" "ops" {
  name = "ops"
  /* tenet:ignore ZT001 until=2020-01-01 temporary opening for the 2019 audit */
  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# tenet:ignore ZT012 this instance is fine already
resource "aws_instance" "clean" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "required"
  }
}

# tenet:ignore ZT999 a typo
resource "terraform_data" "logs" {
  input = "logs"
}
