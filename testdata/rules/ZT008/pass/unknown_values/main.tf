# Values tenet cannot know statically (variables without default) are never judged.

variable "encrypted" {
  type = bool
}

variable "key" {
  type = string
}

variable "engine" {
  type = string
}

variable "encryption_type" {
  type = string
}

variable "devices" {
  type = list(object({ name = string }))
}

resource "aws_db_instance" "unknown_flag" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  storage_encrypted = var.encrypted
}

resource "aws_db_instance" "unknown_engine" {
  identifier        = "users"
  engine            = var.engine
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
}

resource "aws_rds_cluster" "unknown_flag" {
  cluster_identifier = "users"
  engine             = "aurora-postgresql"
  storage_encrypted  = var.encrypted
}

resource "aws_ebs_volume" "unknown" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = var.encrypted
}

resource "aws_efs_file_system" "unknown" {
  creation_token = "shared"
  encrypted      = var.encrypted
}

resource "aws_elasticache_replication_group" "unknown_engine" {
  replication_group_id = "cache"
  description          = "cache"
  engine               = var.engine
}

resource "aws_redshift_cluster" "unknown" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  encrypted          = var.encrypted
}

resource "aws_sqs_queue" "unknown_key" {
  name                    = "orders"
  sqs_managed_sse_enabled = false
  kms_master_key_id       = var.key
}

resource "aws_sns_topic" "unknown_key" {
  name              = "events"
  kms_master_key_id = var.key
}

resource "aws_kinesis_stream" "unknown" {
  name            = "clicks"
  shard_count     = 1
  encryption_type = var.encryption_type
}

resource "aws_instance" "unknown" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = var.encrypted
  }

  dynamic "ebs_block_device" {
    for_each = var.devices
    content {
      device_name = ebs_block_device.value.name
    }
  }
}
