# skip_final_snapshot is missing: the default (false) takes a final snapshot.
resource "aws_db_instance" "default" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
}

resource "aws_rds_cluster" "default" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
}

resource "aws_redshift_cluster" "default" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
}

resource "aws_redshift_cluster" "string_false" {
  cluster_identifier  = "archive"
  node_type           = "ra3.xlplus"
  skip_final_snapshot = "false"
}
