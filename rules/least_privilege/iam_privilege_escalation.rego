# METADATA
# title: IAM policy grants a privilege-escalation action on every resource
# description: |
#   Some IAM actions let their holder give itself more permissions than the policy grants:
#   pass any role (including an administrator role) to a compute service it controls, rewrite
#   or attach policies, mint access keys for other users, change who may assume a role, or
#   assume any role in the account. Granted on `"*"`, each of them is a path to full
#   administrator access. Fires on an identity policy document with a statement whose `Effect`
#   is `Allow`, whose `Resource` is `"*"` (or a list containing `"*"`) and whose `Action` grants
#   one of `iam:PassRole`, `iam:CreatePolicyVersion`, `iam:SetDefaultPolicyVersion`,
#   `iam:AttachRolePolicy`, `iam:AttachUserPolicy`, `iam:PutRolePolicy`, `iam:PutUserPolicy`,
#   `iam:CreateAccessKey`, `iam:UpdateAssumeRolePolicy` or `sts:AssumeRole`, by name (in any
#   case: IAM action names are case-insensitive) or through a partial wildcard such as
#   `iam:Pass*`, `iam:Attach*Policy` or `iam:Put*`. A `Condition` does not stop it: a condition
#   such as `iam:PassedToService` still lets the holder pass any role, administrator roles
#   included, to that service. One finding per document names each offending statement, the
#   action patterns and the escalation actions they grant.
#
#   Identity policy documents are the `policy` of `aws_iam_policy`, `aws_iam_role_policy`,
#   `aws_iam_user_policy` and `aws_iam_group_policy` and the `inline_policy[].policy` of
#   `aws_iam_role`, in every form Terraform writes them (JSON string, heredoc,
#   `jsonencode(...)`, `file(...)`, `data "aws_iam_policy_document"`). The finding points at
#   the attribute that holds the policy.
#
#   Does not fire on `"*"` (LP001) or on the service-wide wildcards `iam:*` and `sts:*`
#   (LP002), which those rules already report; on statements scoped to specific ARNs (pass
#   only `arn:aws:iam::123456789012:role/app-task`), that use `NotResource`, or on `Deny`
#   statements; on resource and trust policies (an IAM action in a bucket or key policy grants
#   nothing, and a trust policy has no `Resource`); or on a policy that is not valid JSON. An
#   identity policy that is unknown statically (or a role's `inline_policy` list that is
#   unknown as a whole) is not judged but reported as undecided, once per attribute.
#
#   A `data "aws_iam_policy_document"` whose `json` is unknown only because some of its values
#   are (a bucket ARN, an account id) is judged on what is known of its statement blocks (values
#   taken from another resource or data source are never `*`; values from a variable can be
#   anything): a statement that grants an escalation action on every resource whatever the
#   unknown values are fires, and the document is undecided only if a statement could grant one
#   depending on them.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
#     description: Granting a user permissions to pass a role to an AWS service
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
#     description: IAM best practices, apply least-privilege permissions
#   - ref: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
#     description: Actions, resources and condition keys for IAM
# custom:
#   id: LP003
#   severity: high
#   pillar: least_privilege
#   layer: 0
#   controls: [AC-6, AC-6(5)]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Grant escalation actions only on the exact roles, policies or users they are meant for,
#     and pin `iam:PassRole` to the service that receives the role:
#
#     ```hcl
#     data "aws_iam_policy_document" "deployer" {
#       statement {
#         sid       = "PassTaskRole"
#         actions   = ["iam:PassRole"]
#         resources = [aws_iam_role.task.arn]
#
#         condition {
#           test     = "StringEquals"
#           variable = "iam:PassedToService"
#           values   = ["ecs-tasks.amazonaws.com"]
#         }
#       }
#     }
#
#     resource "aws_iam_role_policy" "deployer" {
#       name   = "deployer"
#       role   = aws_iam_role.deployer.id
#       policy = data.aws_iam_policy_document.deployer.json
#     }
#     ```
package tenet.least_privilege.iam_privilege_escalation

