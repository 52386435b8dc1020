# METADATA
# title: Data stored unencrypted at rest
# description: |
#   Storage that is not encrypted at rest is readable by whoever gets the disks, the snapshots,
#   the backups or a copy shared to another account, without any access to the service's own
#   authorization. Zero trust protects the data itself, not only the paths to it. Fires on:
#
#   - `aws_db_instance` and `aws_rds_cluster` whose `storage_encrypted` is `false`, or missing
#     (the default is `false`; for `aws_rds_cluster` only with `engine_mode` `provisioned`, the
#     default, since `serverless` clusters default to `true`);
#   - `aws_ebs_volume` and `aws_efs_file_system` whose `encrypted` is `false` or missing
#     (default `false`);
#   - `aws_instance` `root_block_device` and `ebs_block_device` blocks whose `encrypted` is
#     `false` or missing (default `false`);
#   - `aws_elasticache_replication_group` whose `at_rest_encryption_enabled` is `false`, or
#     missing with `engine` `redis` (the default engine; `valkey` defaults to `true`);
#   - `aws_redshift_cluster` whose `encrypted` is explicitly `false`: provider 6 changed the
#     default to `true`, so a missing value is not reported;
#   - `aws_sqs_queue` whose `sqs_managed_sse_enabled` is explicitly `false` and that has no
#     `kms_master_key_id`. Early provider 4 releases documented a default of `false`; later
#     versions leave it to SQS, which enables SSE-SQS on new queues, so a missing value is not
#     reported;
#   - `aws_sns_topic` without `kms_master_key_id` (SNS has no default encryption);
#   - `aws_kinesis_stream` whose `encryption_type` is not `KMS` (the default is `NONE`).
#
#   A missing setting is not reported where the data takes its encryption from elsewhere: a
#   database or cluster restored from a snapshot, created as a replica or as a member of a
#   global cluster, or an Aurora `aws_db_instance` (the cluster encrypts it); an EBS volume or
#   `ebs_block_device` created from a `snapshot_id`; an ElastiCache secondary in a global
#   replication group; a resource that names a `kms_key_id` (the provider requires encryption
#   with it). EBS volumes and instance block devices are not reported at all when the same
#   configuration enables `aws_ebs_encryption_by_default` through the same provider
#   configuration (account and region): EC2 then encrypts every new volume, whatever
#   `encrypted` says. An `aws_instance` without
#   any `root_block_device` block is not reported: its root volume follows the AMI snapshot and
#   the account default, which the code does not show. Unknown values (a variable without
#   default, a computed attribute) are never judged: a resource that would be reported if an
#   unknown flag were false, an unknown key, snapshot or source were not set (a value computed
#   from a resource is set), or an unknown engine were not Aurora (or `redis`), is listed as
#   undecided instead, as is an unknown block device list of an instance.
# related_resources:
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#storage_encrypted
#     description: Terraform AWS provider, aws_db_instance storage_encrypted
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#storage_encrypted
#     description: Terraform AWS provider, aws_rds_cluster storage_encrypted
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#at_rest_encryption_enabled
#     description: Terraform AWS provider, aws_elasticache_replication_group at_rest_encryption_enabled
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_stream#encryption_type
#     description: Terraform AWS provider, aws_kinesis_stream encryption_type
#   - ref: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
#     description: Amazon SQS, encryption at rest
#   - ref: https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
#     description: Amazon EBS, encryption by default
# custom:
#   id: ZT008
#   severity: high
#   pillar: zero_trust
#   layer: 4
#   controls: [SC-28, SC-28(1)]
#   tenets: [1]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Turn encryption at rest on when the resource is created (most services cannot encrypt
#     an existing store in place), preferably with a customer-managed KMS key:
#
#     ```hcl
#     resource "aws_db_instance" "orders" {
#       identifier        = "orders"
#       engine            = "postgres"
#       instance_class    = "db.t4g.medium"
#       allocated_storage = 50
#       storage_encrypted = true
#       kms_key_id        = aws_kms_key.data.arn
#     }
#
#     resource "aws_sns_topic" "events" {
#       name              = "events"
#       kms_master_key_id = "alias/aws/sns"
#     }
#     ```
package tenet.zero_trust.data_unencrypted_at_rest

