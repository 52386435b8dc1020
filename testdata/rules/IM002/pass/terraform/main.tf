variable "tag" {
  type = string
}

variable "image" {
  type = string
}

resource "aws_ecs_task_definition" "web" {
  family                = "web"
  container_definitions = jsonencode([{ name = "web", image = "nginx:1.27.0" }])
}

# Unknown values: the checks are undecided.
resource "kubernetes_pod_v1" "app" {
  metadata {
    name = "app"
  }
  spec {
    container {
      name  = "app"
      image = "registry.example.com/app:${var.tag}" # undecided: IM002
    }
  }
}

resource "aws_ecs_task_definition" "from_variable" {
  family                = "other"
  container_definitions = jsonencode([{ name = "app", image = var.image }]) # undecided: IM002
}

# The tag is written out after the placeholder: it is not `latest`, decided.
resource "aws_ecs_task_definition" "placeholder_registry" {
  family                = "placeholder"
  container_definitions = jsonencode([{ name = "app", image = "$${REGISTRY}/app:1.4.2" }])
}
