# A Data Lifecycle Manager policy snapshots every volume tagged `Snapshot = daily` and keeps
# 14 snapshots taken every 24 hours (14 days).
provider "aws" {
  region = "eu-west-1"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  tags = {
    Snapshot = "daily"
  }
}

resource "aws_dlm_lifecycle_policy" "daily" {
  description        = "daily volume snapshots"
  execution_role_arn = "arn:aws:iam::111122223333:role/dlm"

  policy_details {
    resource_types = ["VOLUME"]
    target_tags = {
      Snapshot = "daily"
    }

    schedule {
      name = "daily"
      create_rule {
        interval      = 24
        interval_unit = "HOURS"
        times         = ["03:00"]
      }
      retain_rule {
        count = 14
      }
    }
  }
}
