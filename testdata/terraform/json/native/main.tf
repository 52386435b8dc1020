# The same configuration as ../json/main.tf.json, in native syntax: tests assert that both
# evaluate to the same resources, attributes, references and unknowns.
terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "dr"
  region = "eu-central-1"
  default_tags {
    tags = {
      owner = "platform"
    }
  }
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "ports" {
  type = list(number)
}

variable "rules" {
  type = map(object({ cidr = string, port = optional(number, 443) }))
  default = {
    https = { cidr = "10.0.0.0/8" }
  }
}

locals {
  name   = "shop-${var.environment}"
  common = { Project = "shop", "cost-center" = "42" }
}

resource "aws_s3_bucket" "logs" {
  bucket = "${local.name}-logs"
  tags   = merge(local.common, { Name = "${local.name}-logs" })
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_security_group" "web" {
  name     = local.name
  provider = aws.dr
  dynamic "ingress" {
    for_each = var.rules
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = "tcp"
      cidr_blocks = [rule.value.cidr]
    }
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
  lifecycle {
    ignore_changes = [tags]
  }
  depends_on = [aws_s3_bucket.logs]
}

resource "aws_instance" "web" {
  count         = length(var.ports)
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  user_data     = "echo $${HOME} ${count.index} %%{x}"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
  tags = {
    Name = "web-${count.index}"
    Port = var.ports[count.index]
  }
  provisioner "local-exec" {
    when    = destroy
    command = "echo bye"
  }
}

data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.logs.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = data.aws_iam_policy_document.read.json
}

module "queue" {
  source = "./modules/queue"
  name   = "${local.name}-queue"
  settings = {
    retention = 3600
    fifo      = false
  }
  providers = {
    aws = aws.dr
  }
}

output "queue_arn" {
  value = module.queue.arn
}
