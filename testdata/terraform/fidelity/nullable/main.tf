# A caller's null means the default for a variable declared `nullable = false`.
module "strict" {
  source      = "./modules/imds"
  http_tokens = null
}

module "loose" {
  source      = "./modules/imds"
  http_tokens = null
  loose       = null
}
