# Data Lifecycle Manager policies and AWS Backup plans act in their own region: a snapshot
# policy and a backup selection in us-east-1 do not protect a volume or a table in eu-west-1,
# whatever their tags and resources say.
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

resource "aws_ebs_volume" "data" { # expect: BK001
  availability_zone = "eu-west-1a"
  size              = 100
  tags = {
    Snapshot = "daily"
  }
}

resource "aws_dlm_lifecycle_policy" "us" {
  provider           = aws.us
  description        = "daily volume snapshots in us-east-1"
  execution_role_arn = "arn:aws:iam::111122223333:role/dlm"

  policy_details {
    resource_types = ["VOLUME"]
    target_tags = {
      Snapshot = "daily"
    }
    schedule {
      name = "daily"
      create_rule {
        interval = 24
      }
      retain_rule {
        count = 7
      }
    }
  }
}

resource "aws_backup_vault" "us" {
  provider = aws.us
  name     = "us"
}

resource "aws_backup_plan" "us" {
  provider = aws.us
  name     = "us"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.us.name
    schedule          = "cron(0 3 * * ? *)"
  }
}

resource "aws_backup_selection" "all_tables" {
  provider     = aws.us
  name         = "all-tables"
  plan_id      = aws_backup_plan.us.id
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
  resources    = ["arn:aws:dynamodb:*:*:table/*"]
}

resource "aws_dynamodb_table" "sessions" { # expect: BK001
  name     = "sessions"
  hash_key = "id"
}
