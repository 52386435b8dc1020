variable "tag" {
  type = string
}

resource "aws_ecs_task_definition" "web" {
  family                = "web"
  container_definitions = jsonencode([{ name = "web", image = "nginx:1.27.0" }])
}

resource "kubernetes_pod_v1" "app" {
  metadata {
    name = "app"
  }
  spec {
    container {
      name  = "app"
      image = "registry.example.com/app:${var.tag}"
    }
  }
}
