# METADATA
# title: Storage bucket without object versioning
# description: |
#   Without versioning, an object that is overwritten or deleted, by a faulty deployment, a
#   sync run the wrong way, or ransomware rewriting every object, is gone: the bucket keeps
#   no earlier version to restore. Fires on:
#
#   - `aws_s3_bucket` when no `aws_s3_bucket_versioning` in the same configuration (the root
#     module and every module it calls) refers to it through `bucket` with
#     `versioning_configuration.status = "Enabled"`, and the bucket has no legacy inline
#     `versioning { enabled = true }` block. A versioning resource refers to the bucket by
#     reference (`aws_s3_bucket.logs.id`, directly or through module inputs and outputs) or by
#     the bucket's name written as the same literal string. Not on a bucket with S3 Object
#     Lock (`object_lock_enabled = true`, or the legacy
#     `object_lock_configuration { object_lock_enabled = "Enabled" }`): S3 turns versioning on
#     for it and it cannot be suspended;
#   - `google_storage_bucket` without `versioning { enabled = true }`.
#
#   The finding is always on the bucket, never on an `aws_s3_bucket_versioning`: at the
#   bucket's own `versioning.enabled` when it writes `enabled = false` and no versioning
#   resource refers to it, otherwise at the bucket's header. When a versioning resource refers
#   to the bucket with status `Suspended` or `Disabled`, the message says so.
#
#   A value that cannot be known statically (a variable without default, a computed value) is
#   never judged: a versioning status, an inline `enabled` or an `object_lock_enabled` that is
#   unknown makes the bucket undecided, and so does an `aws_s3_bucket_versioning` whose
#   `bucket` is unknown and refers to no resource (it may version any bucket). In a plan, the
#   provider computes `versioning` and `object_lock_enabled` of a new bucket that the
#   configuration leaves out; they are read as not set (both are off on a new bucket).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
#     description: Amazon S3, retaining multiple versions of objects with S3 Versioning
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_versioning
#     description: Terraform AWS provider, aws_s3_bucket_versioning
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket#versioning
#     description: Terraform AWS provider, aws_s3_bucket (legacy versioning block, object_lock_enabled)
#   - ref: https://cloud.google.com/storage/docs/object-versioning
#     description: Cloud Storage, object versioning
#   - ref: https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#versioning
#     description: Terraform Google provider, google_storage_bucket versioning
# custom:
#   id: BK007
#   severity: medium
#   pillar: backup
#   layer: 4
#   controls: [CP-9, CP-10]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Turn versioning on, and expire old versions with a lifecycle rule so that storage does
#     not grow without bound:
#
#     ```hcl
#     resource "aws_s3_bucket" "reports" {
#       bucket = "example-reports"
#     }
#
#     resource "aws_s3_bucket_versioning" "reports" {
#       bucket = aws_s3_bucket.reports.id
#
#       versioning_configuration {
#         status = "Enabled"
#       }
#     }
#
#     resource "google_storage_bucket" "reports" {
#       name     = "example-reports"
#       location = "EU"
#
#       versioning {
#         enabled = true
#       }
#     }
#     ```
package tenet.backup.bucket_unversioned

import data.tenet.lib.aws_encryption as enc
import data.tenet.lib.terraform as tf
import rego.v1

buckets := tf.resources("aws_s3_bucket")

status_path := ["versioning_configuration", 0, "status"]

# Each aws_s3_bucket_versioning with what it says and which buckets it names: the addresses
# its `bucket` refers to, and the bucket name it writes as a literal string.
versionings := [entry |
	some v in tf.resources("aws_s3_bucket_versioning")
	refs := tf.referenced_by(v, "bucket")
	entry := {
		"resource": v,
		"status": status_of(v),
		"refs": refs,
		"name": object.get(v.attributes, "bucket", null),
		"unknown_target": count({true | count(refs) == 0; tf.unknown(v, ["bucket"])}) > 0,
	}
]

