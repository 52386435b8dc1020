resource "aws_db_instance" "orders" { # expect: BK004
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  deletion_protection = true
  backup_retention_period = 7
}
