# METADATA
# title: Fleet follows a floating launch template version
# description: |
#   A launch template version of `$Latest` (or `$Default`) is not a reviewed configuration:
#   the next instance boots whatever version was created (or made the default) last, by
#   whoever could call `CreateLaunchTemplateVersion`, and the same code launches different
#   servers on different days. Naming a version number (usually
#   `aws_launch_template.x.latest_version`, which Terraform resolves at apply) ties each
#   launch to a version the plan shows. Fires on the `launch_template` of an
#   `aws_autoscaling_group` (also inside `mixed_instances_policy`), an `aws_instance` and an
#   `aws_eks_node_group` whose `version` is `$Latest` or `$Default`, or is missing where
#   the API then uses `$Default` (Auto Scaling groups and instances).
#
#   Does not fire on a version taken from a launch template (`latest_version` or
#   `default_version`, numbers known at apply). Any other version that is unknown statically
#   (a variable without default), or a `launch_template` block that is (a `dynamic` block over
#   an unknown collection), is reported as undecided instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_LaunchTemplateSpecification.html
#     description: EC2 Auto Scaling, LaunchTemplateSpecification (version defaults to $Default)
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_LaunchTemplateSpecification.html
#     description: EC2 RunInstances, LaunchTemplateSpecification
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/autoscaling_group#launch_template
# custom:
#   id: IM007
#   severity: low
#   pillar: immutability
#   layer: 3
#   controls: [CM-2, CM-3]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Launch a specific version, the one this plan creates:
#
#     ```hcl
#     resource "aws_autoscaling_group" "web" {
#       launch_template {
#         id      = aws_launch_template.web.id
#         version = aws_launch_template.web.latest_version
#       }
#       # ...
#     }
#     ```
package tenet.immutability.floating_launch_template_version

import data.tenet.lib.terraform as tf
import rego.v1

# Where each resource type names a launch template, and whether a missing version means
# `$Default` (the EKS provider requires `version`).
template_blocks := [
	{"type": "aws_autoscaling_group", "path": ["launch_template"], "default": true},
	{"type": "aws_autoscaling_group", "path": ["mixed_instances_policy", 0, "launch_template", 0, "launch_template_specification"], "default": true},
	{"type": "aws_instance", "path": ["launch_template"], "default": true},
	{"type": "aws_eks_node_group", "path": ["launch_template"], "default": false},
]

floating := {"$Latest", "$Default"}

# Every launch template a resource names: {"resource", "path" (to its `version`), "default"}.
templates contains entry if {
	some block in template_blocks
	some resource in tf.resources(block.type)
	some i, template in tf.list_or_empty(resource, block.path)
	is_object(template)
	entry := {
		"resource": resource,
		"path": array.concat(block.path, [i, "version"]),
		"default": block["default"],
	}
}

deny contains finding if {
	some entry in templates
	resource := entry.resource
	version := object.get(resource.attributes, entry.path, null)
	version in floating
	finding := {
		"resource": resource.address,
		"path": entry.path,
		"message": sprintf("%s %q launches launch template version %q: whatever version is newest (or made the default) boots, not a reviewed one", [resource.type, resource.name, version]),
	}
}

deny contains finding if {
	some entry in templates
	entry["default"]
	resource := entry.resource
	tf.unset(resource, entry.path)
	finding := {
		"resource": resource.address,
		"path": array.slice(entry.path, 0, count(entry.path) - 1),
		"message": sprintf("%s %q names a launch template without `version`, so `$Default` is launched: whatever version is made the default boots, not a reviewed one", [resource.type, resource.name]),
	}
}

# Undecided: the version is unknown statically and does not come from a launch template's
# `latest_version` or `default_version` (both numbers): a variable without default, say.
undecided contains tf.undecided(resource, entry.path, why) if {
	some entry in templates
	resource := entry.resource
	tf.unknown(resource, entry.path)
	not version_number(resource, entry.path)
	why := sprintf("the launch template `version` of %s %q is not known statically: whether it is `$Latest` or `$Default` cannot be decided", [resource.type, resource.name])
}

# Undecided: the `launch_template` block itself is unknown (a `dynamic` block over an unknown
# collection), so its version is too.
undecided contains tf.undecided(resource, block.path, why) if {
	some i, block in template_blocks
	some resource in tf.resources(block.type)
	unknown_block(resource, block)
	not unknown_block_before(resource, i)
	why := sprintf("the `%s` of %s %q is not known statically: whether it launches version `$Latest` or `$Default` cannot be decided", [tf.display_path(block.path), resource.type, resource.name])
}

unknown_block(resource, block) if {
	object.get(resource.attributes, block.path, null) == null
	tf.unknown(resource, block.path)
}

# One entry per resource: an Auto Scaling group uses either `launch_template` or
# `mixed_instances_policy`, so when both are unknown only the first is reported.
unknown_block_before(resource, i) if {
	some j, block in template_blocks
	j < i
	block.type == resource.type
	unknown_block(resource, block)
}

# The expression refers to launch templates only (their `latest_version` or
# `default_version`, or a variable a caller sets from one).
version_number(resource, path) if {
	addresses := object.get(resource, ["references", tf.display_path(path)], [])
	count(addresses) > 0
	every address in addresses {
		regex.match(`(^|\.)aws_launch_template\.`, address)
	}
}
