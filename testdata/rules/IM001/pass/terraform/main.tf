# Pinned by digest, or unknown (a variable without default).
variable "image" {
  type = string
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
      image = var.image
    }
    container {
      name  = "proxy"
      image = "envoyproxy/envoy:v1.31.0@sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"
    }
  }
}

resource "aws_ecs_task_definition" "from_variable" {
  family                = "other"
  container_definitions = jsonencode([{ name = "app", image = var.image }])
}
