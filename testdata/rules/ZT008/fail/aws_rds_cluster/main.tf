# Provisioned clusters (the default engine_mode) default to unencrypted storage.

resource "aws_rds_cluster" "explicit_false" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
  master_username    = "app"
  storage_encrypted  = false # expect: ZT008
}

# expect: ZT008
resource "aws_rds_cluster" "missing" {
  cluster_identifier = "users"
  engine             = "aurora-mysql"
  master_username    = "app"
}

# expect: ZT008
resource "aws_rds_cluster" "provisioned_missing" {
  cluster_identifier = "reports"
  engine             = "aurora-postgresql"
  engine_mode        = "provisioned"
  master_username    = "app"
}
