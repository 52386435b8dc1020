# The legacy inline block (provider 3, deprecated in 4 and later).
resource "aws_s3_bucket" "legacy" {
  bucket = "example-legacy"

  versioning {
    enabled = true
  }
}

resource "aws_s3_bucket" "legacy_string" {
  bucket = "example-legacy-string"

  versioning {
    enabled = "true"
  }
}
