# The remediation from the metadata.
resource "aws_db_instance" "main" {
  identifier                  = "main"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  username                    = "app"
  manage_master_user_password = true
}

variable "api_token" {
  type      = string
  sensitive = true
}

resource "aws_secretsmanager_secret" "db" {
  name = "prod/app/db"
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([{
    name    = "app"
    image   = "registry.example.com/app:1.4.2"
    secrets = [{ name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }]
  }])
}
