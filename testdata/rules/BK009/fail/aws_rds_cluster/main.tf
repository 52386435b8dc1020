resource "aws_rds_cluster" "skipped" {
  cluster_identifier  = "orders"
  engine              = "aurora-postgresql"
  master_username     = "app"
  skip_final_snapshot = true # expect: BK009
}

locals {
  ephemeral = true
}

# A local value is known statically.
resource "aws_rds_cluster" "from_local" {
  count               = 2
  cluster_identifier  = "shard-${count.index}"
  engine              = "aurora-mysql"
  skip_final_snapshot = local.ephemeral # expect: BK009, BK009
}
