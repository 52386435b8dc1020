# Values that come from elsewhere: another resource, a data source, a variable without a
# default, a module input without a value. None is a literal in this configuration.
variable "api_token" {
  type      = string
  sensitive = true
}

resource "random_password" "db" {
  length  = 32
  special = true
}

resource "aws_db_instance" "main" {
  identifier     = "main"
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  username       = "app"
  password       = random_password.db.result
}

resource "aws_secretsmanager_secret" "db" {
  name = "prod/db"
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({
    username = "app"
    password = random_password.db.result
  })
}

data "aws_secretsmanager_secret_version" "reporting" {
  secret_id = "prod/reporting"
}

resource "aws_rds_cluster" "reporting" {
  cluster_identifier = "reporting"
  engine             = "aurora-postgresql"
  master_username    = "reporting"
  master_password    = jsondecode(data.aws_secretsmanager_secret_version.reporting.secret_string)["password"]
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "api.zip"

  environment {
    variables = {
      API_TOKEN   = var.api_token
      DB_PASSWORD = "conn-${random_password.db.result}"
    }
  }
}

resource "aws_ssm_parameter" "token" {
  name  = "/prod/api/token"
  type  = "SecureString"
  value = var.api_token
}
