# METADATA
# title: IAM policy grants every action of a service on every resource
# description: |
#   `s3:*`, `iam:*`, `kms:*` or `ec2:*` on `"*"` gives the holder every present and future
#   action of the service on every resource of that kind in the account: reading and deleting
#   every bucket, decrypting with every key, changing every user. Such grants are usually a
#   shortcut taken while writing the policy, and they hand far more than the workload needs to
#   anyone who steals its credentials. Fires on an identity policy document with a statement
#   whose `Effect` is `Allow`, whose `Resource` is `"*"` (or a list containing `"*"`) and whose
#   `Action` is, or contains, a service-wide wildcard `<service>:*` (the service prefix in any
#   case: `S3:*` is the same action set). One finding per document names each offending
#   statement and its wildcards.
#
#   Identity policy documents are the `policy` of `aws_iam_policy`, `aws_iam_role_policy`,
#   `aws_iam_user_policy` and `aws_iam_group_policy` and the `inline_policy[].policy` of
#   `aws_iam_role`, whether written as a JSON string, a heredoc, `jsonencode(...)`,
#   `file(...)` or the `json` of a `data "aws_iam_policy_document"`. The finding points at the
#   attribute that holds the policy; the data source itself is not reported.
#
#   Does not fire on resource policies (bucket, queue, topic, key and repository policies:
#   there `"Resource": "*"` means the resource the policy is attached to, and who may use it is
#   judged by LP005), on trust policies, on `Deny` statements, on statements whose `Resource`
#   is narrower than `"*"` (`arn:aws:s3:::uploads/*`) or that use `NotResource`, on partial
#   wildcards (`s3:Get*`), on `"*"` itself or `NotAction` on `"*"` (LP001 reports those), or
#   on a policy that is not valid JSON. An identity policy that is unknown statically (or a
#   role's `inline_policy` list that is unknown as a whole) is not judged but reported as
#   undecided, once per attribute.
#
#   A `data "aws_iam_policy_document"` whose `json` is unknown only because some of its values
#   are (a bucket ARN, an account id) is judged on what is known of its statement blocks (values
#   taken from another resource or data source are never `*`; values from a variable can be
#   anything): a statement that grants a whole service on every resource whatever the unknown
#   values are fires, and the document is undecided only if a statement could grant one
#   depending on them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#     description: IAM best practices, apply least-privilege permissions
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
#     description: IAM JSON policy elements, Action
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
# custom:
#   id: LP002
#   severity: high
#   pillar: least_privilege
#   layer: 2
#   controls: [AC-6]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Name the actions the workload calls and the resources it calls them on:
#
#     ```hcl
#     data "aws_iam_policy_document" "uploads" {
#       statement {
#         sid       = "ReadWriteUploads"
#         actions   = ["s3:GetObject", "s3:PutObject"]
#         resources = ["${aws_s3_bucket.uploads.arn}/*"]
#       }
#     }
#
#     resource "aws_iam_role_policy" "app" {
#       name   = "uploads"
#       role   = aws_iam_role.app.id
#       policy = data.aws_iam_policy_document.uploads.json
#     }
#     ```
package tenet.least_privilege.iam_service_wildcard

import data.tenet.lib.aws_iam as iam
import data.tenet.lib.terraform as tf
import rego.v1

# Each statement that grants a whole service on every resource, with its wildcards.
wildcard_statements contains entry if {
	some statement in iam.statements
	iam.identity(statement)
	iam.allows(statement)
	iam.all_resources(statement)
	not iam.all_actions(statement)
	wildcards := [sprintf("`%s`", [action]) | some action in statement.actions; iam.service_wildcard(action)]
	count(wildcards) > 0
	entry := {
		"address": statement.address,
		"path": statement.path,
		"text": sprintf("%s allows %s on every resource (`*`)", [iam.label(statement), concat(", ", wildcards)]),
		"statement": statement,
	}
}

# An identity policy that cannot be read statically cannot be judged.
undecided contains iam.undecided(doc, "grants every action of a service on every resource", labels) if {
	some doc in iam.unknown_documents
	doc.kind == "identity"
	labels := [partial.label | some partial in iam.partial_statements(doc); may_grant_service_wildcard(partial)]
	iam.unresolved(doc, labels)
	count(wildcard_texts(doc)) == 0
}

# A partially known document (a policy document data source with some unknown values) with a
# statement that grants a whole service on every resource whatever those values are.
deny contains finding if {
	some doc in iam.unknown_documents
	doc.kind == "identity"
	texts := wildcard_texts(doc)
	count(texts) > 0
	finding := {
		"resource": doc.address,
		"path": doc.path,
		"message": sprintf("%s %q: `%s` %s: every action of the service on every resource of the account (other values of the policy are known only at apply time)", [doc.type, doc.name, tf.display_path(doc.path), concat("; ", texts)]),
	}
}

wildcard_texts(doc) := [sprintf("%s allows %s on every resource (`*`)", [partial.label, concat(", ", wildcards)]) |
	some partial in iam.partial_statements(doc)
	iam.surely_allows(partial)
	iam.all_resources(partial)
	not iam.all_actions(partial)
	not partial.actions_unknown
	wildcards := [sprintf("`%s`", [action]) | some action in partial.actions; iam.service_wildcard(action)]
	count(wildcards) > 0
]

# What is known of a statement does not rule it out.
may_grant_service_wildcard(partial) if {
	iam.may_allow(partial)
	iam.may_apply_to_all_resources(partial)
	not iam.all_actions(partial)
	may_hold_service_wildcard(partial)
}

may_hold_service_wildcard(partial) if partial.actions_unknown

may_hold_service_wildcard(partial) if {
	some action in partial.actions
	iam.service_wildcard(action)
}

# One finding per policy document, naming every offending statement.
deny contains finding if {
	some key in {[e.address, e.path] | some e in wildcard_statements}
	mine := [e | some e in wildcard_statements; e.address == key[0]; e.path == key[1]]
	first := mine[0].statement
	texts := concat("; ", [e.text | some index in sort({e.statement.index | some e in mine}); some e in mine; e.statement.index == index])
	finding := {
		"resource": first.address,
		"path": first.path,
		"message": sprintf("%s %q: `%s` %s: every action of the service on every resource of the account", [first.type, first.name, iam.attribute(first), texts]),
	}
}
