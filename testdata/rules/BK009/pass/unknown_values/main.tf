# Values tenet cannot know statically (variables without default) are never judged; each
# resource is listed as undecided instead.

variable "skip_final_snapshot" {
  type = bool
}

variable "source_db" {
  type = string
}

variable "engine" {
  type = string
}

variable "instance_profile" {
  type = string
}

resource "aws_db_instance" "unknown_flag" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  skip_final_snapshot = var.skip_final_snapshot # undecided: BK009
}

resource "aws_rds_cluster" "unknown_flag" {
  cluster_identifier  = "orders"
  engine              = "aurora-postgresql"
  skip_final_snapshot = var.skip_final_snapshot # undecided: BK009
}

resource "aws_redshift_cluster" "unknown_flag" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  skip_final_snapshot = var.skip_final_snapshot # undecided: BK009
}

# It may or may not be a read replica.
resource "aws_db_instance" "maybe_replica" {
  identifier          = "orders-maybe-replica"
  instance_class      = "db.t4g.medium"
  replicate_source_db = var.source_db # undecided: BK009
  skip_final_snapshot = true
}

# It may or may not be an RDS Custom instance.
resource "aws_db_instance" "maybe_custom" {
  identifier                  = "erp"
  engine                      = var.engine
  instance_class              = "db.m5.xlarge"
  allocated_storage           = 100
  custom_iam_instance_profile = var.instance_profile # undecided: BK009
  skip_final_snapshot         = true
}
