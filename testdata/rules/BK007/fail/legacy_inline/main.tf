resource "aws_s3_bucket" "inline_false" {
  bucket = "example-inline-false"

  versioning {
    enabled = false # expect: BK007
  }
}

# MFA delete alone does not version the bucket.
resource "aws_s3_bucket" "inline_mfa_only" {
  bucket = "example-inline-mfa"

  versioning {
    enabled    = "false" # expect: BK007
    mfa_delete = true
  }
}

# The separate resource suspends versioning: the finding stays on the bucket header.
# expect: BK007
resource "aws_s3_bucket" "both_off" {
  bucket = "example-both-off"

  versioning {
    enabled = false
  }
}

resource "aws_s3_bucket_versioning" "both_off" {
  bucket = aws_s3_bucket.both_off.id
  versioning_configuration {
    status = "Suspended"
  }
}