import data.tenet.lib.aws_encryption as enc
import data.tenet.lib.terraform as tf
import rego.v1

target_types := {
	"aws_db_instance", "aws_rds_cluster", "aws_ebs_volume", "aws_efs_file_system",
	"aws_elasticache_replication_group", "aws_redshift_cluster", "aws_sqs_queue",
	"aws_sns_topic", "aws_kinesis_stream", "aws_instance", "aws_ebs_encryption_by_default",
}

# The only pass over input.resources.
candidates := [r |
	some r in input.resources
	r.type in target_types
	tf.managed(r)
]

of_type(type) := [r | some r in candidates; r.type == type]

# The provider configurations (account and region) for which the configuration turns on EBS
# encryption by default.
ebs_encrypted_by_default := {provider_of(r) |
	some r in of_type("aws_ebs_encryption_by_default")
	enc.bool_or_default(r, ["enabled"], true) == true
}

provider_of(resource) := object.get(resource, "provider", "")

deny contains finding if {
	some issue in issues
	finding := {
		"resource": issue.resource.address,
		"path": issue.path,
		"message": sprintf("%s %q %s", [issue.resource.type, issue.resource.name, issue.reason]),
	}
}

# A boolean written as false.
explicit_false(resource, path) if enc.is_false(object.get(resource.attributes, path, null))

false_reason(path, what) := sprintf("sets `%s` to false: %s", [tf.display_path(path), what])

missing_reason(path, default_text, what) := sprintf("does not set `%s` (%s): %s", [tf.display_path(path), default_text, what])

# aws_db_instance and aws_rds_cluster: storage_encrypted

storage_what := {
	"aws_db_instance": "its storage, automated backups, snapshots and read replicas are unencrypted",
	"aws_rds_cluster": "the cluster volume, its backups and snapshots are unencrypted",
}

databases := array.concat(of_type("aws_db_instance"), of_type("aws_rds_cluster"))

issues contains {"resource": resource, "path": path, "reason": false_reason(path, storage_what[resource.type])} if {
	some resource in databases
	not inherits_encryption(resource)
	path := ["storage_encrypted"]
	explicit_false(resource, path)
}

issues contains {"resource": resource, "path": path, "reason": missing_reason(path, "the default is false", storage_what[resource.type])} if {
	some resource in databases
	not inherits_encryption(resource)
	path := ["storage_encrypted"]
	tf.unset(resource, path)
	enc.absent(resource, ["kms_key_id"])
	not default_encrypted(resource)
}

# Restored from a snapshot or a point in time, or created as a replica: the encryption comes
# from the source.
inherits_encryption(resource) if {
	some attribute in ["snapshot_identifier", "restore_to_point_in_time"]
	enc.present(resource, [attribute])
}

inherits_encryption(resource) if {
	resource.type == "aws_db_instance"
	enc.present(resource, ["replicate_source_db"])
}

# Aurora instances take their encryption from the cluster; an unknown engine is not judged.
inherits_encryption(resource) if {
	resource.type == "aws_db_instance"
	not is_string(object.get(resource.attributes, "engine", null))
}

inherits_encryption(resource) if {
	resource.type == "aws_db_instance"
	engine := object.get(resource.attributes, "engine", null)
	is_string(engine)
	startswith(lower(engine), "aurora")
}

inherits_encryption(resource) if {
	resource.type == "aws_rds_cluster"
	some attribute in ["replication_source_identifier", "global_cluster_identifier"]
	enc.present(resource, [attribute])
}

# `serverless` (Aurora Serverless v1) clusters default to encrypted. An unknown engine_mode
# is not judged either.
default_encrypted(resource) if {
	resource.type == "aws_rds_cluster"
	not enc.upper_or_default(resource, ["engine_mode"], "PROVISIONED") == "PROVISIONED"
}

# aws_ebs_volume and aws_instance root_block_device / ebs_block_device: encrypted

volumes contains {"resource": resource, "prefix": [], "what": "the volume and its snapshots are unencrypted"} if {
	some resource in of_type("aws_ebs_volume")
}

volumes contains {"resource": resource, "prefix": [block, i], "what": sprintf("the %s volume is unencrypted", [replace(block, "_", " ")])} if {
	some resource in of_type("aws_instance")
	some block in ["root_block_device", "ebs_block_device"]
	some i, device in enc.blocks(resource, [block])
	is_object(device)
}

