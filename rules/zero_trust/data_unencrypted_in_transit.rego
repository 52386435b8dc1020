# METADATA
# title: Data store accepts plaintext connections
# description: |
#   A data store that accepts unencrypted connections sends credentials, queries and data in
#   clear text over the network, where anyone on the path (a compromised host in the same
#   network, a mirrored port, a misrouted peering) can read or alter them. Zero trust secures
#   every connection regardless of network location. Fires on:
#
#   - `aws_elasticache_replication_group` whose `transit_encryption_enabled` is `false`, or
#     missing (the API default is `false`), unless it joins a global replication group
#     (`global_replication_group_id`), which sets it; and one whose `transit_encryption_mode`
#     is `preferred` (the migration mode, which accepts plaintext connections too);
#   - `aws_msk_cluster` whose `encryption_info.encryption_in_transit.client_broker` is
#     `TLS_PLAINTEXT` or `PLAINTEXT` (anything but `TLS`), or whose `in_cluster` is `false`.
#     Both default to encrypted (`TLS`, `true`), so a missing block is not reported;
#   - `azurerm_storage_account` whose `https_traffic_only_enabled` (provider 4) or
#     `enable_https_traffic_only` (provider 3) is `false`. Both default to `true`;
#   - `google_sql_database_instance` whose `settings.ip_configuration.ssl_mode` is
#     `ALLOW_UNENCRYPTED_AND_ENCRYPTED`, or whose deprecated `require_ssl` is `false` while
#     `ssl_mode` is not set. Only these explicit values are reported: the provider documents no
#     default for `ssl_mode`.
#
#   Unknown values (a variable without default, a computed attribute) are never judged.
# related_resources:
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#transit_encryption_enabled
#     description: Terraform AWS provider, aws_elasticache_replication_group transit_encryption_enabled
#   - ref: https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html
#     description: ElastiCache CreateReplicationGroup (TransitEncryptionEnabled defaults to false)
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/msk_cluster#encryption_in_transit-argument-reference
#     description: Terraform AWS provider, aws_msk_cluster encryption_in_transit
#   - ref: https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#https_traffic_only_enabled
#     description: Terraform azurerm provider, azurerm_storage_account https_traffic_only_enabled
#   - ref: https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#ssl_mode
#     description: Terraform Google provider, google_sql_database_instance ssl_mode
# custom:
#   id: ZT009
#   severity: high
#   pillar: zero_trust
#   layer: 4
#   controls: [SC-8, SC-8(1)]
#   tenets: [2]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Require TLS for every client connection:
#
#     ```hcl
#     resource "aws_elasticache_replication_group" "cache" {
#       replication_group_id       = "cache"
#       description                = "cache"
#       node_type                  = "cache.t4g.small"
#       transit_encryption_enabled = true
#       transit_encryption_mode    = "required"
#     }
#
#     resource "google_sql_database_instance" "orders" {
#       name             = "orders"
#       database_version = "POSTGRES_16"
#       settings {
#         tier = "db-custom-2-7680"
#         ip_configuration {
#           ssl_mode = "ENCRYPTED_ONLY"
#         }
#       }
#     }
#     ```
package tenet.zero_trust.data_unencrypted_in_transit

import data.tenet.lib.aws_encryption as enc
import data.tenet.lib.terraform as tf
import rego.v1

target_types := {
	"aws_elasticache_replication_group", "aws_msk_cluster", "azurerm_storage_account",
	"google_sql_database_instance",
}

# The only pass over input.resources.
candidates := [r |
	some r in input.resources
	r.type in target_types
	tf.managed(r)
]

of_type(type) := [r | some r in candidates; r.type == type]

deny contains finding if {
	some issue in issues
	finding := {
		"resource": issue.resource.address,
		"path": issue.path,
		"message": sprintf("%s %q %s", [issue.resource.type, issue.resource.name, issue.reason]),
	}
}

explicit_false(resource, path) if enc.is_false(object.get(resource.attributes, path, null))

# aws_elasticache_replication_group: transit_encryption_enabled

