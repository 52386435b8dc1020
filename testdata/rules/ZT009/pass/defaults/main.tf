# Settings that default to encrypted connections: nothing written, nothing to report.

# client_broker defaults to TLS and in_cluster to true.
resource "aws_msk_cluster" "defaults" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = ["subnet-1", "subnet-2", "subnet-3"]
    security_groups = ["sg-0123456789abcdef0"]
  }
}

resource "aws_msk_cluster" "empty_block" {
  cluster_name           = "logs"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = ["subnet-1", "subnet-2", "subnet-3"]
    security_groups = ["sg-0123456789abcdef0"]
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    encryption_in_transit {}
  }
}

# https_traffic_only_enabled defaults to true.
resource "azurerm_storage_account" "default" {
  name                     = "stdefault"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

# Only explicit plaintext settings are judged for Cloud SQL.
resource "google_sql_database_instance" "default" {
  name             = "default"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
  }
}

# A secondary in a global replication group takes the global group's setting.
resource "aws_elasticache_replication_group" "secondary" {
  replication_group_id        = "cache-secondary"
  description                 = "cache"
  global_replication_group_id = "ldgnf-cache"
}
