resource "aws_elasticache_replication_group" "explicit_false" {
  replication_group_id       = "sessions"
  description                = "sessions"
  engine                     = "valkey"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = false # expect: ZT008
}

# The default engine is redis, whose at-rest encryption defaults to false.
# expect: ZT008
resource "aws_elasticache_replication_group" "missing" {
  replication_group_id = "cache"
  description          = "cache"
  node_type            = "cache.t4g.small"
}

# expect: ZT008
resource "aws_elasticache_replication_group" "redis_missing" {
  replication_group_id = "queue"
  description          = "queue"
  engine               = "redis"
  node_type            = "cache.t4g.small"
}