# "Enabled" or another known status, "unknown", or "missing".
status_of(v) := value if {
	value := object.get(v.attributes, status_path, null)
	is_string(value)
}

status_of(v) := "unknown" if {
	object.get(v.attributes, status_path, null) == null
	tf.unknown(v, status_path)
}

status_of(v) := "missing" if {
	object.get(v.attributes, status_path, null) == null
	not tf.unknown(v, status_path)
}

# For each status, an index of the buckets that versioning resources with that status refer
# to, and the bucket names they write literally. The statuses are few ("Enabled", "Suspended",
# "Disabled", "unknown"), so looking a bucket up costs a few set lookups however many
# versioning resources there are.
statuses := {entry.status | some entry in versionings}

targets_by_status := {status: tf.address_index({address |
	some entry in versionings
	entry.status == status
	some address in entry.refs
}) |
	some status in statuses
}

names_by_status := {status: {entry.name |
	some entry in versionings
	entry.status == status
	is_string(entry.name)
} |
	some status in statuses
}

# The statuses of the versioning resources that refer to the bucket.
statuses_of(bucket) := {status |
	some status in statuses
	tf.indexed(bucket.address, targets_by_status[status])
} | {status |
	some status in statuses
	bucket.attributes.bucket in names_by_status[status]
}

# Versioning resources that may turn versioning on for any bucket.
unknown_target_versionings := {entry.resource.address |
	some entry in versionings
	entry.unknown_target
	entry.status in {"Enabled", "unknown"}
}

# Literal bucket names of versioning resources (enabled, or of unknown status) that match no
# bucket with a known name: they may name a bucket whose name is unknown.
unmatched_names := ({name |
	some status in {"Enabled", "unknown"}
	some name in object.get(names_by_status, status, set())
}) - {name |
	some bucket in buckets
	name := bucket.attributes.bucket
	is_string(name)
}

# Versioning is on for the bucket: through a versioning resource, the legacy inline block, or
# S3 Object Lock.
versioned(bucket) if "Enabled" in statuses_of(bucket)

versioned(bucket) if enc.is_true(object.get(bucket.attributes, ["versioning", 0, "enabled"], null))

versioned(bucket) if enc.is_true(object.get(bucket.attributes, "object_lock_enabled", null))

versioned(bucket) if {
	object.get(bucket.attributes, ["object_lock_configuration", 0, "object_lock_enabled"], null) == "Enabled"
}

unversioned := [bucket | some bucket in buckets; not versioned(bucket)]

# Undecided: each unknown that may turn versioning on for an unversioned bucket.
unknowns contains {"bucket": bucket.address, "resource": bucket, "path": [], "why": why} if {
	some bucket in unversioned
	"unknown" in statuses_of(bucket)
	why := "an `aws_s3_bucket_versioning` refers to the bucket with a status that is not known statically"
}

unknowns contains {"bucket": bucket.address, "resource": bucket, "path": [], "why": why} if {
	count(unknown_target_versionings) > 0
	some bucket in unversioned
	why := sprintf("the `bucket` of %s is not known statically: it may turn versioning on for this bucket", [concat(", ", sort(unknown_target_versionings))])
}

unknowns contains {"bucket": bucket.address, "resource": bucket, "path": path, "why": "`versioning.enabled` is not known statically"} if {
	some bucket in unversioned
	path := ["versioning", 0, "enabled"]
	configured_unknown(bucket, path)
}

unknowns contains {"bucket": bucket.address, "resource": bucket, "path": ["object_lock_enabled"], "why": why} if {
	some bucket in unversioned
	some path in [["object_lock_enabled"], ["object_lock_configuration", 0, "object_lock_enabled"]]
	configured_unknown(bucket, path)
	why := "S3 Object Lock turns versioning on, and whether the bucket has it is not known statically"
}

