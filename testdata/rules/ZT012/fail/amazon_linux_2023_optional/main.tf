# Amazon Linux 2023 requires IMDSv2 only by default: "optional" written out still allows
# IMDSv1, and an Amazon Linux 2 image has no such default.
data "aws_ssm_parameter" "al2023" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

data "aws_ssm_parameter" "al2" {
  name = "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2"
}

resource "aws_instance" "explicit_optional" {
  ami           = data.aws_ssm_parameter.al2023.value
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "optional" # expect: ZT012
  }
}

# expect: ZT012
resource "aws_instance" "amazon_linux_2" {
  ami           = data.aws_ssm_parameter.al2.value
  instance_type = "t3.micro"
}
