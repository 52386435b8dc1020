package tenet.least_privilege.iam_privilege_escalation_test

import data.tenet.least_privilege.iam_privilege_escalation
import rego.v1

policy(actions) := {
	"address": "aws_iam_policy.test",
	"type": "aws_iam_policy",
	"name": "test",
	"mode": "managed",
	"attributes": {"policy": json.marshal({"Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]})},
}

findings(actions) := result if {
	result := iam_privilege_escalation.deny with input as {"kind": "terraform", "resources": [policy(actions)]}
}

test_partial_wildcards_fire if {
	every pattern in ["iam:Pass*", "iam:*Role*", "IAM:passrole", "iam:Create?ccessKey", "sts:Assume*", "*:PassRole"] {
		count(findings([pattern])) == 1
	}
}

test_wildcards_of_other_rules_and_harmless_actions_do_not_fire if {
	every pattern in ["*", "iam:*", "sts:*", "iam:Get*", "iam:List*", "sts:AssumeRoleWithWebIdentity", "sts:GetCallerIdentity", "iam:PassRoles"] {
		count(findings([pattern])) == 0
	}
}

test_message_names_granted_actions if {
	some finding in findings(["iam:Attach*"])
	contains(finding.message, "`iam:Attach*` (iam:AttachRolePolicy, iam:AttachUserPolicy)")
}
