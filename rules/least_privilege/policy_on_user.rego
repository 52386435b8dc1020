# METADATA
# title: IAM permissions attached directly to a user
# description: |
#   Permissions attached to individual IAM users drift apart: each user ends up with a
#   personal mix of policies that nobody reviews as a whole, and they stay with the user
#   when their job changes. Granting through groups (for people) or roles (for workloads and
#   federated access) keeps one reviewed set of permissions per job. Fires on every
#   `aws_iam_user_policy` (an inline policy on a user; the finding points at `user`), every
#   `aws_iam_user_policy_attachment` (a managed policy attached to a user; the finding points
#   at `user`), and every `aws_iam_policy_attachment` whose `users` list is not empty (the
#   finding points at `users`). The user's name does not decide anything, so these fire even
#   when it is unknown statically.
#
#   Does not fire on group or role policies and attachments, on an `aws_iam_policy_attachment`
#   without `users` or with an empty list, or on one whose `users` list is unknown statically
#   (built from a variable without default): that list may be empty, so it is reported as
#   undecided instead. What the attached policy allows is not judged here (LP001 to LP003,
#   LP006).
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions
#     description: IAM best practices (groups and roles instead of per-user permissions)
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html
#     description: IAM user groups
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_user_policy_attachment
# custom:
#   id: LP007
#   severity: medium
#   pillar: least_privilege
#   layer: 0
#   controls: [AC-2, AC-6]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Put the user in a group that carries the policy (or have the workload assume a role):
#
#     ```hcl
#     resource "aws_iam_group" "developers" {
#       name = "developers"
#     }
#
#     resource "aws_iam_group_policy_attachment" "developers_read" {
#       group      = aws_iam_group.developers.name
#       policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
#     }
#
#     resource "aws_iam_user_group_membership" "jane" {
#       user   = aws_iam_user.jane.name
#       groups = [aws_iam_group.developers.name]
#     }
#     ```
package tenet.least_privilege.policy_on_user

import data.tenet.lib.terraform as tf
import rego.v1

# `"jane"` when the user is known, `a user` otherwise.
user_text(resource) := sprintf("user %q", [user]) if {
	user := object.get(resource.attributes, "user", null)
	is_string(user)
}

user_text(resource) := "a user" if not is_string(object.get(resource.attributes, "user", null))

deny contains finding if {
	some policy in tf.resources("aws_iam_user_policy")
	finding := {
		"resource": policy.address,
		"path": ["user"],
		"message": sprintf("aws_iam_user_policy %q puts an inline policy on %s: grant it through a group or a role", [policy.name, user_text(policy)]),
	}
}

deny contains finding if {
	some attachment in tf.resources("aws_iam_user_policy_attachment")
	finding := {
		"resource": attachment.address,
		"path": ["user"],
		"message": sprintf("aws_iam_user_policy_attachment %q attaches a managed policy to %s: attach it to a group or a role", [attachment.name, user_text(attachment)]),
	}
}

# A `users` list that is unknown as a whole may or may not be empty.
undecided contains tf.undecided(attachment, ["users"], why) if {
	some attachment in tf.resources("aws_iam_policy_attachment")
	tf.unknown(attachment, ["users"])
	not tf.provider_computed(attachment, ["users"])
	why := sprintf("aws_iam_policy_attachment %q: `users` is unknown statically, so whether it attaches its policy to users cannot be decided", [attachment.name])
}

deny contains finding if {
	some attachment in tf.resources("aws_iam_policy_attachment")
	users := tf.list_or_empty(attachment, ["users"])
	count(users) > 0
	finding := {
		"resource": attachment.address,
		"path": ["users"],
		"message": sprintf("aws_iam_policy_attachment %q attaches its policy to %d user(s) through `users`: attach it to a group or a role", [attachment.name, count(users)]),
	}
}
