# RDS takes no final snapshot of a read replica or an RDS Custom instance: both must skip it.
resource "aws_db_instance" "primary" {
  identifier                = "orders"
  engine                    = "postgres"
  instance_class            = "db.t4g.medium"
  allocated_storage         = 50
  final_snapshot_identifier = "orders-final"
}

resource "aws_db_instance" "replica" {
  identifier          = "orders-replica"
  instance_class      = "db.t4g.medium"
  replicate_source_db = aws_db_instance.primary.identifier
  skip_final_snapshot = true
}

resource "aws_db_instance" "cross_region_replica" {
  identifier          = "orders-dr"
  instance_class      = "db.t4g.medium"
  replicate_source_db = "arn:aws:rds:eu-west-1:123456789012:db:orders"
  skip_final_snapshot = true
}

resource "aws_db_instance" "rds_custom" {
  identifier                  = "erp"
  engine                      = "custom-oracle-ee"
  instance_class              = "db.m5.xlarge"
  allocated_storage           = 100
  custom_iam_instance_profile = "AWSRDSCustomInstanceProfile"
  skip_final_snapshot         = true
}
