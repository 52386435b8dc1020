resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([ # expect: IM002
    { name = "web", image = "nginx" },
  ])
}

resource "kubernetes_deployment" "api" {
  metadata {
    name = "api"
  }
  spec {
    template {
      metadata {}
      spec {
        container {
          name  = "api"
          image = "registry.example.com/api:latest" # expect: IM002
        }
      }
    }
  }
}
