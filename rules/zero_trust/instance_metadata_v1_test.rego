package tenet.zero_trust.instance_metadata_v1_test

import data.tenet.zero_trust.instance_metadata_v1
import rego.v1

instance(type, attributes, unknown) := {
	"address": sprintf("%s.test", [type]),
	"type": type,
	"name": "test",
	"mode": "managed",
	"attributes": attributes,
	"unknown": unknown,
}

plan(resources) := {"kind": "terraform-plan", "resources": resources}

# In a plan, an attribute the configuration leaves unset can be a plain null that is not
# listed in `unknown`: it takes the provider default.
test_plan_null_tokens_fire if {
	lt := instance("aws_launch_template", {"metadata_options": [{"http_endpoint": null, "http_tokens": null}]}, [])
	result := instance_metadata_v1.deny with input as plan([lt])
	count(result) == 1
	some finding in result
	finding.path == ["metadata_options", 0, "http_tokens"]
}

test_plan_optional_fires if {
	i := instance("aws_instance", {"metadata_options": [{"http_endpoint": "enabled", "http_tokens": "optional"}]}, [])
	count(instance_metadata_v1.deny) == 1 with input as plan([i])
}

# A computed metadata_options (unknown until apply) is not judged: EC2 chooses the values
# from the image and the account default, so the check is undecided.
test_plan_computed_block_passes if {
	i := instance("aws_instance", {"metadata_options": null}, ["metadata_options"])
	count(instance_metadata_v1.deny) == 0 with input as plan([i])
	result := instance_metadata_v1.undecided with input as plan([i])
	{u.path | some u in result} == {["metadata_options"]}
}

# On an Amazon Linux 2023 image, EC2 computes `http_tokens = "required"`: not undecided.
test_plan_computed_tokens_on_al2023_passes if {
	i := instance(
		"aws_instance",
		{"ami": "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", "metadata_options": [{"http_endpoint": "enabled", "http_tokens": null}]},
		["metadata_options[0].http_tokens"],
	)
	count(instance_metadata_v1.deny) == 0 with input as plan([i])
	count(instance_metadata_v1.undecided) == 0 with input as plan([i])
}

test_unknown_endpoint_passes if {
	i := instance("aws_instance", {"metadata_options": [{"http_endpoint": null, "http_tokens": "optional"}]}, ["metadata_options[0].http_endpoint"])
	count(instance_metadata_v1.deny) == 0 with input as plan([i])
}

test_other_types_ignored if {
	i := instance("aws_spot_instance_request", {}, [])
	count(instance_metadata_v1.deny) == 0 with input as plan([i])
}