issues contains {"resource": volume.resource, "path": path, "reason": false_reason(path, volume.what)} if {
	some volume in volumes
	path := array.concat(volume.prefix, ["encrypted"])
	explicit_false(volume.resource, path)
	not provider_of(volume.resource) in ebs_encrypted_by_default
}

issues contains {"resource": volume.resource, "path": path, "reason": missing_reason(path, "the default is false", volume.what)} if {
	some volume in volumes
	path := array.concat(volume.prefix, ["encrypted"])
	tf.unset(volume.resource, path)
	not provider_of(volume.resource) in ebs_encrypted_by_default
	enc.absent(volume.resource, array.concat(volume.prefix, ["snapshot_id"]))
	enc.absent(volume.resource, array.concat(volume.prefix, ["kms_key_id"]))
}

# aws_efs_file_system: encrypted

efs_what := "the file system and its backups are unencrypted"

issues contains {"resource": resource, "path": ["encrypted"], "reason": false_reason(["encrypted"], efs_what)} if {
	some resource in of_type("aws_efs_file_system")
	explicit_false(resource, ["encrypted"])
}

issues contains {"resource": resource, "path": ["encrypted"], "reason": missing_reason(["encrypted"], "the default is false", efs_what)} if {
	some resource in of_type("aws_efs_file_system")
	tf.unset(resource, ["encrypted"])
	enc.absent(resource, ["kms_key_id"])
}

# aws_elasticache_replication_group: at_rest_encryption_enabled. A secondary in a global
# replication group takes the setting of the global group.

elasticache_what := "cached data written to disk and its backups in S3 are unencrypted"

elasticache_groups := [r |
	some r in of_type("aws_elasticache_replication_group")
	enc.absent(r, ["global_replication_group_id"])
]

issues contains {"resource": resource, "path": path, "reason": false_reason(path, elasticache_what)} if {
	some resource in elasticache_groups
	path := ["at_rest_encryption_enabled"]
	explicit_false(resource, path)
}

# The default is false for the `redis` engine (the default engine), true for `valkey`.
issues contains {"resource": resource, "path": path, "reason": missing_reason(path, "the default is false for the redis engine", elasticache_what)} if {
	some resource in elasticache_groups
	path := ["at_rest_encryption_enabled"]
	tf.unset(resource, path)
	enc.upper_or_default(resource, ["engine"], "REDIS") == "REDIS"
}

# aws_redshift_cluster: only an explicit false (the default changed to true in provider 6).

issues contains {"resource": resource, "path": ["encrypted"], "reason": false_reason(["encrypted"], "the warehouse data and its snapshots are unencrypted")} if {
	some resource in of_type("aws_redshift_cluster")
	explicit_false(resource, ["encrypted"])
}

# aws_sqs_queue: SSE-SQS switched off and no KMS key.

issues contains {
	"resource": resource,
	"path": ["sqs_managed_sse_enabled"],
	"reason": "sets `sqs_managed_sse_enabled` to false and has no `kms_master_key_id`: messages are stored unencrypted",
} if {
	some resource in of_type("aws_sqs_queue")
	explicit_false(resource, ["sqs_managed_sse_enabled"])
	enc.absent(resource, ["kms_master_key_id"])
}

# aws_sns_topic: no KMS key, no encryption.

issues contains {
	"resource": resource,
	"path": ["kms_master_key_id"],
	"reason": "has no `kms_master_key_id`: SNS does not encrypt messages at rest without a KMS key",
} if {
	some resource in of_type("aws_sns_topic")
	enc.absent(resource, ["kms_master_key_id"])
}

# aws_kinesis_stream: encryption_type defaults to NONE.

issues contains {
	"resource": resource,
	"path": ["encryption_type"],
	"reason": sprintf("%s: records are stored unencrypted", [kinesis_reason(resource)]),
} if {
	some resource in of_type("aws_kinesis_stream")
	enc.upper_or_default(resource, ["encryption_type"], "NONE") != "KMS"
}

kinesis_reason(resource) := "does not set `encryption_type` (the default is NONE)" if tf.unset(resource, ["encryption_type"])

kinesis_reason(resource) := sprintf("sets `encryption_type` to %q instead of \"KMS\"", [resource.attributes.encryption_type]) if {
	not tf.unset(resource, ["encryption_type"])
}

