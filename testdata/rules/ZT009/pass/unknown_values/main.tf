# Values tenet cannot know statically (variables without default) are never judged. Each
# one that would allow plaintext connections if it were the unsafe value is listed as
# undecided, at the unknown value.

variable "enabled" {
  type = bool
}

variable "mode" {
  type = string
}

variable "global_group" {
  type = string
}

resource "aws_elasticache_replication_group" "unknown_flag" {
  replication_group_id       = "cache"
  description                = "cache"
  transit_encryption_enabled = var.enabled # undecided: ZT009
}

resource "aws_elasticache_replication_group" "unknown_global" {
  replication_group_id        = "cache-2"
  description                 = "cache"
  global_replication_group_id = var.global_group # undecided: ZT009
}

resource "aws_msk_cluster" "unknown" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = ["subnet-1", "subnet-2", "subnet-3"]
    security_groups = ["sg-0123456789abcdef0"]
  }

  encryption_info {
    encryption_in_transit {
      client_broker = var.mode    # undecided: ZT009
      in_cluster    = var.enabled # undecided: ZT009
    }
  }
}

resource "azurerm_storage_account" "unknown" {
  name                       = "stunknown"
  resource_group_name        = "rg-data"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = var.enabled # undecided: ZT009
}

resource "google_sql_database_instance" "unknown" {
  name             = "unknown"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ssl_mode = var.mode # undecided: ZT009
    }
  }
}

# require_ssl = false with an ssl_mode that is unknown: ssl_mode decides, so not judged.
resource "google_sql_database_instance" "unknown_ssl_mode" {
  name             = "unknown-2"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      require_ssl = false
      ssl_mode    = var.mode # undecided: ZT009
    }
  }
}

resource "aws_elasticache_replication_group" "unknown_mode" {
  replication_group_id       = "unknown-mode"
  description                = "unknown-mode"
  node_type                  = "cache.t4g.small"
  transit_encryption_enabled = true
  transit_encryption_mode    = var.mode # undecided: ZT009
}

variable "require_ssl" {
  type = bool
}

# Unknown values that cannot change the verdict are not undecided: `require_ssl` when
# `ssl_mode` requires TLS, and a global replication group on a cache with transit encryption
# on.
resource "google_sql_database_instance" "ssl_mode_set" {
  name             = "ssl-mode-set"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      require_ssl = var.require_ssl
      ssl_mode    = "ENCRYPTED_ONLY"
    }
  }
}

resource "aws_elasticache_replication_group" "encrypted_unknown_global" {
  replication_group_id        = "cache-3"
  description                 = "cache"
  transit_encryption_enabled  = true
  global_replication_group_id = var.global_group
}
