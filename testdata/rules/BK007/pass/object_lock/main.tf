# S3 Object Lock turns versioning on and it cannot be suspended.
resource "aws_s3_bucket" "locked" {
  bucket              = "example-locked"
  object_lock_enabled = true
}

resource "aws_s3_bucket" "legacy_locked" {
  bucket = "example-legacy-locked"

  object_lock_configuration {
    object_lock_enabled = "Enabled"
  }
}