elasticache_what := "clients connect to the cache in plaintext, AUTH tokens included"

issues contains {
	"resource": resource,
	"path": path,
	"reason": sprintf("%s: %s", [elasticache_reason(resource, path), elasticache_what]),
} if {
	some resource in of_type("aws_elasticache_replication_group")
	enc.absent(resource, ["global_replication_group_id"])
	path := ["transit_encryption_enabled"]
	elasticache_reason(resource, path)
}

# `preferred` is the migration mode: encrypted and plaintext connections are both accepted.
issues contains {
	"resource": resource,
	"path": ["transit_encryption_mode"],
	"reason": sprintf("sets `transit_encryption_mode` to \"preferred\", which still accepts plaintext connections: %s", [elasticache_what]),
} if {
	some resource in of_type("aws_elasticache_replication_group")
	mode := resource.attributes.transit_encryption_mode
	is_string(mode)
	lower(mode) == "preferred"
}

elasticache_reason(resource, path) := "sets `transit_encryption_enabled` to false" if explicit_false(resource, path)

elasticache_reason(resource, path) := "does not set `transit_encryption_enabled` (the default is false)" if tf.unset(resource, path)

# aws_msk_cluster: encryption_info.encryption_in_transit

msk_transit_blocks contains [resource, path, block] if {
	some resource in of_type("aws_msk_cluster")
	some i, info in enc.blocks(resource, ["encryption_info"])
	is_object(info)
	some j, block in enc.blocks(resource, ["encryption_info", i, "encryption_in_transit"])
	is_object(block)
	path := ["encryption_info", i, "encryption_in_transit", j]
}

issues contains {
	"resource": resource,
	"path": path,
	"reason": sprintf("sets `encryption_in_transit.client_broker` to %q: Kafka clients can connect to the brokers without TLS", [setting]),
} if {
	some [resource, block_path, _] in msk_transit_blocks
	path := array.concat(block_path, ["client_broker"])
	setting := enc.upper_or_default(resource, path, "TLS")
	setting != "TLS"
}

issues contains {
	"resource": resource,
	"path": path,
	"reason": "sets `encryption_in_transit.in_cluster` to false: data replicated between brokers travels in plaintext",
} if {
	some [resource, block_path, _] in msk_transit_blocks
	path := array.concat(block_path, ["in_cluster"])
	explicit_false(resource, path)
}

# azurerm_storage_account: https_traffic_only_enabled (provider 4) / enable_https_traffic_only (3)

issues contains {
	"resource": resource,
	"path": [attribute],
	"reason": sprintf("sets `%s` to false: the storage endpoints accept plain HTTP", [attribute]),
} if {
	some resource in of_type("azurerm_storage_account")
	some attribute in ["https_traffic_only_enabled", "enable_https_traffic_only"]
	explicit_false(resource, [attribute])
}

# google_sql_database_instance: settings.ip_configuration.ssl_mode / require_ssl

sql_ip_configurations contains [resource, path] if {
	some resource in of_type("google_sql_database_instance")
	some i, settings in enc.blocks(resource, ["settings"])
	is_object(settings)
	some j, ip in enc.blocks(resource, ["settings", i, "ip_configuration"])
	is_object(ip)
	path := ["settings", i, "ip_configuration", j]
}

sql_what := "database clients can connect without TLS"

issues contains {
	"resource": resource,
	"path": path,
	"reason": sprintf("sets `ssl_mode` to \"ALLOW_UNENCRYPTED_AND_ENCRYPTED\": %s", [sql_what]),
} if {
	some [resource, ip_path] in sql_ip_configurations
	path := array.concat(ip_path, ["ssl_mode"])
	enc.upper_or_default(resource, path, "") == "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
}

issues contains {
	"resource": resource,
	"path": path,
	"reason": sprintf("sets `require_ssl` to false and no `ssl_mode`: %s", [sql_what]),
} if {
	some [resource, ip_path] in sql_ip_configurations
	path := array.concat(ip_path, ["require_ssl"])
	explicit_false(resource, path)
	enc.absent(resource, array.concat(ip_path, ["ssl_mode"]))
}
