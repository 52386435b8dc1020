# `resource.TYPE.NAME` is Terraform's explicit prefix for a managed resource.
resource "aws_s3_bucket" "logs" {
  bucket = "access-logs"
}

resource "aws_s3_bucket_logging" "app" {
  bucket        = "app"
  target_bucket = resource.aws_s3_bucket.logs.bucket
}
