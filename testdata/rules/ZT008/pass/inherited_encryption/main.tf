# The encryption comes from somewhere else: a snapshot, a replication source, the Aurora
# cluster, a global cluster or replication group, or a KMS key that requires encryption.

resource "aws_db_instance" "replica" {
  identifier          = "orders-replica"
  replicate_source_db = "orders"
  instance_class      = "db.t4g.medium"
}

resource "aws_db_instance" "restored" {
  identifier          = "orders-restored"
  snapshot_identifier = "orders-2024-01-01"
  instance_class      = "db.t4g.medium"
}

resource "aws_db_instance" "aurora_member" {
  identifier     = "users-1"
  engine         = "aurora-postgresql"
  instance_class = "db.r6g.large"
}

resource "aws_rds_cluster" "secondary" {
  cluster_identifier        = "users-secondary"
  engine                    = "aurora-postgresql"
  global_cluster_identifier = "users-global"
}

resource "aws_rds_cluster" "from_snapshot" {
  cluster_identifier  = "users-restored"
  engine              = "aurora-postgresql"
  snapshot_identifier = "users-2024-01-01"
}

resource "aws_ebs_volume" "from_snapshot" {
  availability_zone = "eu-west-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}

resource "aws_efs_file_system" "kms" {
  creation_token = "kms"
  kms_key_id     = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_elasticache_replication_group" "secondary" {
  replication_group_id        = "cache-secondary"
  description                 = "cache"
  global_replication_group_id = "ldgnf-cache"
}

resource "aws_instance" "from_snapshot" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  ebs_block_device {
    device_name = "/dev/sdf"
    snapshot_id = "snap-0123456789abcdef0"
  }
}

# A KMS key requires encryption: the provider rejects it with storage_encrypted = false.
resource "aws_rds_cluster" "kms" {
  cluster_identifier = "users-kms"
  engine             = "aurora-postgresql"
  master_username    = "app"
  kms_key_id         = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_db_instance" "point_in_time" {
  identifier     = "orders-pitr"
  instance_class = "db.t4g.medium"

  restore_to_point_in_time {
    source_db_instance_identifier = "orders"
    use_latest_restorable_time    = true
  }
}
