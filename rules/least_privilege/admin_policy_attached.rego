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
#   judge their content), or on an ARN that is unknown statically: an ARN built from
#   `data.aws_partition` or read from `data "aws_iam_policy"` or a variable without default is
#   not judged.
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
