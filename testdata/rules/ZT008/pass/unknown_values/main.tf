# Values tenet cannot know statically (variables without default) are never judged. Each
# one that would leave the data unencrypted if it were the unsafe value (a false flag, a key
# or snapshot that is not set, a non-Aurora engine) is listed as undecided, at the unknown
# value (or at the enclosing block, for a dynamic block).

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
  storage_encrypted = var.encrypted # undecided: ZT008
}

resource "aws_db_instance" "unknown_engine" {
  identifier        = "users"
  engine            = var.engine # undecided: ZT008
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
}

resource "aws_rds_cluster" "unknown_flag" {
  cluster_identifier = "users"
  engine             = "aurora-postgresql"
  storage_encrypted  = var.encrypted # undecided: ZT008
}

resource "aws_ebs_volume" "unknown" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = var.encrypted # undecided: ZT008
}

resource "aws_efs_file_system" "unknown" {
  creation_token = "shared"
  encrypted      = var.encrypted # undecided: ZT008
}

resource "aws_elasticache_replication_group" "unknown_engine" {
  replication_group_id = "cache"
  description          = "cache"
  engine               = var.engine # undecided: ZT008
}

resource "aws_redshift_cluster" "unknown" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  encrypted          = var.encrypted # undecided: ZT008
}

resource "aws_sqs_queue" "unknown_key" {
  name                    = "orders"
  sqs_managed_sse_enabled = false
  kms_master_key_id       = var.key # undecided: ZT008
}

resource "aws_sns_topic" "unknown_key" {
  name              = "events"
  kms_master_key_id = var.key # undecided: ZT008
}

resource "aws_kinesis_stream" "unknown" {
  name            = "clicks"
  shard_count     = 1
  encryption_type = var.encryption_type # undecided: ZT008
}

# undecided: ZT008
resource "aws_instance" "unknown" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = var.encrypted # undecided: ZT008
  }

  dynamic "ebs_block_device" {
    for_each = var.devices
    content {
      device_name = ebs_block_device.value.name
    }
  }
}

variable "snapshot" {
  type = string
}

# A snapshot that may or may not be set: restored, the database takes its encryption from
# the snapshot; created empty, it is unencrypted.
resource "aws_db_instance" "unknown_snapshot" {
  identifier          = "restored"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  snapshot_identifier = var.snapshot # undecided: ZT008
}

resource "aws_ebs_volume" "unknown_key" {
  availability_zone = "eu-west-1a"
  size              = 100
  kms_key_id        = var.key # undecided: ZT008
}

# Unknown values that cannot change the verdict are not undecided: a key or a snapshot
# computed from a resource (it is set), a queue with SSE-SQS on, and an encrypted volume with
# an unknown key.

resource "aws_kms_key" "data" {}

resource "aws_db_snapshot" "orders" {
  db_instance_identifier = "orders"
  db_snapshot_identifier = "orders-final"
}

resource "aws_db_instance" "key_from_resource" {
  identifier        = "keyed"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_db_instance" "snapshot_from_resource" {
  identifier          = "restored-known"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  snapshot_identifier = aws_db_snapshot.orders.id
}

resource "aws_sqs_queue" "sse_on" {
  name                    = "sse-on"
  sqs_managed_sse_enabled = true
  kms_master_key_id       = var.key
}

resource "aws_ebs_volume" "encrypted_unknown_key" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = var.key
}
