# The unencrypted volume is declared in a local child module, with the setting passed in:
# the finding lands in the module's file.

module "store" {
  source    = "./modules/store"
  encrypted = false
}
