# Values tenet cannot know statically (variables without default) are never judged.

variable "purpose" {
  type = string
}

variable "log_configs" {
  type = list(object({ interval = string }))
}

variable "vpc_id" {
  type = string
}

resource "google_compute_subnetwork" "unknown_purpose" {
  name          = "maybe-proxy"
  network       = "default"
  region        = "europe-west1"
  ip_cidr_range = "10.10.0.0/20"
  purpose       = var.purpose
}

resource "google_compute_subnetwork" "unknown_log_config" {
  name          = "app"
  network       = "default"
  region        = "europe-west1"
  ip_cidr_range = "10.20.0.0/20"

  dynamic "log_config" {
    for_each = var.log_configs
    content {
      aggregation_interval = log_config.value.interval
    }
  }
}

# A flow log for a VPC given from outside: it may be this one.
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "external" {
  vpc_id       = var.vpc_id
  traffic_type = "ALL"
}
