# The table's own tag overrides the provider's default: `backup = never` is not selected.
# The provider with unknown default tags leaves the second table's selection undecided.
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      backup = "daily"
    }
  }
}

variable "default_tags" {
  type = map(string)
}

provider "aws" {
  alias  = "other"
  region = "eu-west-1"
  default_tags {
    tags = var.default_tags
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

resource "aws_dynamodb_table" "scratch" { # expect: BK001
  name     = "scratch"
  hash_key = "id"
  tags = {
    backup = "never"
  }
}

resource "aws_dynamodb_table" "elsewhere" { # undecided: BK001
  provider = aws.other
  name     = "elsewhere"
  hash_key = "id"
}
