resource "aws_elasticache_replication_group" "cache" { # expect: BK002
  replication_group_id     = "cache"
  description              = "sessions"
  node_type                = "cache.t4g.micro"
  snapshot_retention_limit = 3
}

resource "aws_dynamodb_table" "sessions" { # expect: BK002
  name     = "sessions"
  hash_key = "id"

  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = 3
  }
}

resource "aws_s3_bucket" "versions" { # expect: BK002
  bucket = "versions"

  versioning {
    enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "versions" {
  bucket = aws_s3_bucket.versions.id

  rule {
    id     = "expire-old-versions"
    status = "Enabled"

    noncurrent_version_expiration {
      noncurrent_days = 2
    }
  }
}
