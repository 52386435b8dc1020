# azurerm_network_security_rule: Inbound + Allow rules; `*`, `Internet` and `0.0.0.0/0` are
# the internet; ports "22", "20-30", "*" and lists of them.

resource "azurerm_network_security_rule" "ssh_any" {
  name                        = "ssh-any"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "*" # expect: ZT001
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

resource "azurerm_network_security_rule" "rdp_internet" {
  name                        = "rdp-internet"
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_ranges     = ["443", "3000-3400"]
  source_address_prefix       = "Internet" # expect: ZT001
  destination_address_prefix  = "VirtualNetwork"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

resource "azurerm_network_security_rule" "all_ports" {
  name                        = "all-ports"
  priority                    = 120
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Udp"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefixes     = ["10.0.0.0/8", "0.0.0.0/0"] # expect: ZT001
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

# Ports written as numbers: Terraform converts them to the attribute's string type.
resource "azurerm_network_security_rule" "ssh_numeric" {
  name                        = "ssh-numeric"
  priority                    = 120
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = 22
  source_address_prefix       = "*" # expect: ZT001
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}

resource "azurerm_network_security_rule" "ssh_numeric_list" {
  name                        = "ssh-numeric-list"
  priority                    = 130
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = [22, 443]
  source_address_prefix       = "*" # expect: ZT001
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
