package tenet.least_privilege.iam_full_admin_test

import data.tenet.least_privilege.iam_full_admin
import rego.v1

resource(type, attributes) := {
	"address": sprintf("%s.test", [type]),
	"type": type,
	"name": "test",
	"mode": "managed",
	"attributes": attributes,
}

doc(resources) := {"kind": "terraform", "resources": resources}

policy(statements) := json.marshal({"Version": "2012-10-17", "Statement": statements})

admin := {"Effect": "Allow", "Action": "*", "Resource": "*"}

test_admin_statement_fires if {
	result := iam_full_admin.deny with input as doc([resource("aws_iam_policy", {"policy": policy([admin])})])
	count(result) == 1
	some finding in result
	finding.path == ["policy"]
	contains(finding.message, "statement 1 allows every action")
}

test_statement_object_and_lists_fire if {
	text := json.marshal({"Statement": {"Sid": "All", "Effect": "Allow", "Action": ["s3:GetObject", "*"], "Resource": ["*"]}})
	result := iam_full_admin.deny with input as doc([resource("aws_iam_user_policy", {"policy": text})])
	count(result) == 1
	some finding in result
	contains(finding.message, "statement \"All\"")
}

test_not_action_fires if {
	statement := {"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*"}
	result := iam_full_admin.deny with input as doc([resource("aws_iam_policy", {"policy": policy([statement])})])
	count(result) == 1
	some finding in result
	contains(finding.message, "except iam:* (`NotAction`)")
}

test_one_finding_per_document if {
	statements := [admin, {"Effect": "Allow", "NotAction": "s3:*", "Resource": ["*"]}]
	result := iam_full_admin.deny with input as doc([resource("aws_iam_policy", {"policy": policy(statements)})])
	count(result) == 1
	some finding in result
	contains(finding.message, "statement 1 allows every action")
	contains(finding.message, "; statement 2 allows every action except s3:*")
}

test_inline_policy_path if {
	role := resource("aws_iam_role", {"inline_policy": [
		{"name": "read", "policy": policy([{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}])},
		{"name": "admin", "policy": policy([admin])},
	]})
	result := iam_full_admin.deny with input as doc([role])
	count(result) == 1
	some finding in result
	finding.path == ["inline_policy", 1, "policy"]
}

test_deny_missing_effect_and_scoped_pass if {
	statements := [
		{"Effect": "Deny", "Action": "*", "Resource": "*"},
		{"Action": "*", "Resource": "*"},
		{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::bucket/*"},
		{"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::bucket/*"},
		{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
	]
	result := iam_full_admin.deny with input as doc([resource("aws_iam_policy", {"policy": policy(statements)})])
	count(result) == 0
}

test_unknown_and_invalid_policies_pass if {
	unknown := object.union(resource("aws_iam_policy", {"policy": null}), {"unknown": ["policy"]})
	invalid := resource("aws_iam_role_policy", {"policy": "{not json"})
	result := iam_full_admin.deny with input as doc([unknown, invalid])
	count(result) == 0
}

test_data_source_not_reported if {
	data_source := object.union(resource("aws_iam_policy_document", {"json": policy([admin])}), {"mode": "data"})
	result := iam_full_admin.deny with input as doc([data_source])
	count(result) == 0
}

# Plan JSON: planned values have the same shape; unset attributes are null.
test_plan_role_inline_policy if {
	role := resource("aws_iam_role", {
		"assume_role_policy": policy([{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]),
		"inline_policy": [{"name": "admin", "policy": policy([admin])}],
		"permissions_boundary": null,
	})
	result := iam_full_admin.deny with input as {"kind": "terraform-plan", "resources": [role]}
	count(result) == 1
}
