variable "password" {
  type = string
}

resource "aws_rds_cluster" "db" {
  cluster_identifier = "db"
  engine             = "aurora-postgresql"
  master_username    = "admin"
  master_password    = var.password # expect: HY001
}
