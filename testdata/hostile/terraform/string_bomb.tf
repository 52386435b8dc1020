# Each local joins 1024 copies of the one before: 10 bytes, 10 KB, 10 MB, then 10 GB.
locals {
  s0 = "0123456789"
  s1 = join("", [for i in range(1024) : local.s0])
  s2 = join("", [for i in range(1024) : local.s1])
  s3 = join("", [for i in range(1024) : local.s2])
}

resource "aws_s3_bucket" "b" {
  bucket = "b"
  tags   = { size = length(local.s3) }
}
