# METADATA
# title: Database is deleted without a final snapshot
# description: |
#   When a database is deleted, its automated backups go with it (RDS can retain them only
#   when asked to, Redshift's automated snapshots are deleted). The final snapshot is then the
#   last copy of the data; skipping it means a mistaken `terraform destroy`, or a replacement
#   forced by a changed argument, leaves nothing to restore from. Fires on `aws_db_instance`,
#   `aws_rds_cluster` and `aws_redshift_cluster` with `skip_final_snapshot = true` (or
#   `"true"`). The provider's default for all three is `false` (a final snapshot is taken,
#   named by `final_snapshot_identifier`), so a missing argument does not fire.
#
#   Not on an `aws_db_instance` that is a read replica (`replicate_source_db` set) or an RDS
#   Custom instance (`engine` starting with `custom-`, or `custom_iam_instance_profile` set):
#   RDS cannot take a final snapshot of those, and requires `skip_final_snapshot = true`.
#
#   A value that cannot be known statically (a variable without default, a computed value) is
#   never judged: the resource is listed as undecided instead of reported.
# related_resources:
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#skip_final_snapshot
#     description: Terraform AWS provider, aws_db_instance (skip_final_snapshot defaults to false)
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#skip_final_snapshot
#     description: Terraform AWS provider, aws_rds_cluster (skip_final_snapshot defaults to false)
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#skip_final_snapshot
#     description: Terraform AWS provider, aws_redshift_cluster (skip_final_snapshot defaults to false)
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html
#     description: Amazon RDS DeleteDBInstance (read replicas and RDS Custom must skip the final snapshot)
#   - ref: https://docs.aws.amazon.com/redshift/latest/APIReference/API_DeleteCluster.html
#     description: Amazon Redshift DeleteCluster
# custom:
#   id: BK009
#   severity: medium
#   pillar: backup
#   layer: 4
#   controls: [CP-9]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Leave `skip_final_snapshot` out (or set it to `false`) and name the final snapshot:
#
#     ```hcl
#     resource "aws_db_instance" "orders" {
#       identifier                = "orders"
#       engine                    = "postgres"
#       instance_class            = "db.t4g.medium"
#       allocated_storage         = 50
#       skip_final_snapshot       = false
#       final_snapshot_identifier = "orders-final"
#     }
#
#     resource "aws_rds_cluster" "orders" {
#       cluster_identifier        = "orders"
#       engine                    = "aurora-postgresql"
#       final_snapshot_identifier = "orders-cluster-final"
#     }
#
#     resource "aws_redshift_cluster" "warehouse" {
#       cluster_identifier        = "warehouse"
#       node_type                 = "ra3.xlplus"
#       final_snapshot_identifier = "warehouse-final"
#     }
#     ```
package tenet.backup.no_final_snapshot

import data.tenet.lib.aws_encryption as enc
import data.tenet.lib.terraform as tf
import rego.v1

what := {
	"aws_db_instance": "deleting the instance leaves no snapshot of its data",
	"aws_rds_cluster": "deleting the cluster leaves no snapshot of its data",
	"aws_redshift_cluster": "deleting the cluster leaves no snapshot of its data",
}

databases := [r |
	some type, _ in what
	some r in tf.resources(type)
]

deny contains finding if {
	some resource in databases
	enc.is_true(object.get(resource.attributes, "skip_final_snapshot", null))
	judged(resource)
	finding := {
		"resource": resource.address,
		"path": ["skip_final_snapshot"],
		"message": sprintf("%s %q sets `skip_final_snapshot = true`: %s", [resource.type, resource.name, what[resource.type]]),
	}
}

undecided contains tf.undecided(resource, ["skip_final_snapshot"], why) if {
	some resource in databases
	tf.unknown(resource, ["skip_final_snapshot"])
	not tf.provider_computed(resource, ["skip_final_snapshot"])
	not exempt(resource)
	why := "`skip_final_snapshot` is not known statically: the final snapshot may be skipped"
}

undecided contains tf.undecided(resource, [attribute], why) if {
	some resource in tf.resources("aws_db_instance")
	enc.is_true(object.get(resource.attributes, "skip_final_snapshot", null))
	not exempt(resource)
	some attribute in ["replicate_source_db", "custom_iam_instance_profile"]
	undecided_because(resource, attribute)
	why := sprintf("`%s` is not known statically: a read replica or an RDS Custom instance must skip the final snapshot, other instances should not", [attribute])
}

# A database whose skip_final_snapshot is a finding: known not to be exempt.
judged(resource) if {
	not exempt(resource)
	not maybe_exempt(resource)
}

# An aws_db_instance of which RDS can take no final snapshot: a read replica, or an RDS Custom
# instance.
exempt(resource) if {
	resource.type == "aws_db_instance"
	names_source(resource, "replicate_source_db")
}

exempt(resource) if {
	resource.type == "aws_db_instance"
	engine := object.get(resource.attributes, "engine", null)
	is_string(engine)
	startswith(lower(engine), "custom-")
}

exempt(resource) if {
	resource.type == "aws_db_instance"
	not is_string(object.get(resource.attributes, "engine", null))
	names_source(resource, "custom_iam_instance_profile")
}

maybe_exempt(resource) if {
	some attribute in ["replicate_source_db", "custom_iam_instance_profile"]
	undecided_because(resource, attribute)
}

# The value is set: known and not empty, or unknown but referring to another resource (such
# as `aws_db_instance.primary.identifier`), which is never empty.
names_source(resource, attribute) if {
	value := object.get(resource.attributes, attribute, null)
	value != null
	value != ""
}

names_source(resource, attribute) if {
	tf.unknown(resource, [attribute])
	count(tf.referenced_by(resource, attribute)) > 0
}

# The value that decides whether the instance is exempt is unknown and refers to no
# resource (a variable without default). An RDS Custom instance needs both a `custom-` engine
# and a `custom_iam_instance_profile`: an unknown profile matters only when the engine is
# unknown too.
undecided_because(resource, "replicate_source_db") if {
	resource.type == "aws_db_instance"
	tf.unknown(resource, ["replicate_source_db"])
	not tf.provider_computed(resource, ["replicate_source_db"])
	count(tf.referenced_by(resource, "replicate_source_db")) == 0
}

undecided_because(resource, "custom_iam_instance_profile") if {
	resource.type == "aws_db_instance"
	tf.unknown(resource, ["custom_iam_instance_profile"])
	not tf.provider_computed(resource, ["custom_iam_instance_profile"])
	count(tf.referenced_by(resource, "custom_iam_instance_profile")) == 0
	not is_string(object.get(resource.attributes, "engine", null))
}
