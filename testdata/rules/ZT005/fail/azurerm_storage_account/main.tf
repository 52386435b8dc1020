# Storage accounts that accept TLS 1.0 or 1.1.

resource "azurerm_storage_account" "tls10" {
  name                     = "exampletls10"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_0" # expect: ZT005
}

resource "azurerm_storage_account" "tls11" {
  name                     = "exampletls11"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_1" # expect: ZT005
}
