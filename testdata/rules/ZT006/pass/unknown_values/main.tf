# Values tenet cannot know statically (variables without default) are never judged. Each
# one that would put the data store on the internet if it were the unsafe value is listed as
# undecided, at the unknown value (or at the resource, for a dynamic block).

variable "public" {
  type = bool
}

variable "vpc" {
  type = object({ subnet_ids = list(string) })
}

variable "networks" {
  type = list(object({ name = string, value = string }))
}

resource "aws_db_instance" "unknown" {
  identifier          = "unknown"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  publicly_accessible = var.public # undecided: ZT006
}

resource "aws_redshift_cluster" "unknown" {
  cluster_identifier  = "unknown"
  node_type           = "ra3.xlplus"
  master_username     = "admin"
  publicly_accessible = var.public # undecided: ZT006
}

# undecided: ZT006
resource "aws_opensearch_domain" "unknown_vpc" {
  domain_name = "unknown-vpc"

  dynamic "vpc_options" {
    for_each = var.vpc == null ? [] : [var.vpc]
    content {
      subnet_ids = vpc_options.value.subnet_ids
    }
  }
}

resource "google_sql_database_instance" "unknown_networks" {
  name             = "unknown-networks"
  database_version = "POSTGRES_15"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"

    # undecided: ZT006
    ip_configuration {
      dynamic "authorized_networks" {
        for_each = var.networks
        content {
          name  = authorized_networks.value.name
          value = authorized_networks.value.value
        }
      }
    }
  }
}

variable "office_cidr" {
  type = string
}

variable "network_name" {
  type = string
}

resource "google_sql_database_instance" "unknown_value" {
  name             = "unknown-value"
  database_version = "POSTGRES_15"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      authorized_networks {
        name  = "office"
        value = var.office_cidr # undecided: ZT006
      }

      # An unknown name does not decide anything.
      authorized_networks {
        name  = var.network_name
        value = "203.0.113.0/24"
      }
    }
  }
}
