# METADATA
# title: Data store can be deleted without a safeguard
# description: |
#   Without deletion protection, one `terraform destroy`, one apply of a renamed or removed
#   resource, or one API call with stolen credentials deletes the database together with its
#   automated backups. Deletion protection makes the provider or the cloud API refuse the
#   delete until someone turns it off in a separate, reviewable change. Fires on:
#
#   - `aws_db_instance` and `aws_rds_cluster` without `deletion_protection` (the provider's
#     default is `false`) or with `deletion_protection = false`. Not on an `aws_db_instance`
#     that is a read replica (`replicate_source_db` set, or referring to another resource):
#     deleting a replica leaves the data on its source;
#   - `aws_dynamodb_table` without `deletion_protection_enabled` (the default is `false`) or
#     with `deletion_protection_enabled = false`;
#   - `google_sql_database_instance` with `deletion_protection = false` written out. The
#     provider's default is `true` (Terraform refuses to destroy the instance), so a missing
#     argument does not fire. Not when `settings.deletion_protection_enabled = true` (default
#     `false`; Cloud SQL itself then refuses the delete from any client), and not on a read
#     replica (`master_instance_name` set).
#
#   `"true"` and `"false"` strings count as the booleans Terraform converts them to. A value
#   that cannot be known statically (a variable without default, a computed value) is never
#   judged: the resource is listed as undecided instead of reported. In a plan, an argument
#   the configuration leaves out and the provider computes is read as not set.
# related_resources:
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#deletion_protection
#     description: Terraform AWS provider, aws_db_instance (deletion_protection defaults to false)
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#deletion_protection
#     description: Terraform AWS provider, aws_rds_cluster (deletion_protection defaults to false)
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#deletion_protection_enabled
#     description: Terraform AWS provider, aws_dynamodb_table (deletion_protection_enabled defaults to false)
#   - ref: https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#deletion_protection
#     description: Terraform Google provider, google_sql_database_instance (deletion_protection defaults to true)
#   - ref: https://cloud.google.com/sql/docs/mysql/deletion-protection
#     description: Cloud SQL, preventing the deletion of an instance
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection
#     description: Amazon RDS, deletion protection
# custom:
#   id: BK008
#   severity: medium
#   pillar: backup
#   layer: 4
#   controls: [CP-9, CP-10]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Turn on deletion protection; turn it off in a change of its own before a planned
#     deletion:
#
#     ```hcl
#     resource "aws_db_instance" "orders" {
#       identifier          = "orders"
#       engine              = "postgres"
#       instance_class      = "db.t4g.medium"
#       allocated_storage   = 50
#       deletion_protection = true
#     }
#
#     resource "aws_rds_cluster" "orders" {
#       cluster_identifier  = "orders"
#       engine              = "aurora-postgresql"
#       deletion_protection = true
#     }
#
#     resource "aws_dynamodb_table" "sessions" {
#       name                        = "sessions"
#       billing_mode                = "PAY_PER_REQUEST"
#       hash_key                    = "id"
#       deletion_protection_enabled = true
#
#       attribute {
#         name = "id"
#         type = "S"
#       }
#     }
#
#     resource "google_sql_database_instance" "orders" {
#       name                = "orders"
#       database_version    = "POSTGRES_16"
#       region              = "europe-west1"
#       deletion_protection = true # the default: leave it out or keep it true
#
#       settings {
#         tier                        = "db-custom-2-7680"
#         deletion_protection_enabled = true # Cloud SQL refuses deletes from any client
#       }
#     }
#     ```
package tenet.backup.deletion_unprotected

import data.tenet.lib.aws_encryption as enc
import data.tenet.lib.terraform as tf
import rego.v1

# The argument that turns deletion protection on, per AWS resource type (default false).
aws_flag := {
	"aws_db_instance": "deletion_protection",
	"aws_rds_cluster": "deletion_protection",
	"aws_dynamodb_table": "deletion_protection_enabled",
}

what := {
	"aws_db_instance": "one apply or API call deletes the instance and its automated backups",
	"aws_rds_cluster": "one apply or API call deletes the cluster and its automated backups",
	"aws_dynamodb_table": "one apply or API call deletes the table and its point-in-time recovery data",
}

aws_stores := [r |
	some type, _ in aws_flag
	some r in tf.resources(type)
]

deny contains finding if {
	some resource in aws_stores
	path := [aws_flag[resource.type]]
	not_set(resource, path)
	aws_judged(resource)
	finding := {
		"resource": resource.address,
		"path": [],
		"message": sprintf("%s %q does not set `%s` (the default is false): %s", [resource.type, resource.name, path[0], what[resource.type]]),
	}
}

