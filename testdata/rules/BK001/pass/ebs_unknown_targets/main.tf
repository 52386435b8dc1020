# A snapshot policy whose target tags are unknown may pick the volume: undecided, not a
# finding.
provider "aws" {
  region = "eu-west-1"
}

variable "targets" {
  type = map(string)
}

resource "aws_ebs_volume" "maybe" { # undecided: BK001
  availability_zone = "eu-west-1a"
  size              = 100
}

resource "aws_dlm_lifecycle_policy" "variable_targets" {
  description        = "targets from a variable"
  execution_role_arn = "arn:aws:iam::111122223333:role/dlm"

  policy_details {
    resource_types = ["VOLUME"]
    target_tags    = var.targets
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
