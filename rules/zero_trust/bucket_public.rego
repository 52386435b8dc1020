# METADATA
# title: Storage bucket open to the public
# description: |
#   Public buckets are among the most common causes of data leaks: one public ACL, one
#   `allUsers` binding or one disabled block and the objects are readable (or writable) by
#   anyone who finds the name. Zero trust grants storage access to identified principals
#   only. Fires on:
#
#   - `aws_s3_bucket` with the legacy `acl` argument `public-read`, `public-read-write` or
#     `authenticated-read` (`authenticated-read` means any AWS account, not yours);
#   - `aws_s3_bucket_acl` with the same canned `acl`, or an `access_control_policy` grant
#     whose grantee `uri` is the `AllUsers` or `AuthenticatedUsers` group
#     (`http://acs.amazonaws.com/groups/global/AllUsers`);
#   - `aws_s3_bucket_public_access_block` with `block_public_acls`, `block_public_policy`,
#     `ignore_public_acls` or `restrict_public_buckets` false, or missing: the provider
#     default of each flag is false, so a missing flag is turned off when the block is
#     applied (one finding per explicit false flag, one on the resource for the missing ones);
#   - `google_storage_bucket_iam_member` whose `member` is `allUsers` or
#     `allAuthenticatedUsers`, and `google_storage_bucket_iam_binding` whose `members` include
#     one of them;
#   - `azurerm_storage_account` with `allow_nested_items_to_be_public = true` (or the legacy
#     `allow_blob_public_access = true` of provider 2.x) set explicitly: the default was true
#     before provider 4.0 and is false since, so only the explicit value fires.
#
#   Does not fire on a bucket that has no `aws_s3_bucket_public_access_block`: since April
#   2023 Amazon S3 turns on all four Block Public Access settings for every new bucket, and
#   an account-level block may apply too, so the missing resource is not by itself a public
#   bucket. Does not fire on bucket policies (a policy with a `*` principal is not judged
#   here), on grants to other accounts or to the log-delivery group, or on values that are
#   unknown statically (a variable without default, a `dynamic` block over one): an unknown
#   `acl`, grant, grantee `uri`, public access block flag, Azure flag, or Google member that
#   comes from a variable (not from a resource or data source, which name an identity) is
#   listed as undecided instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
#     description: Amazon S3, blocking public access to your storage
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html
#     description: Amazon S3, access control list overview (canned ACLs and predefined groups)
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block
#     description: Terraform AWS provider, aws_s3_bucket_public_access_block (each flag defaults to false)
#   - ref: https://aws.amazon.com/about-aws/whats-new/2022/12/amazon-s3-automatically-enable-block-public-access-disable-access-control-lists-buckets-april-2023/
#     description: Amazon S3 enables Block Public Access on new buckets by default (April 2023)
#   - ref: https://cloud.google.com/storage/docs/access-control/making-data-public
#     description: Cloud Storage, making data public (allUsers, allAuthenticatedUsers)
#   - ref: https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent
#     description: Azure Storage, prevent anonymous read access to blobs
#   - ref: https://csrc.nist.gov/pubs/sp/800/207/final
#     description: NIST SP 800-207, Zero Trust Architecture
# custom:
#   id: ZT007
#   severity: critical
#   pillar: zero_trust
#   layer: 4
#   controls: [AC-3, SC-7]
#   tenets: [1, 3]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Keep buckets private, block public access on every bucket, and serve public content
#     through a CDN with an origin access control instead of a public bucket:
#
#     ```hcl
#     resource "aws_s3_bucket" "reports" {
#       bucket = "example-reports"
#     }
#
#     resource "aws_s3_bucket_public_access_block" "reports" {
#       bucket                  = aws_s3_bucket.reports.id
#       block_public_acls       = true
#       block_public_policy     = true
#       ignore_public_acls      = true
#       restrict_public_buckets = true
#     }
#     ```
#
#     On Google Cloud grant roles to groups or service accounts, never to `allUsers`; on Azure
#     set `allow_nested_items_to_be_public = false`.
package tenet.zero_trust.bucket_public

import data.tenet.lib.aws_encryption as enc
import data.tenet.lib.terraform as tf
import rego.v1

public_canned_acls := {"public-read", "public-read-write", "authenticated-read"}

public_group_uris := {
	"http://acs.amazonaws.com/groups/global/AllUsers": "AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "AuthenticatedUsers",
}

