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
#   Unknown values (a variable without default, a computed attribute) are never judged: each
#   one that could allow plaintext (a flag, a mode, `client_broker`, `in_cluster`, `ssl_mode`,
#   an encryption or IP configuration block, or a global replication group that may or may
#   not be set) is listed as undecided instead.
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

# --- undecided ---------------------------------------------------------------------------------

undecided contains tf.undecided(resource, unknowns[0], message) if {
	some [resource, unknowns, question] in undecided_checks
	message := sprintf("%s, so whether %s cannot be decided", [enc.unknowns_text(unknowns), question])
}

# aws_elasticache_replication_group: a flag that is unknown, or a false or missing flag on a
# group that may or may not join a global replication group (which sets it).
undecided_checks contains [resource, unknowns, "clients connect to the cache in plaintext"] if {
	some resource in of_type("aws_elasticache_replication_group")
	not enc.known_set(resource, ["global_replication_group_id"])
	path := ["transit_encryption_enabled"]
	flag := transit_unknowns(resource, path)
	unknowns := array.concat(flag, enc.unbound_paths(resource, [["global_replication_group_id"]]))
	count(unknowns) > 0
}

transit_unknowns(resource, path) := [path] if tf.unknown(resource, path)

transit_unknowns(resource, path) := [] if elasticache_reason(resource, path)

# `transit_encryption_mode` may be "preferred". In a plan, a mode the provider computes (the
# configuration leaves it out) is not set.
undecided_checks contains [resource, [path], "the cache accepts plaintext connections (`transit_encryption_mode = \"preferred\"`)"] if {
	some resource in of_type("aws_elasticache_replication_group")
	path := ["transit_encryption_mode"]
	tf.unknown(resource, path)
	not tf.provider_computed(resource, path)
}

# aws_msk_cluster: an encryption block that is unknown, or an unknown `client_broker` or
# `in_cluster`.
undecided_checks contains [resource, [path], "Kafka clients or brokers communicate in plaintext"] if {
	some resource in of_type("aws_msk_cluster")
	some path in msk_unknowns(resource)
}

msk_unknowns(resource) := array.concat(enc.unknown_blocks(resource, ["encryption_info"]), [path |
	some i, info in enc.blocks(resource, ["encryption_info"])
	is_object(info)
	some path in enc.unknown_blocks(resource, ["encryption_info", i, "encryption_in_transit"])
])

undecided_checks contains [resource, [path], "Kafka clients can connect to the brokers without TLS"] if {
	some [resource, block_path, _] in msk_transit_blocks
	path := array.concat(block_path, ["client_broker"])
	tf.unknown(resource, path)
	not tf.provider_computed(resource, path)
}

undecided_checks contains [resource, [path], "data replicated between brokers travels in plaintext"] if {
	some [resource, block_path, _] in msk_transit_blocks
	path := array.concat(block_path, ["in_cluster"])
	tf.unknown(resource, path)
	not tf.provider_computed(resource, path)
}

# azurerm_storage_account: an HTTPS-only flag that is unknown.
undecided_checks contains [resource, [[attribute]], "the storage endpoints accept plain HTTP"] if {
	some resource in of_type("azurerm_storage_account")
	some attribute in ["https_traffic_only_enabled", "enable_https_traffic_only"]
	tf.unknown(resource, [attribute])
	not tf.provider_computed(resource, [attribute])
}

# google_sql_database_instance: a `settings` or `ip_configuration` block that is unknown, an
# unknown `ssl_mode`, or an unknown `require_ssl` without `ssl_mode`.
undecided_checks contains [resource, [path], sql_what] if {
	some resource in of_type("google_sql_database_instance")
	some path in array.concat(enc.unknown_blocks(resource, ["settings"]), [p |
		some i, settings in enc.blocks(resource, ["settings"])
		is_object(settings)
		some p in enc.unknown_blocks(resource, ["settings", i, "ip_configuration"])
	])
}

undecided_checks contains [resource, [path], sql_what] if {
	some [resource, ip_path] in sql_ip_configurations
	path := array.concat(ip_path, ["ssl_mode"])
	tf.unknown(resource, path)
	not tf.provider_computed(resource, path)
}

undecided_checks contains [resource, [path], sql_what] if {
	some [resource, ip_path] in sql_ip_configurations
	path := array.concat(ip_path, ["require_ssl"])
	tf.unknown(resource, path)
	not tf.provider_computed(resource, path)
	enc.absent(resource, array.concat(ip_path, ["ssl_mode"]))
}
