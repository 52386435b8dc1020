# AKS: not private and no authorized IP ranges (no profile block, a profile block without
# ranges), or ranges that include the whole internet (current and legacy attribute).

# expect: ZT016
resource "azurerm_kubernetes_cluster" "defaults" {
  name                = "defaults"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "defaults"

  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
}

resource "azurerm_kubernetes_cluster" "empty_profile" {
  name                    = "empty-profile"
  location                = "westeurope"
  resource_group_name     = "rg"
  dns_prefix              = "empty-profile"
  private_cluster_enabled = false

  # expect: ZT016
  api_server_access_profile {
    virtual_network_integration_enabled = false
  }

  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
}

resource "azurerm_kubernetes_cluster" "world" {
  name                = "world"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "world"

  api_server_access_profile {
    authorized_ip_ranges = ["0.0.0.0/0"] # expect: ZT016
  }

  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
}

resource "azurerm_kubernetes_cluster" "legacy_world" {
  name                            = "legacy-world"
  location                        = "westeurope"
  resource_group_name             = "rg"
  dns_prefix                      = "legacy-world"
  api_server_authorized_ip_ranges = ["0.0.0.0/0"] # expect: ZT016

  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }
}
