# Literals reach a secret attribute from a variable default (reported at the default, even
# when nothing uses the variable), from a tfvars file or a module call (reported where the
# value is used: the IR keeps no span for tfvars values or module arguments), and from a
# provider configuration.
provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIA4QWERTYUPLKJ7H2Z"
  secret_key = "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" # expect: HY001
}

provider "github" {
  alias = "ci"
  token = "ghp_Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8" # expect: HY001
}

variable "unused_api_token" {
  default = "Zq8rT1vWx9yU2pL5mN3b" # expect: HY001
}

variable "service" {
  default = {
    name    = "reporting"
    api_key = "k3yV4lu3Abcd1234efgh" # expect: HY001
  }
}

variable "from_tfvars_password" {
  type = string
}

resource "aws_db_instance" "main" {
  identifier     = "main"
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  username       = "app"
  password       = var.from_tfvars_password # expect: HY001
}

module "db" {
  source   = "./modules/db"
  password = "Pa55-from-the-caller-9x"
}
