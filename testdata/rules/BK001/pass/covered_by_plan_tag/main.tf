resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"
  }
}

resource "aws_backup_selection" "tagged" {
  name         = "tagged"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = "daily"
  }
}

resource "aws_backup_selection" "efs" {
  name         = "efs"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
  resources    = ["arn:aws:elasticfilesystem:*:*:file-system/*"]
}

resource "aws_dynamodb_table" "sessions" {
  name     = "sessions"
  hash_key = "id"
  tags = {
    backup = "daily"
  }
}

resource "aws_efs_file_system" "shared" {
  encrypted = true
}

resource "aws_efs_file_system" "policy" {
  encrypted = true
}

resource "aws_efs_backup_policy" "policy" {
  file_system_id = aws_efs_file_system.policy.id

  backup_policy {
    status = "ENABLED"
  }
}

resource "aws_dynamodb_table" "pitr" {
  name     = "pitr"
  hash_key = "id"

  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_s3_bucket" "versioned" {
  bucket = "versioned"
}

resource "aws_s3_bucket_versioning" "versioned" {
  bucket = aws_s3_bucket.versioned.id

  versioning_configuration {
    status = "Enabled"
  }
}