deny contains finding if {
	some resource in aws_stores
	path := [aws_flag[resource.type]]
	enc.is_false(object.get(resource.attributes, path, null))
	aws_judged(resource)
	finding := {
		"resource": resource.address,
		"path": path,
		"message": sprintf("%s %q sets `%s = false`: %s", [resource.type, resource.name, path[0], what[resource.type]]),
	}
}

undecided contains tf.undecided(resource, path, why) if {
	some resource in aws_stores
	path := [aws_flag[resource.type]]
	tf.unknown(resource, path)
	not tf.provider_computed(resource, path)
	not known_replica(resource)
	why := sprintf("`%s` is not known statically: deletion protection may be off", [path[0]])
}

undecided contains tf.undecided(resource, ["replicate_source_db"], why) if {
	some resource in tf.resources("aws_db_instance")
	not enc.bool_or_default(resource, ["deletion_protection"], false) == true
	source_unknown(resource, "replicate_source_db")
	why := "`replicate_source_db` is not known statically: a read replica needs no deletion protection, a primary instance without it can be deleted"
}

# Not written. In a plan, a flag the provider computes when the configuration leaves it out
# is unknown there; it is not set either.
not_set(resource, path) if tf.unset(resource, path)

not_set(resource, path) if tf.provider_computed(resource, path)

# A store whose missing or false flag is a finding: known not to be a read replica.
aws_judged(resource) if resource.type != "aws_db_instance"

aws_judged(resource) if {
	resource.type == "aws_db_instance"
	source_unset(resource, "replicate_source_db")
}

known_replica(resource) if {
	resource.type == "aws_db_instance"
	not source_unset(resource, "replicate_source_db")
	not source_unknown(resource, "replicate_source_db")
}

# The attribute naming a replica's source (`replicate_source_db`, `master_instance_name`) is
# not set, or set to "".
source_unset(resource, attribute) if tf.unset(resource, [attribute])

source_unset(resource, attribute) if tf.provider_computed(resource, [attribute])

source_unset(resource, attribute) if object.get(resource.attributes, attribute, null) == ""

# The source is unknown and refers to no resource (a variable without default): the resource
# may or may not be a replica. An unknown value that refers to another resource (such as
# `aws_db_instance.primary.identifier`) names a source, so the resource is a replica.
source_unknown(resource, attribute) if {
	tf.unknown(resource, [attribute])
	not tf.provider_computed(resource, [attribute])
	count(tf.referenced_by(resource, attribute)) == 0
}

# google_sql_database_instance: the default (true) protects; only an explicit false fires.

deny contains finding if {
	some resource in tf.resources("google_sql_database_instance")
	enc.is_false(object.get(resource.attributes, "deletion_protection", null))
	google_judged(resource)
	enc.bool_or_default(resource, ["settings", 0, "deletion_protection_enabled"], false) == false
	finding := {
		"resource": resource.address,
		"path": ["deletion_protection"],
		"message": sprintf("google_sql_database_instance %q sets `deletion_protection = false` and `settings.deletion_protection_enabled` is off: one apply or API call deletes the instance and its backups", [resource.name]),
	}
}

undecided contains tf.undecided(resource, ["deletion_protection"], why) if {
	some resource in tf.resources("google_sql_database_instance")
	tf.unknown(resource, ["deletion_protection"])
	google_judged(resource)
	not enc.bool_or_default(resource, ["settings", 0, "deletion_protection_enabled"], false) == true
	why := "`deletion_protection` is not known statically: Terraform may delete the instance"
}

undecided contains tf.undecided(resource, path, why) if {
	some resource in tf.resources("google_sql_database_instance")
	enc.is_false(object.get(resource.attributes, "deletion_protection", null))
	google_judged(resource)
	path := ["settings", 0, "deletion_protection_enabled"]
	tf.unknown(resource, path)
	why := "`deletion_protection = false` and `settings.deletion_protection_enabled` is not known statically: the instance may be deletable"
}

undecided contains tf.undecided(resource, ["master_instance_name"], why) if {
	some resource in tf.resources("google_sql_database_instance")
	enc.is_false(object.get(resource.attributes, "deletion_protection", null))
	source_unknown(resource, "master_instance_name")
	enc.bool_or_default(resource, ["settings", 0, "deletion_protection_enabled"], false) == false
	why := "`master_instance_name` is not known statically: a read replica needs no deletion protection, a primary instance without it can be deleted"
}

# Known not to be a read replica.
google_judged(resource) if source_unset(resource, "master_instance_name")
