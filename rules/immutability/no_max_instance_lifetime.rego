# METADATA
# title: Servers are never replaced
# description: |
#   Servers that live forever accumulate drift: manual fixes, leftover files, configuration
#   from before the last change to the code. A maximum instance lifetime makes the Auto
#   Scaling group replace every instance on a schedule (the phoenix pattern), so each server
#   is rebuilt from the current launch template, and proves that replacement works. Fires on
#   an `aws_autoscaling_group` without `max_instance_lifetime` (or with `0`, which means no
#   maximum), or with a lifetime above the configured maximum: one week (604,800 s) unless
#   `tenet.toml` sets `[immutability] max-instance-lifetime-days`.
#
#   When the lifetime is unknown statically, the check is reported as undecided instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-max-instance-lifetime.html
#     description: EC2 Auto Scaling, replace instances based on maximum instance lifetime
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/autoscaling_group#max_instance_lifetime
# custom:
#   id: IM006
#   severity: low
#   pillar: immutability
#   layer: 3
#   controls: [SI-14, CM-2]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Replace instances at least weekly (the value is in seconds, 86,400 to 31,536,000):
#
#     ```hcl
#     resource "aws_autoscaling_group" "web" {
#       max_instance_lifetime = 604800 # one week
#       # ...
#     }
#     ```
package tenet.immutability.no_max_instance_lifetime

import data.tenet.lib.terraform as tf
import rego.v1

# The longest lifetime accepted, in seconds (tenet.toml can lower or raise it).
max_lifetime := configured_days * 86400

default configured_days := 7

configured_days := days if {
	days := data.tenet.config.immutability.max_instance_lifetime_days
	is_number(days)
	days > 0
}

deny contains finding if {
	some group in tf.resources("aws_autoscaling_group")
	tf.value_or_default(group, ["max_instance_lifetime"], 0) == 0
	finding := {
		"resource": group.address,
		"path": path_or_resource(group),
		"message": sprintf("aws_autoscaling_group %q sets no `max_instance_lifetime`: its instances are never replaced", [group.name]),
	}
}

deny contains finding if {
	some group in tf.resources("aws_autoscaling_group")
	lifetime := group.attributes.max_instance_lifetime
	is_number(lifetime)
	lifetime > max_lifetime
	finding := {
		"resource": group.address,
		"path": ["max_instance_lifetime"],
		"message": sprintf("aws_autoscaling_group %q keeps instances for up to %d days, longer than the %d-day maximum", [group.name, floor(lifetime / 86400), floor(max_lifetime / 86400)]),
	}
}

undecided contains tf.undecided(group, ["max_instance_lifetime"], why) if {
	some group in tf.resources("aws_autoscaling_group")
	tf.unknown(group, ["max_instance_lifetime"])
	why := sprintf("`max_instance_lifetime` of aws_autoscaling_group %q is not known statically: whether its instances are replaced within %d days cannot be decided", [group.name, floor(max_lifetime / 86400)])
}

path_or_resource(group) := ["max_instance_lifetime"] if group.attributes.max_instance_lifetime == 0

path_or_resource(group) := [] if tf.unset(group, ["max_instance_lifetime"])
