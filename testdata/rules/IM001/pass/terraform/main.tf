# Pinned by digest, or unknown (a variable without default): the unknown ones are undecided.
variable "image" {
  type = string
}

variable "sidecars" {
  type = list(string)
}

resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([
    { name = "web", image = "nginx:1.27@sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb" },
  ])
}

resource "kubernetes_pod_v1" "app" {
  metadata {
    name = "app"
  }
  spec {
    container {
      name  = "app"
      image = var.image # undecided: IM001
    }
    container {
      name  = "proxy"
      image = "envoyproxy/envoy:v1.31.0@sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"
    }
  }
}

# The whole JSON document is unknown when any part of it is.
resource "aws_ecs_task_definition" "from_variable" {
  family                = "other"
  container_definitions = jsonencode([{ name = "app", image = var.image }]) # undecided: IM001
}

# An image written with a placeholder the deployment tooling fills in.
resource "aws_ecs_task_definition" "placeholder" {
  family = "placeholder"
  container_definitions = jsonencode([ # undecided: IM001
    { name = "app", image = "registry.example.com/app:$${IMAGE_TAG}" },
  ])
}

# Containers from a dynamic block over an unknown list: their images are unknown.
resource "kubernetes_deployment_v1" "sidecars" {
  metadata {
    name = "sidecars"
  }
  spec {
    template {
      metadata {}
      # The dynamic block below has no line of its own in the evaluated configuration: the
      # check is reported on the block that holds it.
      spec { # undecided: IM001
        container {
          name  = "main"
          image = "registry.example.com/main@sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"
        }
        dynamic "init_container" {
          for_each = var.sidecars
          content {
            name  = init_container.value
            image = init_container.value
          }
        }
      }
    }
  }
}
