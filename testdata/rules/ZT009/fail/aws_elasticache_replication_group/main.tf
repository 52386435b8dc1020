resource "aws_elasticache_replication_group" "explicit_false" {
  replication_group_id       = "sessions"
  description                = "sessions"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = "false" # expect: ZT009
}

# transit_encryption_enabled defaults to false.
# expect: ZT009
resource "aws_elasticache_replication_group" "missing" {
  replication_group_id       = "cache"
  description                = "cache"
  engine                     = "valkey"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = true
}

# The migration mode accepts plaintext connections as well as encrypted ones.
resource "aws_elasticache_replication_group" "preferred" {
  replication_group_id       = "migrating"
  description                = "migrating"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  transit_encryption_mode    = "preferred" # expect: ZT009
}
