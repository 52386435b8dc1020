# METADATA
# title: IAM policy grants full administrator access
# description: |
#   A statement that allows every action on every resource makes whoever holds the policy an
#   administrator of the account: they can read all data, change every resource, create
#   users and keys for themselves and remove the logs of what they did. Least privilege
#   grants the actions a workload needs on the resources it uses. Fires on a policy document
#   with a statement whose `Effect` is `Allow` and whose `Resource` is `"*"` (or a list
#   containing `"*"`), when either
#
#   - `Action` is `"*"` or a list containing `"*"`, or
#   - the statement uses `NotAction` (whatever it lists): "everything except a few actions"
#     on every resource is full access for practical purposes.
#
#   Policy documents are read from the `policy` of `aws_iam_policy`, `aws_iam_role_policy`,
#   `aws_iam_user_policy`, `aws_iam_group_policy`, `aws_s3_bucket_policy`,
#   `aws_sqs_queue_policy`, `aws_sns_topic_policy`, `aws_kms_key` and
#   `aws_ecr_repository_policy`, and from the `inline_policy[].policy` and
#   `assume_role_policy` of `aws_iam_role`, whether written as a JSON string, a heredoc,
#   `jsonencode(...)`, `file(...)` or the `json` of a `data "aws_iam_policy_document"`. The
#   finding points at the attribute that holds the policy and names the statement; the
#   data source itself is not reported, so a document used by several resources is reported
#   on each of them.
#
#   Does not fire on `Deny` statements, on statements without `Effect`, on statements whose
#   `Resource` is not `"*"` (a specific ARN, `arn:aws:s3:::*`) or that use `NotResource`,
#   on service-wide wildcards such as `s3:*` (LP002), or on a policy that is not valid JSON.
#   A policy that is unknown statically (built from a variable without default, from another
#   resource's computed attributes, or from a data source tenet cannot render), and a role's
#   `inline_policy` list that is unknown as a whole, are not judged but reported as
#   undecided, once per attribute; an unknown `assume_role_policy` is not (a trust policy has
#   no `Resource`, so it can never grant every action on every resource).
#
#   A `data "aws_iam_policy_document"` whose `json` is unknown only because some of its values
#   are (a bucket ARN, an account id) is judged on what is known of its statement blocks (values
#   taken from another resource or data source are never `*`; values from a variable can be
#   anything): a statement that grants full access whatever the unknown values are fires, and
#   the document is undecided only if a statement could grant it depending on them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#     description: IAM best practices, apply least-privilege permissions
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
#     description: IAM JSON policy elements, NotAction
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
# custom:
#   id: LP001
#   severity: critical
#   pillar: least_privilege
#   layer: 0
#   controls: [AC-6, AC-6(1)]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     List the actions the principal needs and the resources it needs them on:
#
#     ```hcl
#     data "aws_iam_policy_document" "app" {
#       statement {
#         sid       = "ReadUploads"
#         actions   = ["s3:GetObject", "s3:ListBucket"]
#         resources = [
#           aws_s3_bucket.uploads.arn,
#           "${aws_s3_bucket.uploads.arn}/*",
#         ]
#       }
#     }
#
#     resource "aws_iam_policy" "app" {
#       name   = "app"
#       policy = data.aws_iam_policy_document.app.json
#     }
#     ```
package tenet.least_privilege.iam_full_admin

import data.tenet.lib.aws_iam as iam
import data.tenet.lib.terraform as tf
import rego.v1

# Each statement that grants full access, with the reason.
admin_statements contains entry if {
	some statement in iam.statements
	iam.allows(statement)
	iam.all_resources(statement)
	reason := full_access(statement)
	entry := {
		"address": statement.address,
		"path": statement.path,
		"text": sprintf("%s %s", [iam.label(statement), reason]),
		"statement": statement,
	}
}

full_access(statement) := "allows every action (`*`) on every resource (`*`)" if {
	iam.all_actions(statement)
}

full_access(statement) := sprintf("allows every action except %s (`NotAction`) on every resource (`*`)", [concat(", ", statement.not_actions)]) if {
	not iam.all_actions(statement)
	statement.has_not_action
}

# A policy that cannot be read statically cannot be judged. Trust policies are left out: IAM
# rejects a `Resource` element in them, so they never grant full access.
undecided contains iam.undecided(doc, "grants full administrator access", labels) if {
	some doc in iam.unknown_documents
	doc.kind != "trust"
	labels := [partial.label | some partial in iam.partial_statements(doc); may_grant_full_access(partial)]
	iam.unresolved(doc, labels)
	count(full_access_texts(doc)) == 0
}

# A partially known document (a policy document data source with some unknown values) with a
# statement that grants full access whatever those values are.
deny contains finding if {
	some doc in iam.unknown_documents
	doc.kind != "trust"
	texts := full_access_texts(doc)
	count(texts) > 0
	finding := {
		"resource": doc.address,
		"path": doc.path,
		"message": sprintf("%s %q: `%s` %s: full administrator access (other values of the policy are known only at apply time)", [doc.type, doc.name, tf.display_path(doc.path), concat("; ", texts)]),
	}
}

full_access_texts(doc) := [sprintf("%s %s", [partial.label, full_access(partial)]) |
	some partial in iam.partial_statements(doc)
	iam.surely_allows(partial)
	iam.all_resources(partial)
	surely_all_actions(partial)
]

surely_all_actions(partial) if iam.all_actions(partial)

surely_all_actions(partial) if partial.surely_not_action

# What is known of a statement does not rule it out (it denies, names its resources, or lists
# actions without `*` and without `NotAction`).
may_grant_full_access(partial) if {
	iam.may_allow(partial)
	iam.may_apply_to_all_resources(partial)
	may_cover_all_actions(partial)
}

may_cover_all_actions(partial) if iam.may_allow_all_actions(partial)

may_cover_all_actions(partial) if partial.has_not_action

# One finding per policy document, naming every offending statement.
deny contains finding if {
	some key in {[e.address, e.path] | some e in admin_statements}
	mine := [e | some e in admin_statements; e.address == key[0]; e.path == key[1]]
	first := mine[0].statement
	texts := concat("; ", [e.text | some index in sort({e.statement.index | some e in mine}); some e in mine; e.statement.index == index])
	finding := {
		"resource": first.address,
		"path": first.path,
		"message": sprintf("%s %q: `%s` %s: full administrator access", [first.type, first.name, iam.attribute(first), texts]),
	}
}
