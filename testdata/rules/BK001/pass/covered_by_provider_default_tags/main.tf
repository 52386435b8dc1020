# The table has no tags of its own: the provider's `default_tags` give it `backup = daily`,
# which the selection's `selection_tag` matches (AWS Backup sees the default tags).
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      backup = "daily"
    }
  }
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

resource "aws_dynamodb_table" "sessions" {
  name     = "sessions"
  hash_key = "id"
}
