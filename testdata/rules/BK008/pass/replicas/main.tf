resource "aws_db_instance" "primary" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  deletion_protection = true
}

# A read replica: deleting it leaves the data on the primary.
resource "aws_db_instance" "replica" {
  identifier          = "orders-replica"
  instance_class      = "db.t4g.medium"
  replicate_source_db = aws_db_instance.primary.identifier
}

resource "aws_db_instance" "cross_region_replica" {
  identifier          = "orders-dr"
  instance_class      = "db.t4g.medium"
  replicate_source_db = "arn:aws:rds:eu-west-1:123456789012:db:orders"
  deletion_protection = false
}
