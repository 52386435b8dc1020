resource "azurerm_storage_account" "provider4" {
  name                       = "stdata4"
  resource_group_name        = "rg-data"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = false # expect: ZT009
}

resource "azurerm_storage_account" "provider3" {
  name                      = "stdata3"
  resource_group_name       = "rg-data"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  enable_https_traffic_only = false # expect: ZT009
}
