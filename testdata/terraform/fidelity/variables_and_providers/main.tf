provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { team = "data" }
  }
}

variable "retention" {
  type    = number
  default = 7
}

variable "no_default" {
  type = string
}

variable "name" {
  default = "app"
}

resource "aws_s3_bucket" "logs" {
  bucket = "${var.name}-logs"
  tags   = { retention = var.retention }
}

module "child" {
  source = "./child"
  label  = var.name
}
