variable "registry" {
  type = string
}

variable "image" {
  type = string
}

# The registry is unknown, the tag is known: judged on what is known.
resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([ # expect: IM001 # undecided: IM001
    {
      name  = "app"
      image = "${var.registry}/app:latest"
    },
    {
      name  = "sidecar"
      image = var.image
    },
  ])
}

resource "kubernetes_pod" "web" {
  metadata {
    name = "web"
  }
  spec {
    container {
      name  = "web"
      image = "${var.registry}/web" # expect: IM001
    }
    container {
      name  = "api"
      image = "${var.registry}/api:1.4.2" # expect: IM001
    }
    container {
      name  = "worker"
      image = "${var.registry}/worker:${var.image}" # undecided: IM001
    }
  }
}
