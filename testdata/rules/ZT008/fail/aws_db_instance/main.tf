# storage_encrypted written as false (bool and string forms), and left out (default false).

resource "aws_db_instance" "explicit_false" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  storage_encrypted = false # expect: ZT008
}

resource "aws_db_instance" "string_false" {
  identifier        = "billing"
  engine            = "mysql"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
  storage_encrypted = "false" # expect: ZT008
}

# expect: ZT008
resource "aws_db_instance" "missing" {
  identifier        = "users"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
}