public_members := {"allUsers", "allAuthenticatedUsers"}

block_flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

# --- Amazon S3 -------------------------------------------------------------------------------

deny contains finding if {
	some type in ["aws_s3_bucket", "aws_s3_bucket_acl"]
	some resource in tf.resources(type)
	acl := resource.attributes.acl
	is_string(acl)
	lower(acl) in public_canned_acls
	finding := {
		"resource": resource.address,
		"path": ["acl"],
		"message": sprintf(
			"%s %q uses the canned ACL %q: %s",
			[type, resource.name, acl, acl_effect(lower(acl))],
		),
	}
}

acl_effect("public-read") := "anyone on the internet can list and read its objects"

acl_effect("public-read-write") := "anyone on the internet can read, write and delete its objects"

acl_effect("authenticated-read") := "any AWS account, not only yours, can read its objects"

deny contains finding if {
	some resource in tf.resources("aws_s3_bucket_acl")
	some i, _ in tf.list_or_empty(resource, ["access_control_policy"])
	some j, grant in tf.list_or_empty(resource, ["access_control_policy", i, "grant"])
	is_object(grant)
	some k, grantee in tf.list_or_empty(resource, ["access_control_policy", i, "grant", j, "grantee"])
	is_object(grantee)
	is_string(grantee.uri)
	group := public_group_uris[trim_space(grantee.uri)]
	finding := {
		"resource": resource.address,
		"path": ["access_control_policy", i, "grant", j, "grantee", k, "uri"],
		"message": sprintf(
			"aws_s3_bucket_acl %q grants %s to the %s group: %s",
			[resource.name, permission(grant), group, group_effect(group)],
		),
	}
}

permission(grant) := grant.permission if is_string(grant.permission)

permission(grant) := "a permission" if not is_string(grant.permission)

group_effect("AllUsers") := "anyone on the internet gets it"

group_effect("AuthenticatedUsers") := "any AWS account, not only yours, gets it"

# A flag set to false explicitly.
deny contains finding if {
	some resource in tf.resources("aws_s3_bucket_public_access_block")
	some flag in block_flags
	resource.attributes[flag] in {false, "false"}
	finding := {
		"resource": resource.address,
		"path": [flag],
		"message": sprintf(
			"aws_s3_bucket_public_access_block %q sets `%s = false`: %s",
			[resource.name, flag, flag_effect[flag]],
		),
	}
}

# Flags left out: the provider applies false for each of them.
deny contains finding if {
	some resource in tf.resources("aws_s3_bucket_public_access_block")
	missing := [flag | some flag in block_flags; tf.unset(resource, [flag])]
	count(missing) > 0
	finding := {
		"resource": resource.address,
		"path": [],
		"message": sprintf(
			"aws_s3_bucket_public_access_block %q does not set %s: a missing flag is false, so that protection is off",
			[resource.name, concat(", ", [sprintf("`%s`", [f]) | some f in missing])],
		),
	}
}

flag_effect := {
	"block_public_acls": "public ACLs can be put on the bucket and its objects",
	"block_public_policy": "a bucket policy can make the bucket public",
	"ignore_public_acls": "public ACLs on the bucket and its objects take effect",
	"restrict_public_buckets": "a public bucket policy takes effect for anyone",
}

# --- Google Cloud Storage --------------------------------------------------------------------

deny contains finding if {
	some resource in tf.resources("google_storage_bucket_iam_member")
	member := resource.attributes.member
	is_string(member)
	member in public_members
	finding := {
		"resource": resource.address,
		"path": ["member"],
		"message": sprintf(
			"google_storage_bucket_iam_member %q grants %s to %s: %s",
			[resource.name, role_of(resource), member, member_effect[member]],
		),
	}
}

deny contains finding if {
	some resource in tf.resources("google_storage_bucket_iam_binding")
	some j, member in tf.list_or_empty(resource, ["members"])
	is_string(member)
	member in public_members
	finding := {
		"resource": resource.address,
		"path": ["members", j],
		"message": sprintf(
			"google_storage_bucket_iam_binding %q grants %s to %s: %s",
			[resource.name, role_of(resource), member, member_effect[member]],
		),
	}
}

role_of(resource) := resource.attributes.role if is_string(resource.attributes.role)

role_of(resource) := "a role" if not is_string(resource.attributes.role)

