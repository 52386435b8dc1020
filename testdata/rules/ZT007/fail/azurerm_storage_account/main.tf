# Storage accounts that allow public containers, with the current and the legacy argument.

resource "azurerm_storage_account" "public" {
  name                            = "examplepublic"
  resource_group_name             = "rg"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = true # expect: ZT007
}

resource "azurerm_storage_account" "legacy" {
  name                     = "examplelegacy"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_blob_public_access = "true" # expect: ZT007
}
