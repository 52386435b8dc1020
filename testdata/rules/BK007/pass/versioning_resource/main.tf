# Referring through the bucket's name attribute.
resource "aws_s3_bucket" "by_name" {
  bucket = "example-by-name"
}

resource "aws_s3_bucket_versioning" "by_name" {
  bucket = aws_s3_bucket.by_name.bucket
  versioning_configuration {
    status = "Enabled"
  }
}

# The same literal name.
resource "aws_s3_bucket" "literal" {
  bucket = "example-literal"
}

resource "aws_s3_bucket_versioning" "literal" {
  bucket = "example-literal"
  versioning_configuration {
    status = "Enabled"
  }
}

# count on both sides.
resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "example-shard-${count.index}"
}

resource "aws_s3_bucket_versioning" "counted" {
  count  = 2
  bucket = aws_s3_bucket.counted[count.index].id
  versioning_configuration {
    status = "Enabled"
  }
}

# for_each over the buckets.
resource "aws_s3_bucket" "by_team" {
  for_each = toset(["a", "b"])
  bucket   = "example-team-${each.key}"
}

resource "aws_s3_bucket_versioning" "by_team" {
  for_each = aws_s3_bucket.by_team
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}
