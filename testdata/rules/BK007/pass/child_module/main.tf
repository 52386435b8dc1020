# The bucket is created in a module and versioned in the root module through its output.
module "bucket" {
  source = "./modules/bucket"
  name   = "example-logs"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = module.bucket.id
  versioning_configuration {
    status = "Enabled"
  }
}