member_effect := {
	"allUsers": "anyone on the internet gets it, without signing in",
	"allAuthenticatedUsers": "anyone with any Google account gets it",
}

# --- Azure Storage ---------------------------------------------------------------------------

deny contains finding if {
	some resource in tf.resources("azurerm_storage_account")
	some attribute in ["allow_nested_items_to_be_public", "allow_blob_public_access"]
	resource.attributes[attribute] in {true, "true"}
	finding := {
		"resource": resource.address,
		"path": [attribute],
		"message": sprintf(
			"azurerm_storage_account %q sets `%s = true`: any container in it can be made readable anonymously",
			[resource.name, attribute],
		),
	}
}

# --- undecided ---------------------------------------------------------------------------------

# A canned ACL that is unknown.
undecided contains tf.undecided(resource, ["acl"], message) if {
	some type in ["aws_s3_bucket", "aws_s3_bucket_acl"]
	some resource in tf.resources(type)
	tf.unknown(resource, ["acl"])
	not tf.provider_computed(resource, ["acl"])
	message := "`acl` is unknown, so whether the bucket uses a public canned ACL cannot be decided"
}

# An `access_control_policy` grant whose grantee may be the AllUsers or AuthenticatedUsers
# group: the deepest unknown of the policy, grant and grantee blocks, or the grantee's `uri`.
undecided contains tf.undecided(resource, path, message) if {
	some resource in tf.resources("aws_s3_bucket_acl")
	some path in grant_unknowns(resource)
	message := sprintf("`%s` is unknown, so whether the ACL grants access to everyone (AllUsers or AuthenticatedUsers) cannot be decided", [tf.display_path(path)])
}

grant_unknowns(resource) := array.concat(enc.unknown_blocks(resource, ["access_control_policy"]), [path |
	some i, policy in tf.list_or_empty(resource, ["access_control_policy"])
	is_object(policy)
	grants := ["access_control_policy", i, "grant"]
	some path in array.concat(enc.unknown_blocks(resource, grants), [p |
		some j, grant in tf.list_or_empty(resource, grants)
		is_object(grant)
		grantees := array.concat(grants, [j, "grantee"])
		some p in array.concat(enc.unknown_blocks(resource, grantees), [uri |
			some k, grantee in tf.list_or_empty(resource, grantees)
			is_object(grantee)
			uri := array.concat(grantees, [k, "uri"])
			tf.unknown(resource, uri)
		])
	])
])

# A public access block flag that is unknown (false would turn that protection off).
undecided contains tf.undecided(resource, [flag], message) if {
	some resource in tf.resources("aws_s3_bucket_public_access_block")
	some flag in block_flags
	tf.unknown(resource, [flag])
	message := sprintf("`%s` is unknown, so whether %s cannot be decided", [flag, flag_question[flag]])
}

flag_question := {
	"block_public_acls": "public ACLs can be put on the bucket and its objects",
	"block_public_policy": "a bucket policy can make the bucket public",
	"ignore_public_acls": "public ACLs on the bucket and its objects take effect",
	"restrict_public_buckets": "a public bucket policy takes effect for anyone",
}

# A Google member that is unknown and refers to no resource or data source (a variable). A
# value computed from one (a service account's email, a project number) names that identity,
# never `allUsers`, so it is not undecided.
undecided contains tf.undecided(resource, ["member"], message) if {
	some resource in tf.resources("google_storage_bucket_iam_member")
	enc.unknown_unbound(resource, ["member"])
	message := "`member` is unknown, so whether the bucket is granted to allUsers or allAuthenticatedUsers cannot be decided"
}

undecided contains tf.undecided(resource, path, message) if {
	some resource in tf.resources("google_storage_bucket_iam_binding")
	some path in enc.unknown_blocks(resource, ["members"])
	enc.unknown_unbound(resource, path)
	message := sprintf("`%s` is unknown, so whether the bucket is granted to allUsers or allAuthenticatedUsers cannot be decided", [tf.display_path(path)])
}

# An Azure flag that is unknown.
undecided contains tf.undecided(resource, [attribute], message) if {
	some resource in tf.resources("azurerm_storage_account")
	some attribute in ["allow_nested_items_to_be_public", "allow_blob_public_access"]
	tf.unknown(resource, [attribute])
	not tf.provider_computed(resource, [attribute])
	message := sprintf("`%s` is unknown, so whether containers in the account can be made readable anonymously cannot be decided", [attribute])
}