# --- undecided ---------------------------------------------------------------------------------
#
# Each check below lists the unknown values that decide it (a flag, a key or a snapshot that
# may or may not be set, an engine, a `dynamic` block) when the resource would be reported if
# they were the unsafe ones, and reports the first of them.

undecided contains tf.undecided(c.resource, c.unknowns[0], message) if {
	some c in undecided_checks
	message := sprintf("%s, so whether %s is encrypted at rest cannot be decided", [enc.unknowns_text(c.unknowns), c.what])
}

make_check(resource, unknowns, what) := {"resource": resource, "unknowns": unknowns, "what": what} if count(unknowns) > 0

# aws_db_instance and aws_rds_cluster: the flag, the key, the engine mode, and whether the
# database takes its encryption from a snapshot, a source or the cluster.

undecided_checks contains make_check(resource, array.concat(flag, source), what) if {
	some resource in databases
	flag := storage_unknowns(resource)
	source := inherit_unknowns(resource)
	what := database_label[resource.type]
}

storage_unknowns(resource) := [["storage_encrypted"]] if tf.unknown(resource, ["storage_encrypted"])

storage_unknowns(resource) := [] if explicit_false(resource, ["storage_encrypted"])

storage_unknowns(resource) := unknowns if {
	tf.unset(resource, ["storage_encrypted"])
	not enc.known_set(resource, ["kms_key_id"])
	not known_default_encrypted(resource)
	unknowns := array.concat(
		enc.unbound_paths(resource, [["kms_key_id"]]),
		[["engine_mode"] | resource.type == "aws_rds_cluster"; tf.unknown(resource, ["engine_mode"])],
	)
}

known_default_encrypted(resource) if {
	resource.type == "aws_rds_cluster"
	not tf.unknown(resource, ["engine_mode"])
	not enc.upper_or_default(resource, ["engine_mode"], "PROVISIONED") == "PROVISIONED"
}

database_label := {"aws_db_instance": "the instance's storage", "aws_rds_cluster": "the cluster volume"}

inherit_attributes := {
	"aws_db_instance": ["snapshot_identifier", "restore_to_point_in_time", "replicate_source_db"],
	"aws_rds_cluster": ["snapshot_identifier", "restore_to_point_in_time", "replication_source_identifier", "global_cluster_identifier"],
}

# Undefined when the database is known to take its encryption from elsewhere.
inherit_unknowns(resource) := unknowns if {
	not known_inherits(resource)
	unknowns := array.concat(
		enc.unbound_paths(resource, [[a] | some a in inherit_attributes[resource.type]]),
		[["engine"] | resource.type == "aws_db_instance"; enc.unknown_unbound(resource, ["engine"])],
	)
}

known_inherits(resource) if {
	some attribute in inherit_attributes[resource.type]
	enc.known_set(resource, [attribute])
}

# An Aurora instance (the cluster encrypts it), one without `engine` (as the deny side reads
# it), or one whose engine is computed from a resource (such as a cluster's `engine`).
known_inherits(resource) if {
	resource.type == "aws_db_instance"
	engine := object.get(resource.attributes, "engine", null)
	is_string(engine)
	startswith(lower(engine), "aurora")
}

known_inherits(resource) if {
	resource.type == "aws_db_instance"
	not is_string(object.get(resource.attributes, "engine", null))
	not enc.unknown_unbound(resource, ["engine"])
}

# Volumes (aws_ebs_volume, the block devices of aws_instance): the flag, the snapshot and the
# key. Not where the configuration turns on EBS encryption by default.

undecided_checks contains make_check(volume.resource, unknowns, what) if {
	some volume in volumes
	not provider_of(volume.resource) in ebs_encrypted_by_default
	unknowns := volume_unknowns(volume.resource, volume.prefix)
	what := volume_label(volume)
}

volume_label(volume) := "the volume" if volume.prefix == []

volume_label(volume) := sprintf("the %s volume", [replace(volume.prefix[0], "_", " ")]) if volume.prefix != []

volume_unknowns(resource, prefix) := [path] if {
	path := array.concat(prefix, ["encrypted"])
	tf.unknown(resource, path)
}

volume_unknowns(resource, prefix) := [] if explicit_false(resource, array.concat(prefix, ["encrypted"]))

