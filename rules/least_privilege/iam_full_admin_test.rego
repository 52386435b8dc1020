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

# --- unknown and partially known documents ----------------------------------------------------

# A policy document data source `data.aws_iam_policy_document.<name>` with its `json` unknown.
document_source(name, attributes, unknown, references) := {
	"address": sprintf("data.aws_iam_policy_document.%s", [name]),
	"type": "aws_iam_policy_document",
	"name": name,
	"mode": "data",
	"attributes": object.union(attributes, {"json": null}),
	"unknown": array.concat(["json"], unknown),
	"references": references,
}

# An `aws_iam_policy` whose `policy` is the `json` of the data source `name`.
policy_from(name) := {
	"address": "aws_iam_policy.test",
	"type": "aws_iam_policy",
	"name": "test",
	"mode": "managed",
	"attributes": {"policy": null},
	"unknown": ["policy"],
	"references": {"policy": [sprintf("data.aws_iam_policy_document.%s", [name])]},
}

# `resources` of the first statement block, known only at apply time, from a bucket.
bucket_resources := {"statement[0].resources": ["aws_s3_bucket.b"]}

narrow_block := {"actions": ["s3:GetObject"], "resources": [null]}

admin_block := {"actions": ["*"], "resources": ["*"]}

results(resources) := {"deny": d, "undecided": u} if {
	d := iam_full_admin.deny with input as doc(resources)
	u := iam_full_admin.undecided with input as doc(resources)
}

test_unknown_policy_is_undecided if {
	unknown := object.union(resource("aws_iam_policy", {"policy": null}), {"unknown": ["policy"]})
	r := results([unknown])
	count(r.deny) == 0
	count(r.undecided) == 1
	some entry in r.undecided
	entry.path == ["policy"]
}

test_plan_provider_computed_key_policy_is_not_undecided if {
	key := object.union(resource("aws_kms_key", {"policy": null}), {"unknown": ["policy"]})
	u := iam_full_admin.undecided with input as {"kind": "terraform-plan", "resources": [key]}
	count(u) == 0
}

test_unknown_trust_policy_is_not_undecided if {
	role := object.union(resource("aws_iam_role", {"assume_role_policy": null}), {"unknown": ["assume_role_policy"]})
	count(results([role]).undecided) == 0
}

test_narrow_partial_document_is_decided if {
	source := document_source("d", {"statement": [narrow_block]}, ["statement[0].resources[0]"], bucket_resources)
	r := results([source, policy_from("d")])
	count(r.deny) == 0
	count(r.undecided) == 0
}

test_certain_statement_fires if {
	source := document_source("d", {"statement": [narrow_block, admin_block]}, ["statement[0].resources[0]"], bucket_resources)
	r := results([source, policy_from("d")])
	count(r.deny) == 1
	count(r.undecided) == 0
}

test_unknown_effect_is_undecided if {
	block := object.union(admin_block, {"effect": null})
	source := document_source("d", {"statement": [narrow_block, block]}, ["statement[0].resources[0]", "statement[1].effect"], bucket_resources)
	r := results([source, policy_from("d")])
	count(r.deny) == 0
	count(r.undecided) == 1
}

# An override document may replace a statement with the same Sid: not certain.
test_overridable_statement_is_undecided if {
	block := object.union(admin_block, {"sid": "Admin"})
	override := policy([{"Sid": "Admin", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}])
	attributes := {"statement": [narrow_block, block], "override_policy_documents": [override]}
	source := document_source("d", attributes, ["statement[0].resources[0]"], bucket_resources)
	r := results([source, policy_from("d")])
	count(r.deny) == 0
	count(r.undecided) == 1
}

# Unknown source documents are read through the policy document data sources they refer to,
# when there are enough of them.
test_source_documents_through_references if {
	nested := document_source("nested", {"statement": [narrow_block]}, ["statement[0].resources[0]"], bucket_resources)
	outer_refs := {"source_policy_documents": ["data.aws_iam_policy_document.nested"]}
	outer := document_source("d", {"source_policy_documents": [null]}, ["source_policy_documents[0]"], outer_refs)
	count(results([nested, outer, policy_from("d")]).undecided) == 0

	# Two unknown documents, one data source: the other one may be anything.
	two := document_source("d", {"source_policy_documents": [null, null]}, ["source_policy_documents[0]", "source_policy_documents[1]"], outer_refs)
	count(results([nested, two, policy_from("d")]).undecided) == 1

	# A list unknown as a whole may hold anything.
	whole := document_source("d", {"source_policy_documents": null}, ["source_policy_documents"], outer_refs)
	count(results([nested, whole, policy_from("d")]).undecided) == 1
}

# A value from a variable (no reference) could be "*"; one from another resource could not.
test_resources_from_variable_are_undecided if {
	source := document_source("d", {"statement": [{"actions": ["*"], "resources": [null]}]}, ["statement[0].resources[0]"], {})
	count(results([source, policy_from("d")]).undecided) == 1
	scoped := document_source("d", {"statement": [{"actions": ["*"], "resources": [null]}]}, ["statement[0].resources[0]"], bucket_resources)
	count(results([scoped, policy_from("d")]).undecided) == 0
}
