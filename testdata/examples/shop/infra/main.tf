terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  default = "eu-west-1"
}

variable "office_cidr" {
  description = "Where operators connect from"
  type        = string
}

locals {
  name = "shop-${terraform.workspace}"
  ports = {
    https = 443
    ssh   = 22
  }
}

resource "aws_security_group" "web" {
  name = "${local.name}-web"

  dynamic "ingress" {
    for_each = local.ports
    content {
      description = ingress.key
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "aws_security_group_rule" "admin" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = [var.office_cidr]
}

data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "deploy" {
  name   = "${local.name}-deploy"
  policy = data.aws_iam_policy_document.deploy.json
}

module "app" {
  source         = "./modules/app"
  count          = 2
  name           = "${local.name}-app-${count.index}"
  security_group = aws_security_group.web.id
}
