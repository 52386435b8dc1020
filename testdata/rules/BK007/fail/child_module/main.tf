module "bucket" {
  source = "./modules/bucket"
  name   = "example-logs"
}
