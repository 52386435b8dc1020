resource "aws_msk_cluster" "plaintext_clients" {
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
      client_broker = "TLS_PLAINTEXT" # expect: ZT009
      in_cluster    = false           # expect: ZT009
    }
  }
}

resource "aws_msk_cluster" "plaintext_only" {
  cluster_name           = "logs"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = ["subnet-1", "subnet-2", "subnet-3"]
    security_groups = ["sg-0123456789abcdef0"]
  }

  encryption_info {
    encryption_in_transit {
      client_broker = "PLAINTEXT" # expect: ZT009
    }
  }
}
