# ECS container definitions (a JSON document: reported on the attribute) and the Kubernetes
# provider's workloads.
resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([ # expect: IM001
    { name = "web", image = "nginx:1.27", essential = true },
    { name = "sidecar", image = "public.ecr.aws/aws-observability/aws-otel-collector@sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb" },
  ])
}

resource "kubernetes_deployment_v1" "api" {
  metadata {
    name = "api"
  }
  spec {
    template {
      metadata {}
      spec {
        init_container {
          name  = "migrate"
          image = "registry.example.com/api-migrations:2.3.1" # expect: IM001
        }
        container {
          name  = "api"
          image = "registry.example.com/api:2.3.1" # expect: IM001
        }
      }
    }
  }
}

resource "kubernetes_pod" "debug" {
  metadata {
    name = "debug"
  }
  spec {
    container {
      name  = "debug"
      image = "busybox:1.36" # expect: IM001
    }
  }
}

resource "kubernetes_cron_job_v1" "report" {
  metadata {
    name = "report"
  }
  spec {
    schedule = "0 3 * * *"
    job_template {
      metadata {}
      spec {
        template {
          metadata {}
          spec {
            container {
              name  = "report"
              image = "registry.example.com/report:1.0" # expect: IM001
            }
          }
        }
      }
    }
  }
}
