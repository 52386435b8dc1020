# GKE: no master_authorized_networks_config on a public endpoint, or one that authorizes
# the whole internet. A private_cluster_config with private nodes but a public endpoint
# does not protect the control plane.

# expect: ZT016
resource "google_container_cluster" "no_authorized_networks" {
  name     = "no-authorized-networks"
  location = "europe-west1"

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
  }
}

resource "google_container_cluster" "world" {
  name     = "world"
  location = "europe-west1"

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "10.0.0.0/8"
      display_name = "internal"
    }
    cidr_blocks {
      cidr_block   = "0.0.0.0/0" # expect: ZT016
      display_name = "everyone"
    }
  }
}

# A dynamic block over an empty list is no block at all.
variable "authorized_networks" {
  type    = list(object({ cidr_block = string }))
  default = []
}

# expect: ZT016
resource "google_container_cluster" "dynamic_empty" {
  name     = "dynamic-empty"
  location = "europe-west1"

  dynamic "master_authorized_networks_config" {
    for_each = length(var.authorized_networks) > 0 ? [1] : []
    content {
      dynamic "cidr_blocks" {
        for_each = var.authorized_networks
        content {
          cidr_block = cidr_blocks.value.cidr_block
        }
      }
    }
  }
}
