# The user data of EC2 instances and launch templates as text, decoded when it is base64
# (launch templates require it; `user_data_base64` is base64 by definition).
package tenet.lib.user_data

import data.tenet.lib.terraform as tf
import rego.v1

# Every known user data text: {"resource", "path", "text"}.
scripts contains entry if {
	some type in ["aws_instance", "aws_launch_configuration"]
	some resource in tf.resources(type)
	text := resource.attributes.user_data
	is_string(text)
	entry := {"resource": resource, "path": ["user_data"], "text": text}
}

scripts contains entry if {
	some type in ["aws_instance", "aws_launch_configuration"]
	some resource in tf.resources(type)
	encoded := resource.attributes.user_data_base64
	text := decoded(encoded)
	entry := {"resource": resource, "path": ["user_data_base64"], "text": text}
}

scripts contains entry if {
	some resource in tf.resources("aws_launch_template")
	encoded := resource.attributes.user_data
	text := decoded(encoded)
	entry := {"resource": resource, "path": ["user_data"], "text": text}
}

decoded(encoded) := text if {
	is_string(encoded)
	base64.is_valid(encoded)
	text := base64.decode(encoded)
}

# Every user data attribute whose value is unknown statically (a data source such as
# `cloudinit_config`, a template file outside the scanned path, a variable without default):
# {"resource", "path"}. In a plan, one the provider computes because the configuration leaves
# it out is not user data.
unknown_scripts contains entry if {
	some type, attributes in user_data_attributes
	some resource in tf.resources(type)
	some attribute in attributes
	tf.unknown(resource, [attribute])
	not tf.provider_computed(resource, [attribute])
	entry := {"resource": resource, "path": [attribute]}
}

user_data_attributes := {
	"aws_instance": ["user_data", "user_data_base64"],
	"aws_launch_configuration": ["user_data", "user_data_base64"],
	"aws_launch_template": ["user_data"],
}
