# Public endpoints restricted to known ranges, IP endpoints turned off, and legacy AKS
# ranges: none is open to the whole internet.

resource "aws_eks_cluster" "restricted" {
  name     = "restricted"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids          = ["subnet-0123456789abcdef0"]
    public_access_cidrs = ["203.0.113.0/24", "198.51.100.7/32"]
  }
}

resource "google_container_cluster" "dns_endpoint_only" {
  name     = "dns-endpoint-only"
  location = "europe-west1"

  control_plane_endpoints_config {
    ip_endpoints_config {
      enabled = false
    }
    dns_endpoint_config {
      allow_external_traffic = true
    }
  }
}

resource "google_container_cluster" "gcp_ranges_only" {
  name     = "gcp-ranges-only"
  location = "europe-west1"

  # An empty block enables authorized networks with no external range.
  master_authorized_networks_config {
  }
}

resource "azurerm_kubernetes_cluster" "legacy_restricted" {
  name                            = "legacy-restricted"
  location                        = "westeurope"
  resource_group_name             = "rg"
  dns_prefix                      = "legacy-restricted"
  api_server_authorized_ip_ranges = ["203.0.113.0/24"]

  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
}
