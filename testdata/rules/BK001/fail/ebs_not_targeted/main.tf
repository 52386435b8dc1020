# The policy targets `Snapshot = daily`; this volume is tagged otherwise, and a disabled
# policy that would target it takes no snapshot.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_ebs_volume" "scratch" { # expect: BK001
  availability_zone = "eu-west-1a"
  size              = 100
  tags = {
    Snapshot = "never"
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
        interval = 24
      }
      retain_rule {
        count = 7
      }
    }
  }
}

resource "aws_dlm_lifecycle_policy" "disabled" {
  description        = "disabled"
  execution_role_arn = "arn:aws:iam::111122223333:role/dlm"
  state              = "DISABLED"

  policy_details {
    resource_types = ["VOLUME"]
    target_tags = {
      Snapshot = "never"
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
