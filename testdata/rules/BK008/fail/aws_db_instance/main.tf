# No deletion_protection: the provider's default is false.
# expect: BK008
resource "aws_db_instance" "missing" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
}

resource "aws_db_instance" "explicit_false" {
  identifier          = "billing"
  engine              = "mysql"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  deletion_protection = false # expect: BK008
}

# Terraform converts the string to a boolean.
resource "aws_db_instance" "string_false" {
  identifier          = "ledger"
  engine              = "mysql"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  deletion_protection = "false" # expect: BK008
}

# count: one finding per instance, both on the header.
# expect: BK008, BK008
resource "aws_db_instance" "counted" {
  count             = 2
  identifier        = "shard-${count.index}"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
}
