# The remediation from the metadata.
resource "aws_db_instance" "orders" {
  identifier                = "orders"
  engine                    = "postgres"
  instance_class            = "db.t4g.medium"
  allocated_storage         = 50
  skip_final_snapshot       = false
  final_snapshot_identifier = "orders-final"
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier        = "orders"
  engine                    = "aurora-postgresql"
  final_snapshot_identifier = "orders-cluster-final"
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier        = "warehouse"
  node_type                 = "ra3.xlplus"
  final_snapshot_identifier = "warehouse-final"
}
