# expect: BK007
resource "aws_s3_bucket" "suspended" {
  bucket = "example-suspended"
}

resource "aws_s3_bucket_versioning" "suspended" {
  bucket = aws_s3_bucket.suspended.id
  versioning_configuration {
    status = "Suspended"
  }
}

# expect: BK007
resource "aws_s3_bucket" "disabled" {
  bucket = "example-disabled"
}

resource "aws_s3_bucket_versioning" "disabled" {
  bucket = "example-disabled"
  versioning_configuration {
    status = "Disabled"
  }
}
