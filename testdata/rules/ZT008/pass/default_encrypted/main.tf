# Defaults that are safe: nothing to report when the setting is left out.

# New queues get SSE-SQS by default.
resource "aws_sqs_queue" "default" {
  name = "jobs"
}

# The default of `encrypted` changed to true in provider 6: only an explicit false is judged.
resource "aws_redshift_cluster" "default" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  master_username    = "admin"
}

# Aurora Serverless v1 clusters are encrypted by default.
resource "aws_rds_cluster" "serverless" {
  cluster_identifier = "reports"
  engine             = "aurora-mysql"
  engine_mode        = "serverless"
  master_username    = "app"
}

# The valkey engine encrypts at rest by default.
resource "aws_elasticache_replication_group" "valkey" {
  replication_group_id = "sessions"
  description          = "sessions"
  engine               = "valkey"
  node_type            = "cache.t4g.small"
}

# An instance without root_block_device: its root volume follows the AMI and the account.
resource "aws_instance" "plain" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
