# Names that only start with a secret word, booleans and numbers, identifiers of secrets kept
# elsewhere, public keys, and name/value pairs that refer to a secret instead of holding it.
resource "aws_db_instance" "main" {
  identifier                    = "main"
  engine                        = "postgres"
  instance_class                = "db.t4g.micro"
  username                      = "app"
  manage_master_user_password   = true
  master_user_secret_kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/0f8e4c1a-0000-4000-8000-000000000000"
  kms_key_id                    = "arn:aws:kms:eu-west-1:123456789012:key/0f8e4c1a-0000-4000-8000-000000000000"
}

resource "random_password" "db" {
  length           = 16
  override_special = "!#%&*()-_=+[]{}<>:?"
}

resource "aws_secretsmanager_secret" "db" {
  name                    = "prod/db"
  recovery_window_in_days = 7
}

resource "aws_cognito_user_pool" "users" {
  name = "users"
  password_policy {
    minimum_length    = 16
    require_symbols   = true
    temporary_password_validity_days = 3
  }
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 16
  password_reuse_prevention = 24
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared-files"
}

resource "aws_key_pair" "deployer" {
  key_name   = "deployer"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKeyShapeForTenetFixturesOnly000000000000 deployer"
}

resource "vault_generic_endpoint" "ttl" {
  path = "auth/token/roles/ci"
  data_json = jsonencode({
    token_ttl         = "1h"
    token_max_ttl     = "4h"
    token_explicit_max_ttl = 14400
    secret_name       = "prod/db"
    secret_arn        = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db"
    password_length   = 16
    token_expiry      = "24h"
  })
}

resource "aws_codebuild_project" "build" {
  name         = "build"
  service_role = "arn:aws:iam::123456789012:role/build"

  artifacts {
    type = "NO_ARTIFACTS"
  }

  source {
    type = "NO_SOURCE"
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"

    environment_variable {
      name  = "NPM_TOKEN"
      value = "/ci/npm-token"
      type  = "PARAMETER_STORE"
    }

    environment_variable {
      name  = "DOCKERHUB_PASSWORD"
      value = "ci/dockerhub:password"
      type  = "SECRETS_MANAGER"
    }
  }
}

resource "helm_release" "app" {
  name  = "app"
  chart = "app"

  set {
    name  = "auth.existingSecret"
    value = "app-credentials"
  }

  set {
    name  = "imagePullSecrets[0].name"
    value = "registry"
  }
}

resource "aws_ssm_parameter" "endpoint" {
  name  = "/prod/db/password-rotation-schedule"
  type  = "String"
  value = "rate(30 days)"
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([{
    name  = "app"
    image = "registry.example.com/app:1.4.2"
    environment = [
      { name = "POSTGRES_PASSWORD_FILE", value = "/run/secrets/db" },
      { name = "TOKEN_TTL", value = "3600" },
    ]
    secrets = [
      { name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db" },
    ]
  }])
}

resource "aws_cognito_user_pool_client" "app" {
  name         = "app"
  user_pool_id = "eu-west-1_example"
  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }
}
