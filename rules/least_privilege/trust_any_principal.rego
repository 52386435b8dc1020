# METADATA
# title: IAM role can be assumed by any AWS principal
# description: |
#   A role's trust policy decides who may call `sts:AssumeRole` to get its credentials. A
#   statement that trusts the principal `*` lets any identity of any AWS account in the world
#   assume the role and act with its permissions: nothing but the role's ARN stands between
#   an attacker and those permissions. Fires on the
#   `assume_role_policy` of an `aws_iam_role` with a statement whose `Effect` is `Allow`, whose
#   `Principal` is `"*"`, `{"AWS": "*"}` or an `AWS` list that contains `"*"`, and that has no
#   `Condition` (absent or empty). One finding per trust policy, on `assume_role_policy`, names
#   each such statement.
#
#   The trust policy is read in every form Terraform writes it: a JSON string, a heredoc,
#   `jsonencode(...)`, `file(...)` or the `json` of a `data "aws_iam_policy_document"` (whose
#   `principals { type = "*" }` and `principals { type = "AWS", identifiers = ["*"] }` both
#   render as a wildcard principal).
#
#   Does not fire on a statement with any `Condition`: trust policies for cross-account access
#   and identity providers restrict a wildcard principal with keys such as `sts:ExternalId`,
#   `aws:PrincipalOrgID` or `aws:PrincipalArn`, and tenet does not judge how strong a given
#   condition is. Does not fire either on specific principals (an account, a role ARN, a
#   `Service` or `Federated` principal), on `Deny` statements, on `NotPrincipal`, on
#   statements without `Principal`, on the role's `inline_policy` (judged by LP001 to LP003),
#   or on a trust policy that is not valid JSON. A trust policy that is unknown statically (a
#   variable without default, or a document built from values known only at apply time) is
#   not judged but reported as undecided.
#
#   A `data "aws_iam_policy_document"` whose `json` is unknown only because some of its values
#   are (a bucket ARN, an account id) is judged on what is known of its statement blocks (values
#   taken from another resource or data source are never `*`; values from a variable can be
#   anything): a statement that trusts anyone without a condition whatever the unknown values
#   are fires, and the document is undecided only if a statement could do so depending on them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
#     description: IAM JSON policy elements, Principal (anonymous users and wildcards)
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy
#     description: IAM roles, role trust policy
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role
# custom:
#   id: LP004
#   severity: critical
#   pillar: least_privilege
#   layer: 0
#   controls: [AC-3, AC-6]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Trust the accounts, roles or services that need the role, and only them. For access
#     from another account, name that account and require the external ID agreed with it:
#
#     ```hcl
#     data "aws_iam_policy_document" "trust" {
#       statement {
#         actions = ["sts:AssumeRole"]
#
#         principals {
#           type        = "AWS"
#           identifiers = ["arn:aws:iam::111122223333:root"]
#         }
#
#         condition {
#           test     = "StringEquals"
#           variable = "sts:ExternalId"
#           values   = [var.external_id]
#         }
#       }
#     }
#
#     resource "aws_iam_role" "partner" {
#       name               = "partner-read"
#       assume_role_policy = data.aws_iam_policy_document.trust.json
#     }
#     ```
package tenet.least_privilege.trust_any_principal

import data.tenet.lib.aws_iam as iam
import data.tenet.lib.terraform as tf
import rego.v1

open_statements contains statement if {
	some statement in iam.statements
	statement.kind == "trust"
	iam.allows(statement)
	iam.any_principal(statement)
	count(statement.condition) == 0
}

# A trust policy that cannot be read statically cannot be judged.
undecided contains iam.undecided(doc, "lets any AWS principal assume the role", labels) if {
	some doc in iam.unknown_documents
	doc.kind == "trust"
	labels := [partial.label | some partial in iam.partial_statements(doc); may_trust_anyone(partial)]
	iam.unresolved(doc, labels)
	count(open_labels(doc)) == 0
}

# A partially known trust policy (a policy document data source with some unknown values) with
# a statement that trusts anyone whatever those values are.
deny contains finding if {
	some doc in iam.unknown_documents
	doc.kind == "trust"
	labels := open_labels(doc)
	count(labels) > 0
	finding := {
		"resource": doc.address,
		"path": doc.path,
		"message": sprintf("%s %q: `%s` trusts any principal (`*`) with no `Condition` in %s: any AWS account can assume the role (other values of the policy are known only at apply time)", [doc.type, doc.name, tf.display_path(doc.path), concat(", ", labels)]),
	}
}

open_labels(doc) := [partial.label |
	some partial in iam.partial_statements(doc)
	iam.surely_allows(partial)
	iam.any_principal(partial)
	partial.condition_count == 0
]

# What is known of a statement does not rule it out (its principals are services, or accounts
# and roles taken from other resources, or it has a `Condition`).
may_trust_anyone(partial) if {
	iam.may_allow(partial)
	iam.may_have_any_principal(partial)
	iam.may_lack_condition(partial)
}

# One finding per trust policy, naming every statement that trusts anyone.
deny contains finding if {
	some key in {[s.address, s.path] | some s in open_statements}
	mine := [s | some s in open_statements; s.address == key[0]; s.path == key[1]]
	first := mine[0]
	labels := concat(", ", [iam.label(s) | some index in sort({s.index | some s in mine}); some s in mine; s.index == index])
	finding := {
		"resource": first.address,
		"path": first.path,
		"message": sprintf("%s %q: `%s` trusts any principal (`*`) with no `Condition` in %s: any AWS account can assume the role", [first.type, first.name, iam.attribute(first), labels]),
	}
}
