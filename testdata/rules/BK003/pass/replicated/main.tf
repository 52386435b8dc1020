provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "dr"
  region = "eu-central-1"
}

resource "aws_db_instance" "orders" {
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  backup_retention_period = 14
}

resource "aws_db_instance_automated_backups_replication" "orders" {
  provider               = aws.dr
  source_db_instance_arn = aws_db_instance.orders.arn
  retention_period       = 14
}

resource "aws_dynamodb_table" "sessions" {
  name             = "sessions"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  point_in_time_recovery {
    enabled = true
  }

  replica {
    region_name = "eu-central-1"
  }
}

resource "aws_s3_bucket" "documents" {
  bucket = "documents"
}

resource "aws_s3_bucket_versioning" "documents" {
  bucket = aws_s3_bucket.documents.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "documents_dr" {
  provider = aws.dr
  bucket   = "documents-dr"
}

resource "aws_s3_bucket_versioning" "documents_dr" {
  provider = aws.dr
  bucket   = aws_s3_bucket.documents_dr.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_replication_configuration" "documents" {
  role   = "arn:aws:iam::111122223333:role/replication"
  bucket = aws_s3_bucket.documents.id

  rule {
    id     = "all"
    status = "Enabled"

    destination {
      bucket        = aws_s3_bucket.documents_dr.arn
      storage_class = "GLACIER"
    }
  }
}
