# The root module's folder (live/) does not hold the module it calls.
module "iam" {
  source = "../modules/iam"
}
