# Unit tests of LP006's reading of references (which unknown ARNs cannot be an AWS managed
# administrator policy).
package tenet.least_privilege.admin_policy_attached_test

import data.tenet.least_privilege.admin_policy_attached
import rego.v1

test_customer_managed_policy_references if {
	admin_policy_attached.managed_reference("aws_iam_policy.deploy", "aws_iam_policy")
	admin_policy_attached.managed_reference("module.iam.aws_iam_policy.this[0]", "aws_iam_policy")
	admin_policy_attached.managed_reference(`module.x["a.b"].module.y.aws_iam_policy.p["k.v"]`, "aws_iam_policy")
}

test_other_references if {
	not admin_policy_attached.managed_reference("data.aws_iam_policy.admin", "aws_iam_policy")
	not admin_policy_attached.managed_reference("module.m.data.aws_iam_policy.admin", "aws_iam_policy")
	not admin_policy_attached.managed_reference("data.aws_iam_policy_document.x", "aws_iam_policy")
	not admin_policy_attached.managed_reference("module.aws_iam_policy.aws_s3_bucket.x", "aws_iam_policy")
	not admin_policy_attached.managed_reference("xaws_iam_policy.p", "aws_iam_policy")
}

attachment(references) := {
	"address": "aws_iam_role_policy_attachment.a",
	"type": "aws_iam_role_policy_attachment",
	"name": "a",
	"mode": "managed",
	"attributes": {"role": "r", "policy_arn": null},
	"unknown": ["policy_arn"],
	"references": {"policy_arn": references},
}

undecided(resources) := result if {
	result := admin_policy_attached.undecided with input as {"kind": "terraform", "resources": resources}
}

test_unknown_arn_undecided_unless_customer_policy if {
	count(undecided([attachment([])])) == 1
	count(undecided([attachment(["data.aws_partition.current"])])) == 1
	count(undecided([attachment(["aws_iam_policy.p"])])) == 0
	count(undecided([attachment(["aws_iam_policy.p", "data.aws_partition.current"])])) == 1
}

# In a plan, a `policy_arn` the provider computes because the configuration leaves it out does
# not exist for attachments (it is required); an unknown one is still undecided.
test_plan_unknown_arn_undecided if {
	result := admin_policy_attached.undecided with input as {"kind": "terraform-plan", "resources": [attachment(["aws_iam_policy.p", "data.aws_partition.current"])]}
	count(result) == 1
}
