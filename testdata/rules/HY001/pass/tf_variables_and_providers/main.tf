# Variables and providers without a literal secret: a secret-named variable without a
# default, a placeholder default, defaults under names that are not secret, a provider that
# reads its credentials from the environment, one with mock keys, and a default passed down to a module (its
# literal is judged at the default only, here a placeholder).
provider "aws" {
  region  = "eu-west-1"
  profile = "deploy"
}

# A provider configured for tests against a mock endpoint.
provider "aws" {
  alias                       = "mock"
  region                      = "eu-west-1"
  access_key                  = "mock_access_key"
  secret_key                  = "mock_secret_key"
  skip_credentials_validation = true
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "admin_password" {
  default = "changeme"
}

variable "password_length" {
  default = 32
}

variable "token_ttl" {
  default = "3600s"
}

variable "secret_name" {
  default = "prod/db/password"
}

module "db" {
  source   = "./modules/db"
  password = var.admin_password
}
