# METADATA
# title: AWS managed administrator policy attached
# description: |
#   Three AWS managed policies hand out near-total control of an account:
#   `AdministratorAccess` allows every action on every resource, `PowerUserAccess` every
#   action outside IAM, Organizations and account management, and `IAMFullAccess` every IAM
#   action, with which the holder can grant itself anything else. Attaching one of them to a
#   role, user or group gives that identity, and anyone who obtains its credentials, that
#   control. Fires when the
#   ARN `arn:<partition>:iam::aws:policy/AdministratorAccess`, `.../PowerUserAccess` or
#   `.../IAMFullAccess` (in the `aws`, `aws-cn`, `aws-us-gov` or any other partition) is the
#   `policy_arn` of an `aws_iam_role_policy_attachment`, `aws_iam_user_policy_attachment`,
#   `aws_iam_group_policy_attachment` or `aws_iam_policy_attachment`, or an element of the
#   `managed_policy_arns` of an `aws_iam_role`. The finding points at that ARN.
#
#   Does not fire on other AWS managed policies (`ReadOnlyAccess`, job-function policies
#   such as `job-function/SystemAdministrator`), on customer managed policies (LP001 to LP003
#   judge their content), or on an ARN that is unknown statically. Such an ARN (built from
#   `data.aws_partition`, read from `data "aws_iam_policy"` or from a variable without
#   default), and a `managed_policy_arns` list with such ARNs, is reported as undecided instead,
#   except when it can only be the ARN of a customer managed policy (the `arn` of an
#   `aws_iam_policy` of the configuration) or of a `data "aws_iam_policy"` that looks up
#   another policy by a known name or ARN.
# related_resources:
#   - ref: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html
#     description: AWS managed policy reference, AdministratorAccess
#   - ref: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html
#     description: AWS managed policy reference, PowerUserAccess
#   - ref: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/IAMFullAccess.html
#     description: AWS managed policy reference, IAMFullAccess
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy_attachment
# custom:
#   id: LP006
#   severity: high
#   pillar: least_privilege
#   layer: 0
#   controls: [AC-6, AC-6(5)]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Attach a policy that grants what the identity's job needs: a narrower AWS managed
#     policy, or a customer managed policy scoped to the resources it uses. Keep
#     administrator access for a break-glass role behind MFA, granted for a session:
#
#     ```hcl
#     resource "aws_iam_role_policy_attachment" "ci_read" {
#       role       = aws_iam_role.ci.name
#       policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
#     }
#
#     resource "aws_iam_role_policy" "ci_deploy" {
#       name   = "deploy"
#       role   = aws_iam_role.ci.id
#       policy = data.aws_iam_policy_document.deploy.json
#     }
#     ```
package tenet.least_privilege.admin_policy_attached

import data.tenet.lib.terraform as tf
import rego.v1

# What each policy grants, for the message.
admin_policies := {
	"AdministratorAccess": "every action on every resource",
	"PowerUserAccess": "every action outside IAM, Organizations and account management",
	"IAMFullAccess": "every IAM action, enough to grant itself any other permission",
}

attachment_types := [
	"aws_iam_role_policy_attachment",
	"aws_iam_user_policy_attachment",
	"aws_iam_group_policy_attachment",
	"aws_iam_policy_attachment",
]

# The name of an AWS managed administrator policy, from its ARN in any partition.
admin_policy(arn) := name if {
	is_string(arn)
	parts := regex.find_all_string_submatch_n(`^arn:aws(?:-[a-z]+)*:iam::aws:policy/([A-Za-z]+)$`, arn, 1)
	count(parts) == 1
	name := parts[0][1]
	admin_policies[name]
}

deny contains finding if {
	some type in attachment_types
	some attachment in tf.resources(type)
	name := admin_policy(object.get(attachment.attributes, "policy_arn", null))
	finding := {
		"resource": attachment.address,
		"path": ["policy_arn"],
		"message": sprintf("%s %q attaches the AWS managed policy `%s`, which grants %s", [type, attachment.name, name, admin_policies[name]]),
	}
}

