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
#   on a policy that is unknown statically or is not valid JSON.
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
