variable "encrypted" {
  type    = bool
  default = true
}

resource "aws_efs_file_system" "this" {
  creation_token = "store"
  encrypted      = var.encrypted # expect: ZT008
}
