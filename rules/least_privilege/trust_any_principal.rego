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
#   or on a trust policy that is unknown statically or is not valid JSON.
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
import rego.v1

open_statements contains statement if {
	some statement in iam.statements
	statement.kind == "trust"
	iam.allows(statement)
	iam.any_principal(statement)
	count(statement.condition) == 0
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
