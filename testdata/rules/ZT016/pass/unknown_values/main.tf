# Values tenet cannot know statically (variables without default) are never judged. Each
# one that would leave the API endpoint open to the whole internet if it were the unsafe value
# is listed as undecided, at the unknown value (or at the resource, for a dynamic block).

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
    endpoint_public_access = var.public # undecided: ZT016
  }
}

resource "aws_eks_cluster" "unknown_cidrs" {
  name     = "unknown-cidrs"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids          = ["subnet-0123456789abcdef0"]
    public_access_cidrs = var.cidrs # undecided: ZT016
  }
}

resource "google_container_cluster" "unknown_private_endpoint" {
  name     = "unknown-private-endpoint"
  location = "europe-west1"

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = var.private_endpoint # undecided: ZT016
  }
}

# undecided: ZT016
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
  private_cluster_enabled = var.private_cluster # undecided: ZT016

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
    authorized_ip_ranges = var.cidrs # undecided: ZT016
  }

  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
}

variable "extra_cidr" {
  type = string
}

# One authorized range is unknown: it may be 0.0.0.0/0.
resource "aws_eks_cluster" "unknown_cidr_entry" {
  name     = "unknown-cidr-entry"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0"]
    public_access_cidrs = [
      "203.0.113.0/24",
      var.extra_cidr, # undecided: ZT016
    ]
  }
}

# Unknown values that cannot change the verdict are not undecided: whether the endpoint is
# public when only known, narrow ranges may reach it.

resource "aws_eks_cluster" "unknown_public_restricted" {
  name     = "unknown-public-restricted"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0"]
    endpoint_public_access = var.public
    public_access_cidrs    = ["203.0.113.0/24"]
  }
}

resource "google_container_cluster" "unknown_private_endpoint_restricted" {
  name     = "unknown-private-endpoint-restricted"
  location = "europe-west1"

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = var.private_endpoint
  }

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block = "203.0.113.0/24"
    }
  }
}

resource "azurerm_kubernetes_cluster" "unknown_private_restricted" {
  name                    = "unknown-private-restricted"
  location                = "westeurope"
  resource_group_name     = "rg"
  dns_prefix              = "unknown-private-restricted"
  private_cluster_enabled = var.private_cluster

  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24"]
  }

  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
}
