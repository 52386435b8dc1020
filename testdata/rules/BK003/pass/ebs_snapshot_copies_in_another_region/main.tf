# The volume's snapshots are copied to another region and kept there for 30 days.
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
  description        = "daily volume snapshots, copied to Frankfurt"
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
        count = 14
      }
      cross_region_copy_rule {
        target    = "eu-central-1"
        encrypted = true
        retain_rule {
          interval      = 30
          interval_unit = "DAYS"
        }
      }
    }
  }
}
