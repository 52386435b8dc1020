package tenet.least_privilege.resource_policy_public_test

import data.tenet.least_privilege.resource_policy_public
import rego.v1

bucket_policy(statement) := {
	"address": "aws_s3_bucket_policy.test",
	"type": "aws_s3_bucket_policy",
	"name": "test",
	"mode": "managed",
	"attributes": {"policy": json.marshal({"Version": "2012-10-17", "Statement": [statement]})},
}

public_read(condition) := {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": condition}

findings(statement) := result if {
	result := resource_policy_public.deny with input as {"kind": "terraform", "resources": [bucket_policy(statement)]}
}

test_each_caller_key_restricts if {
	every key in ["aws:SourceAccount", "aws:SourceArn", "aws:SourceOwner", "aws:SourceVpc", "aws:SourceVpce", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn", "aws:SourceIp"] {
		count(findings(public_read({"StringEquals": {key: "x"}}))) == 0
	}
}

test_key_case_and_set_operator_restrict if {
	count(findings(public_read({"ForAllValues:StringEquals": {"AWS:SOURCEVPCE": ["vpce-1"]}}))) == 0
}

test_if_exists_and_null_do_not_restrict if {
	count(findings(public_read({"StringEqualsIfExists": {"aws:SourceVpce": "vpce-1"}}))) == 1
	count(findings(public_read({"ArnLikeIfExists": {"aws:SourceArn": "arn:aws:sns:*"}}))) == 1
	count(findings(public_read({"Null": {"aws:PrincipalOrgID": "false"}}))) == 1
}

test_other_keys_do_not_restrict if {
	count(findings(public_read({"Bool": {"aws:SecureTransport": "true"}}))) == 1
}

test_not_principal_and_deny_do_not_fire if {
	count(findings({"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject", "Resource": "*"})) == 0
	count(findings({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"})) == 0
}
