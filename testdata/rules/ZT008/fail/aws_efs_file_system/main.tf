resource "aws_efs_file_system" "explicit_false" {
  creation_token = "shared"
  encrypted      = false # expect: ZT008
}

# expect: ZT008
resource "aws_efs_file_system" "missing" {
  creation_token = "home"
}