# An unknown `policy_arn` could be one of the administrator policies, unless it can only be a
# customer managed policy or a data source that looks up another policy.
undecided contains tf.undecided(attachment, ["policy_arn"], why) if {
	some type in attachment_types
	some attachment in tf.resources(type)
	tf.unknown(attachment, ["policy_arn"])
	not tf.provider_computed(attachment, ["policy_arn"])
	not harmless_references(tf.referenced_by(attachment, "policy_arn"))
	why := sprintf("%s %q: `policy_arn` is unknown statically (%s), so whether it attaches AdministratorAccess, PowerUserAccess or IAMFullAccess cannot be decided", [type, attachment.name, cause(tf.referenced_by(attachment, "policy_arn"))])
}

# The same for `managed_policy_arns`: unknown as a whole, or with more unknown ARNs than the
# customer managed policies and looked-up policies it refers to.
undecided contains tf.undecided(role, ["managed_policy_arns"], why) if {
	some role in tf.resources("aws_iam_role")
	tf.unknown(role, ["managed_policy_arns"])
	not tf.provider_computed(role, ["managed_policy_arns"])
	not harmless_references(tf.referenced_by(role, "managed_policy_arns"))
	why := sprintf("aws_iam_role %q: `managed_policy_arns` is unknown statically (%s), so whether it lists AdministratorAccess, PowerUserAccess or IAMFullAccess cannot be decided", [role.name, cause(tf.referenced_by(role, "managed_policy_arns"))])
}

undecided contains tf.undecided(role, ["managed_policy_arns"], why) if {
	some role in tf.resources("aws_iam_role")
	arns := tf.list_or_empty(role, ["managed_policy_arns"])
	unknown_count := count([i | some i, arn in arns; arn == null; tf.unknown(role, ["managed_policy_arns", i])])
	unknown_count > 0
	references := tf.referenced_by(role, "managed_policy_arns")
	not explained(unknown_count, references)
	why := sprintf("aws_iam_role %q: %d of the ARNs in `managed_policy_arns` are unknown statically (%s), so whether it lists AdministratorAccess, PowerUserAccess or IAMFullAccess cannot be decided", [role.name, unknown_count, cause(references)])
}

# Every unknown ARN can be one of the referenced harmless policies.
explained(unknown_count, references) if {
	harmless_references(references)
	unknown_count <= count(references)
}

# References only to customer managed policies (`aws_iam_policy` resources: their ARNs are in
# the account, never `iam::aws:policy/...`) and to `data "aws_iam_policy"` lookups of a known
# policy other than the administrator ones.
harmless_references(references) if {
	count(references) > 0
	every address in references {
		harmless_reference(address)
	}
}

harmless_reference(address) if managed_reference(address, "aws_iam_policy")

harmless_reference(address) if {
	lookup := policy_lookups[address]
	not admin_lookup(lookup)
}

# `data "aws_iam_policy"` by address.
policy_lookups := {lookup.address: lookup |
	some lookup in input.resources
	lookup.type == "aws_iam_policy"
	lookup.mode == "data"
}

# A lookup whose policy could be an administrator policy: its `arn` is one, its `name` is one
# of their names, or neither is known.
admin_lookup(lookup) if admin_policy(object.get(lookup.attributes, "arn", null))

admin_lookup(lookup) if admin_policies[object.get(lookup.attributes, "name", null)]

admin_lookup(lookup) if {
	not is_string(object.get(lookup.attributes, "arn", null))
	not is_string(object.get(lookup.attributes, "name", null))
}

# `address` is a managed resource of `type` (`aws_iam_policy.deploy`,
# `module.iam.aws_iam_policy.this[0]`), not a data source. String tests only: a regular
# expression would be compiled for each call.
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

cause(references) := "it depends on values known only at apply time, such as a variable without a value" if count(references) == 0

cause(references) := sprintf("it depends on %s", [concat(", ", sort(references))]) if count(references) > 0

deny contains finding if {
	some role in tf.resources("aws_iam_role")
	some i, arn in tf.list_or_empty(role, ["managed_policy_arns"])
	name := admin_policy(arn)
	finding := {
		"resource": role.address,
		"path": ["managed_policy_arns", i],
		"message": sprintf("aws_iam_role %q lists the AWS managed policy `%s` in `managed_policy_arns`, which grants %s", [role.name, name, admin_policies[name]]),
	}
}
