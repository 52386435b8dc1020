# The remediation from the metadata, and every type with encryption turned on.

resource "aws_kms_key" "data" {
  description = "data at rest"
}

resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  storage_encrypted = true
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_sns_topic" "events" {
  name              = "events"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_rds_cluster" "users" {
  cluster_identifier = "users"
  engine             = "aurora-postgresql"
  master_username    = "app"
  storage_encrypted  = "true"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "cache"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = true
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  master_username    = "admin"
  encrypted          = true
}

resource "aws_sqs_queue" "kms" {
  name                    = "orders"
  sqs_managed_sse_enabled = false
  kms_master_key_id       = aws_kms_key.data.id
}

resource "aws_kinesis_stream" "clicks" {
  name            = "clicks"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
  }
}
