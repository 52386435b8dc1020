# Azure: Inbound Allow rules for a data port from `*`, `Internet` or 0.0.0.0/0.

resource "azurerm_network_security_rule" "sql" {
  name                        = "sql"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "1433"
  source_address_prefix       = "Internet" # expect: ZT003
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

resource "azurerm_network_security_group" "data" {
  name                = "data"
  location            = "westeurope"
  resource_group_name = "rg"

  security_rule {
    name                       = "oracle-and-kafka"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_ranges    = ["1521", "9092"]
    source_address_prefixes    = ["0.0.0.0/0"] # expect: ZT003
    destination_address_prefix = "*"
  }

  # A web port is not a data port.
  security_rule {
    name                       = "https"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}
