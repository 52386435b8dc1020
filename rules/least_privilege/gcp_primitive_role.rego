# METADATA
# title: Google Cloud primitive role granted
# description: |
#   The primitive roles `roles/owner` and `roles/editor` predate Cloud IAM's predefined roles.
#   Editor can create, change and delete almost every resource of every service; Owner adds
#   managing IAM itself and billing. Granted on a project, folder or organization, they reach
#   every resource below it, including services enabled long after the grant. Fires on a
#   `google_project_iam_member`, `google_project_iam_binding`,
#   `google_folder_iam_member`, `google_folder_iam_binding`,
#   `google_organization_iam_member` or `google_organization_iam_binding` whose `role` is
#   `roles/owner` or `roles/editor`, with or without an IAM `condition`. The finding points at
#   `role` and names the members when they are known.
#
#   Does not fire on predefined or custom roles, on `roles/viewer`, on
#   `google_project_iam_member_remove` (which removes a grant), on the authoritative
#   `google_*_iam_policy` resources (their `policy_data` comes from `data "google_iam_policy"`,
#   which tenet does not render), on grants on individual resources (buckets, datasets,
#   service accounts), or on a `role` that is unknown statically. An unknown `role` is
#   reported as undecided instead, unless it can only be a custom role (the `id` or `name` of a
#   `google_project_iam_custom_role` or `google_organization_iam_custom_role`).
# related_resources:
#   - ref: https://cloud.google.com/iam/docs/roles-overview#basic
#     description: Google Cloud IAM, basic roles
#   - ref: https://cloud.google.com/iam/docs/using-iam-securely#least_privilege
#     description: Using IAM securely, least privilege
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
# custom:
#   id: LP008
#   severity: high
#   pillar: least_privilege
#   layer: 0
#   controls: [AC-6]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Grant the predefined roles that cover the member's job instead:
#
#     ```hcl
#     resource "google_project_iam_member" "deployer_run" {
#       project = var.project_id
#       role    = "roles/run.developer"
#       member  = "serviceAccount:${google_service_account.deployer.email}"
#     }
#     ```
package tenet.least_privilege.gcp_primitive_role

import data.tenet.lib.terraform as tf
import rego.v1

grant_types := {
	"google_project_iam_member": "project",
	"google_project_iam_binding": "project",
	"google_folder_iam_member": "folder",
	"google_folder_iam_binding": "folder",
	"google_organization_iam_member": "organization",
	"google_organization_iam_binding": "organization",
}

primitive_roles := {
	"roles/owner": "every resource in it can be changed, deleted and shared, its IAM policy included",
	"roles/editor": "almost every resource in it can be created, changed and deleted",
}

# The members of a grant, when known: `member` of *_iam_member, `members` of *_iam_binding.
members_text(grant) := sprintf(" to `%s`", [member]) if {
	member := object.get(grant.attributes, "member", null)
	is_string(member)
}

members_text(grant) := sprintf(" to `%s`", [concat("`, `", grant.attributes.members)]) if known_members(grant)

members_text(grant) := "" if {
	not is_string(object.get(grant.attributes, "member", null))
	not known_members(grant)
}

known_members(grant) if {
	members := object.get(grant.attributes, "members", null)
	is_array(members)
	count(members) > 0
	every m in members {
		is_string(m)
	}
}

# An unknown role could be `roles/owner` or `roles/editor`, unless it comes from custom roles.
undecided contains tf.undecided(grant, ["role"], why) if {
	some type, scope in grant_types
	some grant in tf.resources(type)
	tf.unknown(grant, ["role"])
	not custom_roles_only(tf.referenced_by(grant, "role"))
	why := sprintf("%s %q: `role` is unknown statically, so whether it grants a primitive role (`roles/owner`, `roles/editor`) on the whole %s cannot be decided", [type, grant.name, scope])
}

# The role refers only to custom roles, whose names are `projects/.../roles/...` or
# `organizations/.../roles/...`, never a primitive role.
custom_roles_only(references) if {
	count(references) > 0
	every address in references {
		custom_role(address)
	}
}

custom_role(address) if managed_reference(address, "google_project_iam_custom_role")

custom_role(address) if managed_reference(address, "google_organization_iam_custom_role")

# `address` is a managed resource of `type` (`google_project_iam_custom_role.deployer`,
# `module.iam.google_project_iam_custom_role.this["x"]`), not a data source. String tests only:
# a regular expression would be compiled for each call.
managed_reference(address, type) if {
	marker := concat("", [type, "."])
	parts := split(address, marker)
	count(parts) >= 2
	name := split(parts[count(parts) - 1], "[")[0]
	name != ""
	not contains(name, ".")
	before := concat(marker, array.slice(parts, 0, count(parts) - 1))
	module_prefix(before)
}

module_prefix(before) if before == ""

module_prefix(before) if {
	startswith(before, "module.")
	endswith(before, ".")
	not data_prefix(before)
}

# `module.m.data.`: the reference is a data source of module `m` (but `module.data.` is the
# module named `data`).
data_prefix(before) if {
	segments := split(before, ".")
	n := count(segments)
	segments[n - 2] == "data"
	segments[n - 3] != "module"
}

deny contains finding if {
	some type, scope in grant_types
	some grant in tf.resources(type)
	role := object.get(grant.attributes, "role", null)
	what := primitive_roles[role]
	finding := {
		"resource": grant.address,
		"path": ["role"],
		"message": sprintf("%s %q grants the primitive role `%s`%s on the whole %s: %s", [type, grant.name, role, members_text(grant), scope, what]),
	}
}
