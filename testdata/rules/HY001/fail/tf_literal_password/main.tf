# A literal password, a literal in a map under a secret-like key, and a password that comes
# from a variable default: that finding is on the default, where the literal is written, not
# on the attribute that receives it.
variable "db_password" {
  type    = string
  default = "hunter2-but-longer" # expect: HY001
}

resource "aws_db_instance" "main" {
  identifier     = "main"
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  username       = "app"
  password       = "Tr0ub4dor-horse-battery" # expect: HY001
}

resource "aws_rds_cluster" "reporting" {
  cluster_identifier = "reporting"
  engine             = "aurora-postgresql"
  master_username    = "reporting"
  master_password    = var.db_password
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "api.zip"

  environment {
    variables = {
      DB_HOST     = aws_rds_cluster.reporting.endpoint
      DB_PASSWORD = "s3cr3t-Lambda-Pw" # expect: HY001
      JWT_SECRET  = "kq8Zr1xWm3Lp0sNv" # expect: HY001
    }
  }
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "cache"
  transit_encryption_enabled = true
  auth_token                 = "cache-auth-token-0123456789" # expect: HY001
}

resource "azurerm_linux_virtual_machine" "vm" {
  name                            = "vm"
  admin_username                  = "azureuser"
  admin_password                  = "P@ssw0rd1234!" # expect: HY001
  disable_password_authentication = false
}
