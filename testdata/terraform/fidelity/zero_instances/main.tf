# The `wrappers` pattern: the only call of ./wrapper has no instances by default.
variable "items" {
  type    = map(any)
  default = {}
}

module "wrapper" {
  source   = "./wrapper"
  for_each = var.items
  name     = each.key
}
