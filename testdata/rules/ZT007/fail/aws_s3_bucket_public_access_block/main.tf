# Public access blocks with flags turned off: explicitly (one finding per flag) or by leaving
# them out (the provider applies false; one finding on the resource).

resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_public_access_block" "explicit" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = false # expect: ZT007
  ignore_public_acls      = "false" # expect: ZT007
  restrict_public_buckets = true
}

# expect: ZT007
resource "aws_s3_bucket_public_access_block" "partial" {
  bucket            = aws_s3_bucket.data.id
  block_public_acls = true
}
