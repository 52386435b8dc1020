# METADATA
# title: Data store reachable from the internet
# description: |
#   A database or search cluster with a public address can be reached, scanned and
#   brute-forced from anywhere; only its own credentials stand between the data and the
#   internet. Zero trust keeps data stores on private networks, reachable only from the
#   workloads that use them. Fires on:
#
#   - `aws_db_instance` and `aws_rds_cluster_instance` with `publicly_accessible = true`
#     (the provider default is false, so a missing value does not fire);
#   - `aws_redshift_cluster` with `publicly_accessible = true` set explicitly: the default
#     was true before AWS provider 6.0 and is false since, so only the explicit value fires;
#   - `aws_elasticsearch_domain` and `aws_opensearch_domain` without a `vpc_options` block:
#     such a domain gets a public endpoint (an access policy may still restrict who can call
#     it, but the endpoint is on the internet);
#   - `google_sql_database_instance` whose `settings.ip_configuration.authorized_networks`
#     has a `value` of prefix length 0 (`0.0.0.0/0`): every address may connect to the
#     instance's public IP.
#
#   The finding points at `publicly_accessible`, at the internet network's `value`, or at the
#   resource when `vpc_options` is missing. Does not fire when the value is unknown statically
#   (a variable without default, a `dynamic` block over one), on authorized networks
#   narrower than the whole internet, or on Cloud SQL instances without authorized networks.
#   An unknown `publicly_accessible`, `vpc_options` or authorized network (other than one
#   computed from a managed resource) is listed as undecided instead.
# related_resources:
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance
#     description: Terraform AWS provider, aws_db_instance (publicly_accessible defaults to false)
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-6-upgrade
#     description: Terraform AWS provider 6 upgrade guide (aws_redshift_cluster publicly_accessible default)
#   - ref: https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html
#     description: Amazon OpenSearch Service, launching domains within a VPC
#   - ref: https://cloud.google.com/sql/docs/mysql/authorize-networks
#     description: Cloud SQL, authorized networks
#   - ref: https://csrc.nist.gov/pubs/sp/800/207/final
#     description: NIST SP 800-207, Zero Trust Architecture
# custom:
#   id: ZT006
#   severity: critical
#   pillar: zero_trust
#   layer: 4
#   controls: [SC-7, AC-3]
#   tenets: [1, 3]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Keep the data store on private subnets and let only the application reach it:
#
#     ```hcl
#     resource "aws_db_instance" "orders" {
#       identifier             = "orders"
#       engine                 = "postgres"
#       instance_class         = "db.t4g.micro"
#       allocated_storage      = 20
#       db_subnet_group_name   = aws_db_subnet_group.private.name
#       vpc_security_group_ids = [aws_security_group.db.id]
#       publicly_accessible    = false
#     }
#     ```
#
#     Give OpenSearch domains a `vpc_options` block with private subnets, and give Cloud SQL
#     instances private IP (`ip_configuration { ipv4_enabled = false, private_network = ... }`)
#     or authorized networks limited to known ranges.
package tenet.zero_trust.data_store_publicly_accessible

import data.tenet.lib.network
import data.tenet.lib.network_unknown
import data.tenet.lib.aws_encryption as enc
import data.tenet.lib.terraform as tf
import rego.v1

publicly_accessible_types := ["aws_db_instance", "aws_rds_cluster_instance", "aws_redshift_cluster"]

search_domain_types := ["aws_elasticsearch_domain", "aws_opensearch_domain"]

deny contains finding if {
	some type in publicly_accessible_types
	some resource in tf.resources(type)
	object.get(resource.attributes, "publicly_accessible", null) in {true, "true"}
	finding := {
		"resource": resource.address,
		"path": ["publicly_accessible"],
		"message": sprintf(
			"%s %q has `publicly_accessible = true`: it gets an address reachable from the internet",
			[type, resource.name],
		),
	}
}

deny contains finding if {
	some type in search_domain_types
	some resource in tf.resources(type)
	count(tf.list_or_empty(resource, ["vpc_options"])) == 0
	finding := {
		"resource": resource.address,
		"path": ["vpc_options"],
		"message": sprintf(
			"%s %q has no `vpc_options`: its endpoint is public, reachable from the internet",
			[type, resource.name],
		),
	}
}

deny contains finding if {
	some resource in tf.resources("google_sql_database_instance")
	some i, _ in tf.list_or_empty(resource, ["settings"])
	some j, _ in tf.list_or_empty(resource, ["settings", i, "ip_configuration"])
	some k, net in tf.list_or_empty(resource, ["settings", i, "ip_configuration", j, "authorized_networks"])
	is_object(net)
	network.internet_cidr(net.value)
	finding := {
		"resource": resource.address,
		"path": ["settings", i, "ip_configuration", j, "authorized_networks", k, "value"],
		"message": sprintf(
			"google_sql_database_instance %q authorizes %s: every address on the internet may connect to it",
			[resource.name, net.value],
		),
	}
}

# --- undecided ---------------------------------------------------------------------------------

undecided contains tf.undecided(resource, ["publicly_accessible"], message) if {
	some type in publicly_accessible_types
	some resource in tf.resources(type)
	tf.unknown(resource, ["publicly_accessible"])
	not tf.provider_computed(resource, ["publicly_accessible"])
	message := "`publicly_accessible` is unknown, so whether the data store gets an address reachable from the internet cannot be decided"
}

undecided contains tf.undecided(resource, ["vpc_options"], message) if {
	some type in search_domain_types
	some resource in tf.resources(type)
	count(enc.unknown_blocks(resource, ["vpc_options"])) > 0
	message := "`vpc_options` is unknown, so whether the domain's endpoint is public cannot be decided"
}

# The authorized networks of a Cloud SQL instance, at the first level that is unknown: the
# `settings` or `ip_configuration` block (list or one block), the `authorized_networks` list,
# one network, or its `value`.
undecided contains tf.undecided(resource, path, message) if {
	some resource in tf.resources("google_sql_database_instance")
	some path in sql_network_unknowns(resource)
	message := sprintf("`%s` is unknown, so whether the instance authorizes every address on the internet cannot be decided", [tf.display_path(path)])
}

sql_network_unknowns(resource) := array.concat(
	enc.unknown_blocks(resource, ["settings"]),
	[path |
		some i, settings in tf.list_or_empty(resource, ["settings"])
		is_object(settings)
		some path in array.concat(
			enc.unknown_blocks(resource, ["settings", i, "ip_configuration"]),
			[p |
				some j, ip in tf.list_or_empty(resource, ["settings", i, "ip_configuration"])
				is_object(ip)
				some p in authorized_network_unknowns(resource, ["settings", i, "ip_configuration", j, "authorized_networks"])
			],
		)
	],
)

authorized_network_unknowns(resource, prefix) := array.concat(enc.unknown_blocks(resource, prefix), [path |
	some k, net in tf.list_or_empty(resource, prefix)
	is_object(net)
	path := array.concat(prefix, [k, "value"])
	tf.unknown(resource, path)
	not network_unknown.computed_from_resource(resource, path)
])