volume_unknowns(resource, prefix) := enc.unbound_paths(resource, paths) if {
	tf.unset(resource, array.concat(prefix, ["encrypted"]))
	paths := [array.concat(prefix, [key]) | some key in ["snapshot_id", "kms_key_id"]]
	not enc.known_set(resource, paths[0])
	not enc.known_set(resource, paths[1])
}

# A block device list (or block) of aws_instance that is unknown: it may hold an unencrypted
# volume. In a plan, a list the provider computes because the configuration leaves it out is
# not set (the instance then has no such block).
undecided_checks contains make_check(resource, [path], sprintf("the %s volume", [replace(block, "_", " ")])) if {
	some resource in of_type("aws_instance")
	not provider_of(resource) in ebs_encrypted_by_default
	some block in ["root_block_device", "ebs_block_device"]
	some path in enc.unknown_blocks(resource, [block])
}

# aws_efs_file_system: the flag and the key.
undecided_checks contains make_check(resource, unknowns, "the file system") if {
	some resource in of_type("aws_efs_file_system")
	unknowns := efs_unknowns(resource)
}

efs_unknowns(resource) := [["encrypted"]] if tf.unknown(resource, ["encrypted"])

efs_unknowns(resource) := enc.unbound_paths(resource, [["kms_key_id"]]) if {
	tf.unset(resource, ["encrypted"])
	not enc.known_set(resource, ["kms_key_id"])
}

# aws_elasticache_replication_group: the flag, the engine (its default depends on it), and
# whether the group is a secondary of a global replication group.
undecided_checks contains make_check(resource, array.concat(flag, global), "the cache") if {
	some resource in of_type("aws_elasticache_replication_group")
	not enc.known_set(resource, ["global_replication_group_id"])
	flag := at_rest_unknowns(resource)
	global := enc.unbound_paths(resource, [["global_replication_group_id"]])
}

at_rest_unknowns(resource) := [["at_rest_encryption_enabled"]] if tf.unknown(resource, ["at_rest_encryption_enabled"])

at_rest_unknowns(resource) := [] if explicit_false(resource, ["at_rest_encryption_enabled"])

at_rest_unknowns(resource) := [["engine"]] if {
	tf.unset(resource, ["at_rest_encryption_enabled"])
	tf.unknown(resource, ["engine"])
}

at_rest_unknowns(resource) := [] if {
	tf.unset(resource, ["at_rest_encryption_enabled"])
	enc.upper_or_default(resource, ["engine"], "REDIS") == "REDIS"
}

# aws_redshift_cluster: only an explicit false fires, so an unknown flag decides. In a plan,
# a flag the provider computes (the configuration leaves it out) is not set.
undecided_checks contains make_check(resource, [["encrypted"]], "the warehouse") if {
	some resource in of_type("aws_redshift_cluster")
	tf.unknown(resource, ["encrypted"])
	not tf.provider_computed(resource, ["encrypted"])
}

# aws_sqs_queue: SSE-SQS may be switched off while the key may be missing.
undecided_checks contains make_check(resource, array.concat(flag, key), "the queue") if {
	some resource in of_type("aws_sqs_queue")
	flag := sqs_flag_unknowns(resource)
	not enc.known_set(resource, ["kms_master_key_id"])
	key := enc.unbound_paths(resource, [["kms_master_key_id"]])
}

sqs_flag_unknowns(resource) := [["sqs_managed_sse_enabled"]] if {
	tf.unknown(resource, ["sqs_managed_sse_enabled"])
	not tf.provider_computed(resource, ["sqs_managed_sse_enabled"])
}

sqs_flag_unknowns(resource) := [] if explicit_false(resource, ["sqs_managed_sse_enabled"])

# aws_sns_topic: a key that may be missing.
undecided_checks contains make_check(resource, enc.unbound_paths(resource, [["kms_master_key_id"]]), "the topic") if {
	some resource in of_type("aws_sns_topic")
}

# aws_kinesis_stream: an unknown encryption type.
undecided_checks contains make_check(resource, [["encryption_type"]], "the stream") if {
	some resource in of_type("aws_kinesis_stream")
	tf.unknown(resource, ["encryption_type"])
	not tf.provider_computed(resource, ["encryption_type"])
}