unknowns contains {"bucket": bucket.address, "resource": bucket, "path": ["bucket"], "why": why} if {
	count(unmatched_names) > 0
	some bucket in unversioned
	configured_unknown(bucket, ["bucket"])
	count(tf.referenced_by(bucket, "bucket")) == 0
	why := sprintf("the bucket's name is not known statically: an `aws_s3_bucket_versioning` for %s may version it", [concat(", ", sort(unmatched_names))])
}

# Unknown because of the configuration. In a plan, `versioning`, `object_lock_enabled`,
# `object_lock_configuration` and `bucket` of a new bucket are computed by the provider when
# the configuration leaves them out: that is "not set" (versioning and Object Lock are off on
# a new bucket, and a generated name matches no literal), not unknown.
configured_unknown(resource, path) if {
	count(object.get(resource, "unknown", [])) > 0
	object.get(resource.attributes, path, null) == null
	tf.unknown(resource, path)
	not tf.provider_computed(resource, path)
}

undecided_buckets := {u.bucket | some u in unknowns}

undecided contains tf.undecided(u.resource, u.path, u.why) if some u in unknowns

deny contains finding if {
	some bucket in unversioned
	not bucket.address in undecided_buckets
	off := statuses_of(bucket) - {"missing"}
	finding := {
		"resource": bucket.address,
		"path": finding_path(bucket, off),
		"message": sprintf("aws_s3_bucket %q %s: overwritten or deleted objects cannot be recovered", [bucket.name, reason(bucket, off)]),
	}
}

inline_false(bucket) if enc.is_false(object.get(bucket.attributes, ["versioning", 0, "enabled"], null))

# `off` holds the statuses (other than "Enabled") of the versioning resources that refer to
# the bucket.
finding_path(bucket, off) := ["versioning", 0, "enabled"] if {
	count(off) == 0
	inline_false(bucket)
}

finding_path(bucket, off) := [] if count(off) > 0

finding_path(bucket, off) := [] if not inline_false(bucket)

reason(bucket, off) := sprintf("is not versioned: the `aws_s3_bucket_versioning` that refers to it sets status %s", [concat(" or ", [sprintf("%q", [status]) | some status in sort(off)])]) if {
	count(off) > 0
}

reason(bucket, off) := "sets `versioning.enabled = false` and no `aws_s3_bucket_versioning` with status \"Enabled\" refers to it" if {
	count(off) == 0
	inline_false(bucket)
}

reason(bucket, off) := "has no `aws_s3_bucket_versioning` with status \"Enabled\" referring to it" if {
	count(off) == 0
	not inline_false(bucket)
}

# google_storage_bucket: versioning.enabled must be true.

deny contains finding if {
	some bucket in tf.resources("google_storage_bucket")
	tf.unset(bucket, ["versioning", 0, "enabled"])
	finding := {
		"resource": bucket.address,
		"path": [],
		"message": sprintf("google_storage_bucket %q has no `versioning` block with `enabled = true`: overwritten or deleted objects are not kept as noncurrent versions", [bucket.name]),
	}
}

deny contains finding if {
	some bucket in tf.resources("google_storage_bucket")
	path := ["versioning", 0, "enabled"]
	enc.is_false(object.get(bucket.attributes, path, null))
	finding := {
		"resource": bucket.address,
		"path": path,
		"message": sprintf("google_storage_bucket %q sets `versioning.enabled = false`: overwritten or deleted objects are not kept as noncurrent versions", [bucket.name]),
	}
}

deny contains finding if {
	some bucket in tf.resources("google_storage_bucket")
	tf.provider_computed(bucket, ["versioning", 0, "enabled"])
	finding := {
		"resource": bucket.address,
		"path": [],
		"message": sprintf("google_storage_bucket %q has no `versioning` block with `enabled = true`: overwritten or deleted objects are not kept as noncurrent versions", [bucket.name]),
	}
}

undecided contains tf.undecided(bucket, path, "`versioning.enabled` is not known statically") if {
	some bucket in tf.resources("google_storage_bucket")
	path := ["versioning", 0, "enabled"]
	configured_unknown(bucket, path)
}
