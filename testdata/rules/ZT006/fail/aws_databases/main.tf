# RDS instances, Aurora cluster instances and Redshift clusters with an explicit
# publicly_accessible = true (as a bool or as the string Terraform converts).

resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  publicly_accessible = true # expect: ZT006
}

resource "aws_rds_cluster_instance" "reader" {
  identifier          = "reader"
  cluster_identifier  = "aurora"
  instance_class      = "db.r6g.large"
  engine              = "aurora-postgresql"
  publicly_accessible = "true" # expect: ZT006
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  master_username     = "admin"
  publicly_accessible = true # expect: ZT006
}
