# The selection picks every DynamoDB table, then its `condition` keeps only those tagged
# `Environment = prod*`: the staging table is left without a backup, the production table is
# covered, and a table whose tags are unknown is undecided.
variable "tags" {
  type = map(string)
}

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

resource "aws_backup_selection" "production_tables" {
  name         = "production-tables"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
  resources    = ["arn:aws:dynamodb:*:*:table/*"]

  condition {
    string_like {
      key   = "aws:ResourceTag/Environment"
      value = "prod*"
    }
  }
}

resource "aws_dynamodb_table" "staging" { # expect: BK001
  name     = "staging"
  hash_key = "id"
  tags = {
    Environment = "staging"
  }
}

resource "aws_dynamodb_table" "production" {
  name     = "production"
  hash_key = "id"
  tags = {
    Environment = "production"
  }
}

resource "aws_dynamodb_table" "unknown" { # undecided: BK001
  name     = "unknown"
  hash_key = "id"
  tags     = var.tags
}
