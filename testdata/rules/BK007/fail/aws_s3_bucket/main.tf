# expect: BK007
resource "aws_s3_bucket" "no_versioning" {
  bucket = "example-no-versioning"
}

# The versioning resource versions another bucket, and one names a bucket not defined here.
# expect: BK007
resource "aws_s3_bucket" "app" {
  bucket = "example-app"
}

resource "aws_s3_bucket" "versioned" {
  bucket = "example-versioned"
}

resource "aws_s3_bucket_versioning" "versioned" {
  bucket = aws_s3_bucket.versioned.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_versioning" "elsewhere" {
  bucket = "bucket-in-another-stack"
  versioning_configuration {
    status = "Enabled"
  }
}

# count: one finding per instance, both on the header.
# expect: BK007, BK007
resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "example-shard-${count.index}"
}
