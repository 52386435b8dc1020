variable "registry" {
  type = string
}

variable "arn" {
  type = string
}

locals {
  prefix = "${var.registry}/tools"
}

resource "kubernetes_pod" "web" {
  metadata {
    name = "web"
  }
  spec {
    container {
      name  = "web"
      image = "${var.registry}/web:1.2.3"
    }
    container {
      name  = "tool"
      image = "${local.prefix}/tool:latest"
    }
    container {
      name  = "any"
      image = var.registry
    }
  }
}

resource "aws_sqs_queue_policy" "q" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/111122223333/q"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = var.arn }]
  })
}
