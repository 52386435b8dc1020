# Amazon Linux 2023 AMIs are registered with ImdsSupport = v2.0: without metadata_options,
# instances launched from them require IMDSv2.
data "aws_ssm_parameter" "al2023" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]
  name_regex  = "^al2023-ami-2023.*-x86_64"
}

data "aws_ami" "al2023_filter" {
  most_recent = true
  owners      = ["amazon"]
  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-arm64"]
  }
}

resource "aws_instance" "from_ssm" {
  ami           = data.aws_ssm_parameter.al2023.value
  instance_type = "t3.micro"
}

resource "aws_instance" "from_name_regex" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"
}

resource "aws_launch_template" "from_filter" {
  image_id = data.aws_ami.al2023_filter.id
}

resource "aws_launch_template" "resolve_ssm" {
  image_id = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
  metadata_options {
    http_endpoint = "enabled"
  }
}
