# Values tenet cannot know statically (variables without default) are never judged; each
# bucket is listed as undecided instead.

variable "status" {
  type = string
}

variable "enabled" {
  type = bool
}

variable "object_lock" {
  type = bool
}

variable "bucket_name" {
  type = string
}

# The versioning resource's status is unknown: the bucket is undecided.
resource "aws_s3_bucket" "unknown_status" { # undecided: BK007
  bucket = "example-unknown-status"
}

resource "aws_s3_bucket_versioning" "unknown_status" {
  bucket = aws_s3_bucket.unknown_status.id
  versioning_configuration {
    status = var.status
  }
}

resource "aws_s3_bucket" "unknown_inline" {
  bucket = "example-unknown-inline"

  versioning {
    enabled = var.enabled # undecided: BK007
  }
}

resource "aws_s3_bucket" "unknown_object_lock" {
  bucket              = "example-unknown-lock"
  object_lock_enabled = var.object_lock # undecided: BK007
}

# The bucket's name is unknown and a versioning resource names a bucket literally.
resource "aws_s3_bucket" "unknown_name" {
  bucket = var.bucket_name # undecided: BK007
}

resource "aws_s3_bucket_versioning" "literal" {
  bucket = "example-literal"
  versioning_configuration {
    status = "Enabled"
  }
}

resource "google_storage_bucket" "unknown" {
  name     = "example-unknown"
  location = "EU"

  versioning {
    enabled = var.enabled # undecided: BK007
  }
}
