# References through count instances, for_each instances and module outputs.
resource "aws_s3_bucket" "logs" {
  count  = 2
  bucket = "logs-${count.index}"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs[1].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "named" {
  for_each = { a = "alpha", b = "beta" }
  bucket   = each.value
}

resource "aws_s3_bucket_public_access_block" "named" {
  for_each                = aws_s3_bucket.named
  bucket                  = aws_s3_bucket.named[each.key].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

module "store" {
  source = "./modules/store"
  name   = "data"
}

resource "aws_s3_bucket_policy" "store" {
  bucket = module.store.bucket_id
  policy = "{}"
}

# `each.value` of a for_each over a resource's instances is the instance of the same key.
resource "aws_s3_bucket_ownership_controls" "named" {
  for_each = aws_s3_bucket.named
  bucket   = each.value.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
