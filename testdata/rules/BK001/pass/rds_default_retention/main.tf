resource "aws_db_instance" "orders" {
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  deletion_protection = true
}
