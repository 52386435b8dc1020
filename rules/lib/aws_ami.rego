# What tenet can tell about the AMI an EC2 instance or launch template boots: whether it is
# Amazon Linux 2023, whose AMIs are registered with `ImdsSupport: v2.0` (instances launched
# from them require IMDSv2 unless `metadata_options` says otherwise).
package tenet.lib.aws_ami

import rego.v1

# Data sources by address (unique in a Terraform document), so a lookup is O(1).
data_sources := {r.address: r |
	some r in input.resources
	r.mode == "data"
}

# Where an image is chosen on each resource type.
image_attribute := {
	"aws_instance": "ami",
	"aws_launch_template": "image_id",
	"aws_launch_configuration": "image_id",
}

# True when `resource` boots an Amazon Linux 2023 AMI: the image is a literal or
# `resolve:ssm:` path naming one, or it comes from a `data "aws_ssm_parameter"` under
# `/aws/service/ami-amazon-linux-latest/al2023-…`, or from a `data "aws_ami"` whose
# `name_regex` or `name` filter selects `al2023-ami-…`.
amazon_linux_2023(resource) if {
	value := resource.attributes[image_attribute[resource.type]]
	is_string(value)
	al2023_name(value)
}

amazon_linux_2023(resource) if {
	some address in object.get(resource, ["references", image_attribute[resource.type]], [])
	source := data_sources[address]
	al2023_source(source)
}

al2023_name(text) if contains(text, "/aws/service/ami-amazon-linux-latest/al2023-ami")

al2023_name(text) if regex.match(`(^|/)al2023-ami-`, text)

al2023_source(source) if {
	source.type == "aws_ssm_parameter"
	al2023_name(source.attributes.name)
}

al2023_source(source) if {
	source.type == "aws_ami"
	regex.match(`^\^?al2023-ami`, source.attributes.name_regex)
}

al2023_source(source) if {
	source.type == "aws_ami"
	some filter in source.attributes.filter
	filter.name == "name"
	some value in filter.values
	startswith(value, "al2023-ami")
}
