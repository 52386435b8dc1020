# expect: BK008
resource "aws_rds_cluster" "missing" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
  master_username    = "app"
}

resource "aws_rds_cluster" "explicit_false" {
  cluster_identifier  = "billing"
  engine              = "aurora-mysql"
  master_username     = "app"
  deletion_protection = false # expect: BK008
}
