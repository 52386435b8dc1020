# A versioning resource for a bucket given from outside: it may version either bucket here.

variable "bucket" {
  type = string
}

resource "aws_s3_bucket_versioning" "external" {
  bucket = var.bucket
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "main" { # undecided: BK007
  bucket = "example-main"
}

resource "aws_s3_bucket" "secondary" { # undecided: BK007
  bucket = "example-secondary"
}
