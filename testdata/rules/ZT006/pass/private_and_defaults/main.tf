# publicly_accessible missing (the provider default is false; Redshift's default changed
# to false in provider 6, so a missing value is not judged), search domains in a VPC, and
# Cloud SQL with private IP or narrow authorized networks.

resource "aws_db_instance" "default" {
  identifier        = "default"
  engine            = "mysql"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}

resource "aws_rds_cluster_instance" "default" {
  identifier         = "default"
  cluster_identifier = "aurora"
  instance_class     = "db.r6g.large"
  engine             = "aurora-mysql"
}

resource "aws_redshift_cluster" "default" {
  cluster_identifier = "default"
  node_type          = "ra3.xlplus"
  master_username    = "admin"
}

resource "aws_opensearch_domain" "in_vpc" {
  domain_name    = "in-vpc"
  engine_version = "OpenSearch_2.11"

  vpc_options {
    subnet_ids         = ["subnet-0123456789abcdef0"]
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}

resource "google_sql_database_instance" "private" {
  name             = "private"
  database_version = "POSTGRES_15"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      ipv4_enabled    = false
      private_network = "projects/p/global/networks/default"
    }
  }
}

resource "google_sql_database_instance" "office" {
  name             = "office"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      authorized_networks {
        name  = "office"
        value = "203.0.113.0/24"
      }
    }
  }
}