import data.tenet.lib.aws_iam as iam
import data.tenet.lib.terraform as tf
import rego.v1

escalation_actions := [
	"iam:PassRole",
	"iam:CreatePolicyVersion",
	"iam:SetDefaultPolicyVersion",
	"iam:AttachRolePolicy",
	"iam:AttachUserPolicy",
	"iam:PutRolePolicy",
	"iam:PutUserPolicy",
	"iam:CreateAccessKey",
	"iam:UpdateAssumeRolePolicy",
	"sts:AssumeRole",
]

# An action pattern of the statement with the escalation actions it grants; `*` and the
# service-wide wildcards belong to LP001 and LP002.
grants(statement) := [{"pattern": pattern, "actions": granted} |
	some pattern in statement.actions
	pattern != "*"
	not iam.service_wildcard(pattern)
	granted := [action | some action in escalation_actions; iam.action_matches(pattern, action)]
	count(granted) > 0
]

describe(grant) := sprintf("`%s`", [grant.pattern]) if grant.actions == [grant.pattern]

describe(grant) := sprintf("`%s` (%s)", [grant.pattern, concat(", ", grant.actions)]) if grant.actions != [grant.pattern]

escalation_statements contains entry if {
	some statement in iam.statements
	iam.identity(statement)
	iam.allows(statement)
	iam.all_resources(statement)
	not iam.all_actions(statement)
	found := grants(statement)
	count(found) > 0
	entry := {
		"address": statement.address,
		"path": statement.path,
		"text": sprintf("%s allows %s on every resource (`*`)", [iam.label(statement), concat(", ", [describe(g) | some g in found])]),
		"statement": statement,
	}
}

# An identity policy that cannot be read statically cannot be judged.
undecided contains iam.undecided(doc, "lets the holder grant itself more privileges", labels) if {
	some doc in iam.unknown_documents
	doc.kind == "identity"
	labels := [partial.label | some partial in iam.partial_statements(doc); may_escalate(partial)]
	iam.unresolved(doc, labels)
	count(escalation_texts(doc)) == 0
}

# A partially known document (a policy document data source with some unknown values) with a
# statement that grants an escalation action on every resource whatever those values are.
deny contains finding if {
	some doc in iam.unknown_documents
	doc.kind == "identity"
	texts := escalation_texts(doc)
	count(texts) > 0
	finding := {
		"resource": doc.address,
		"path": doc.path,
		"message": sprintf("%s %q: `%s` %s: the holder can grant itself more privileges (other values of the policy are known only at apply time)", [doc.type, doc.name, tf.display_path(doc.path), concat("; ", texts)]),
	}
}

escalation_texts(doc) := [sprintf("%s allows %s on every resource (`*`)", [partial.label, concat(", ", [describe(g) | some g in found])]) |
	some partial in iam.partial_statements(doc)
	iam.surely_allows(partial)
	iam.all_resources(partial)
	not iam.all_actions(partial)
	not partial.actions_unknown
	found := grants(partial)
	count(found) > 0
]

# What is known of a statement does not rule it out.
may_escalate(partial) if {
	iam.may_allow(partial)
	iam.may_apply_to_all_resources(partial)
	not iam.all_actions(partial)
	may_grant_escalation(partial)
}

may_grant_escalation(partial) if partial.actions_unknown

may_grant_escalation(partial) if count(grants(partial)) > 0

# One finding per policy document, naming every offending statement.
deny contains finding if {
	some key in {[e.address, e.path] | some e in escalation_statements}
	mine := [e | some e in escalation_statements; e.address == key[0]; e.path == key[1]]
	first := mine[0].statement
	texts := concat("; ", [e.text | some index in sort({e.statement.index | some e in mine}); some e in mine; e.statement.index == index])
	finding := {
		"resource": first.address,
		"path": first.path,
		"message": sprintf("%s %q: `%s` %s: the holder can grant itself more privileges", [first.type, first.name, iam.attribute(first), texts]),
	}
}
