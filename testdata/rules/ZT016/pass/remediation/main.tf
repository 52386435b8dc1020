# The remediation from the metadata, for each provider.

variable "cluster_role_arn" {
  type    = string
  default = "arn:aws:iam::123456789012:role/eks"
}

variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = var.cluster_role_arn

  vpc_config {
    subnet_ids              = var.private_subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block = "203.0.113.0/24"
    }
  }
}

resource "google_container_cluster" "private" {
  name     = "private"
  location = "europe-west1"

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = true
  }
}

resource "azurerm_kubernetes_cluster" "private" {
  name                    = "private"
  location                = "westeurope"
  resource_group_name     = "rg"
  dns_prefix              = "private"
  private_cluster_enabled = true

  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
}

resource "azurerm_kubernetes_cluster" "restricted" {
  name                = "restricted"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "restricted"

  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24"]
  }

  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
}
