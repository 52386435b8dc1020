# Values of resources that hold nothing but a secret, name/value pairs, and JSON and YAML
# documents with secret-like keys.
resource "aws_ssm_parameter" "db" {
  name  = "/prod/db/password"
  type  = "SecureString"
  value = "ssm-secure-value-42" # expect: HY001
}

resource "kubernetes_secret" "api" {
  metadata {
    name = "api"
  }
  data = {
    username      = "api"
    "api-key"     = "k8s-tf-api-key-0042" # expect: HY001
    "config.json" = "{\"endpoint\":\"https://api.internal\",\"token\":\"k8s-tf-json-token-7\"}" # expect: HY001
  }
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id = "db"
  secret_string = jsonencode({ # expect: HY001
    username = "app"
    password = "json-encoded-pw-77"
  })
}

resource "helm_release" "grafana" {
  name  = "grafana"
  chart = "grafana"

  set {
    name  = "adminPassword"
    value = "grafana-admin-pw-1" # expect: HY001
  }

  # expect: HY001
  values = [<<-EOT
    persistence:
      enabled: true
    smtp:
      host: smtp.internal:587
      password: smtp-relay-pw-31
  EOT
  ]
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
      value = "npm-token-tenet-0000" # expect: HY001
    }
  }
}

resource "aws_db_instance" "legacy" {
  identifier     = "legacy"
  engine         = "mysql"
  instance_class = "db.t4g.micro"
  username       = "admin"
  password_wo    = "write-only-but-still-here" # expect: HY001
}
