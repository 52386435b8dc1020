# The remediation from the metadata.
resource "aws_s3_bucket" "reports" {
  bucket = "example-reports"
}

resource "aws_s3_bucket_versioning" "reports" {
  bucket = aws_s3_bucket.reports.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "google_storage_bucket" "reports" {
  name     = "example-reports"
  location = "EU"

  versioning {
    enabled = true
  }
}
