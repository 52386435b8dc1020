# Empty values, placeholders and templates, and AWS's documented example keys.
resource "aws_db_instance" "a" {
  identifier     = "a"
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  username       = "app"
  password       = "changeme"
}

resource "aws_db_instance" "b" {
  identifier     = "b"
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  username       = "app"
  password       = "<password>"
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "api.zip"

  environment {
    variables = {
      DB_PASSWORD       = ""
      API_KEY           = "$${API_KEY}"
      SESSION_SECRET    = "{{ session_secret }}"
      SMTP_PASSWORD     = "$SMTP_PASSWORD"
      WEBHOOK_SECRET    = "xxx"
      SLACK_TOKEN       = "***"
      GITHUB_TOKEN      = "REPLACE_ME"
      STRIPE_SECRET_KEY = "sk_test_dummy"
      REDIS_PASSWORD    = "your-redis-password"
      JWT_SECRET        = "TODO"
    }
  }
}

resource "null_resource" "docs" {
  triggers = {
    AWS_ACCESS_KEY_ID     = "AKIAIOSFODNN7EXAMPLE"
    AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    github                = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    key                   = "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n"
  }
}
