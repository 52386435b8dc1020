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
#   on service-wide wildcards such as `s3:*` (LP002), or on a policy that is unknown
#   statically (built from a variable without default, or from a data source tenet cannot
#   render) or is not valid JSON.
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
