resource "aws_instance" "bootstrap" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  # expect: IM008
  user_data = <<-EOT
    #!/bin/bash
    curl -fsSL https://get.example.com/agent.sh | bash
  EOT
}

resource "aws_launch_template" "nodes" {
  image_id  = "ami-12345678"
  user_data = base64encode("#!/bin/sh\nwget -qO- https://example.com/join.sh | sh\n") # expect: IM008
}

# A pipe on the next line after a line continuation is still a pipe.
resource "aws_instance" "continued" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  # expect: IM008
  user_data = <<-EOT
    #!/bin/bash
    curl -fsSL https://example.com/bootstrap.sh \
      | bash -s -- --cluster prod
  EOT
}
