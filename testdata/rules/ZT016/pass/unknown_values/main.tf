# Values tenet cannot know statically (variables without default) are never judged.

variable "public" {
  type = bool
}

variable "cidrs" {
  type = list(string)
}

variable "private_endpoint" {
  type = bool
}

variable "networks" {
  type = list(object({ cidr = string }))
}

variable "private_cluster" {
  type = bool
}

resource "aws_eks_cluster" "unknown_public" {
  name     = "unknown-public"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0"]
    endpoint_public_access = var.public
  }
}

resource "aws_eks_cluster" "unknown_cidrs" {
  name     = "unknown-cidrs"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids          = ["subnet-0123456789abcdef0"]
    public_access_cidrs = var.cidrs
  }
}

resource "google_container_cluster" "unknown_private_endpoint" {
  name     = "unknown-private-endpoint"
  location = "europe-west1"

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = var.private_endpoint
  }
}

resource "google_container_cluster" "unknown_networks" {
  name     = "unknown-networks"
  location = "europe-west1"

  dynamic "master_authorized_networks_config" {
    for_each = length(var.networks) > 0 ? [1] : []
    content {
      dynamic "cidr_blocks" {
        for_each = var.networks
        content {
          cidr_block = cidr_blocks.value.cidr
        }
      }
    }
  }
}

resource "azurerm_kubernetes_cluster" "unknown_private" {
  name                    = "unknown-private"
  location                = "westeurope"
  resource_group_name     = "rg"
  dns_prefix              = "unknown-private"
  private_cluster_enabled = var.private_cluster

  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
}

resource "azurerm_kubernetes_cluster" "unknown_ranges" {
  name                = "unknown-ranges"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "unknown-ranges"

  api_server_access_profile {
    authorized_ip_ranges = var.cidrs
  }

  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
}
