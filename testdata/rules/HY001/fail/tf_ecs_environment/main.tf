# ECS container definitions: `environment` entries with a secret-like name and a literal
# value. The container definitions are one JSON string, so both findings are on the
# attribute. `secrets` with `valueFrom` and the non-secret `LOG_LEVEL` are fine.
resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([ # expect: HY001, HY001
    {
      name  = "app"
      image = "registry.example.com/app:1.4.2"
      environment = [
        { name = "LOG_LEVEL", value = "info" },
        { name = "DB_PASSWORD", value = "ecs-db-pw-9f8e7d" },
        { name = "STRIPE_API_KEY", value = "sk_live_tenet0000fixture" },
      ]
      secrets = [
        { name = "SESSION_SECRET", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:session" },
      ]
    },
  ])
}

# The same as a JSON heredoc.
resource "aws_ecs_task_definition" "worker" {
  family                = "worker"
  # expect: HY001
  container_definitions = <<-EOT
    [
      {
        "name": "worker",
        "image": "registry.example.com/worker:2.0.1",
        "environment": [
          {"name": "REDIS_PASSWORD", "value": "redis-pw-5a4b3c"}
        ]
      }
    ]
  EOT
}
