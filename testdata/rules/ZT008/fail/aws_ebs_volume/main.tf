resource "aws_ebs_volume" "explicit_false" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = false # expect: ZT008
}

# expect: ZT008
resource "aws_ebs_volume" "missing" {
  availability_zone = "eu-west-1a"
  size              = 100
}
