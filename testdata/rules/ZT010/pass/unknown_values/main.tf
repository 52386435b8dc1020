# Values tenet cannot know statically (variables without default) are never judged. Each
# check that an unknown value decides is listed as undecided: at the unknown value, or at the
# subnetwork for a dynamic block, or at the VPC that a flow log with an unknown `vpc_id` may
# record.

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
  purpose       = var.purpose # undecided: ZT010
}

# undecided: ZT010
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
# undecided: ZT010
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "external" {
  vpc_id       = var.vpc_id
  traffic_type = "ALL"
}

# Unknown values that cannot change the verdict are not undecided: the purpose of a
# subnetwork with flow logs, and the flow log settings of a proxy-only subnetwork.

variable "interval" {
  type = string
}

resource "google_compute_subnetwork" "logged_unknown_purpose" {
  name          = "logged"
  network       = "default"
  region        = "europe-west1"
  ip_cidr_range = "10.30.0.0/20"
  purpose       = var.purpose

  log_config {
    aggregation_interval = var.interval
  }
}

resource "google_compute_subnetwork" "proxy_unknown_log_config" {
  name          = "proxy"
  network       = "default"
  region        = "europe-west1"
  ip_cidr_range = "10.40.0.0/23"
  purpose       = "REGIONAL_MANAGED_PROXY"

  dynamic "log_config" {
    for_each = var.log_configs
    content {
      aggregation_interval = log_config.value.interval
    }
  }
}

# A purpose chosen by an unknown flag between two proxy-only purposes: never a VM subnet.
variable "global" {
  type = bool
}

resource "google_compute_subnetwork" "proxy_only" {
  name          = "proxy"
  network       = "default"
  region        = "europe-west1"
  ip_cidr_range = "10.30.0.0/23"
  purpose       = var.global ? "GLOBAL_MANAGED_PROXY" : "REGIONAL_MANAGED_PROXY"
  role          = "ACTIVE"
}
