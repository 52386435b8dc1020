# METADATA
# title: Instance metadata service accepts IMDSv1
# description: |
#   With IMDSv1, any process on the instance, or any request the instance can be tricked into
#   making (server-side request forgery through a proxy, a web application, a misconfigured
#   WAF), reads the instance role's credentials from `169.254.169.254` with one unauthenticated
#   GET. IMDSv2 requires a session token obtained with a PUT first, so that every metadata
#   session is authenticated. Fires on `aws_instance`, `aws_launch_template` and
#   `aws_launch_configuration` when:
#
#   - there is no `metadata_options` block (reported on the resource), or
#   - `metadata_options` has no `http_tokens` (reported on the block), or
#   - `metadata_options.http_tokens` is `"optional"` (reported on the value),
#
#   unless `metadata_options.http_endpoint` is `"disabled"` (no metadata service at all).
#
#   Defaults relied on: for `aws_launch_template` the provider documents `http_tokens`
#   as defaulting to `"optional"`, and the EC2 Auto Scaling API does the same for
#   `aws_launch_configuration`. For `aws_instance`, provider 4.x documented the same default;
#   versions 5 and 6 no longer name one because EC2 computes it: `"optional"` unless the AMI is
#   registered with `ImdsSupport = v2.0` or the account-level default
#   (`aws_ec2_instance_metadata_defaults`) requires tokens. A missing setting is therefore not
#   reported when the image is known to be Amazon Linux 2023, whose AMIs are registered with
#   `ImdsSupport = v2.0`: a literal or `resolve:ssm:` path naming `al2023-ami`, a
#   `data "aws_ssm_parameter"` under `/aws/service/ami-amazon-linux-latest/al2023-`, or a
#   `data "aws_ami"` whose `name_regex` or `name` filter selects `al2023-ami-`. Otherwise
#   (the account default is not visible in the code) a missing setting is reported, as for the
#   other two types; `"optional"` written explicitly is always reported. Set `http_tokens`
#   explicitly to state the intent. `http_endpoint` defaults to `"enabled"` for all three.
#
#   Does not fire when `http_tokens` or `http_endpoint` (or the whole block) is unknown
#   statically, for example set from a variable without default, or in a plan where the
#   provider computes it: the check is listed as undecided instead (not for a value EC2
#   computes on an Amazon Linux 2023 image, which requires tokens).
# related_resources:
#   - ref: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html
#     description: Amazon EC2, use IMDSv2
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#metadata-options
#     description: Terraform AWS provider, aws_instance metadata_options
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#metadata-options
#     description: Terraform AWS provider, aws_launch_template metadata_options
# custom:
#   id: ZT012
#   severity: high
#   pillar: zero_trust
#   layer: 3
#   controls: [AC-3, SC-7]
#   tenets: [3, 6]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Require session tokens (IMDSv2) in `metadata_options`, or disable the metadata endpoint
#     when the instance does not need it:
#
#     ```hcl
#     resource "aws_instance" "web" {
#       ami           = "ami-0123456789abcdef0"
#       instance_type = "t3.micro"
#
#       metadata_options {
#         http_endpoint               = "enabled"
#         http_tokens                 = "required"
#         http_put_response_hop_limit = 1
#       }
#     }
#     ```
package tenet.zero_trust.instance_metadata_v1

import data.tenet.lib.aws_ami
import data.tenet.lib.terraform as tf
import rego.v1

instance_types := {"aws_instance", "aws_launch_template", "aws_launch_configuration"}

candidates contains resource if {
	some resource in input.resources
	resource.type in instance_types
	tf.managed(resource)
}

# No metadata_options block at all (an empty dynamic block counts as none).
deny contains finding if {
	some resource in candidates
	no_metadata_options(resource)
	not aws_ami.amazon_linux_2023(resource)
	finding := {
		"resource": resource.address,
		"path": ["metadata_options"],
		"message": sprintf(
			"%s %q has no `metadata_options`: `http_tokens` defaults to \"optional\", so the metadata service answers IMDSv1 requests without a session token",
			[resource.type, resource.name],
		),
	}
}

# A metadata_options block that leaves http_tokens unset or sets it to "optional".
deny contains finding if {
	some resource in candidates
	some i, options in tf.list_or_empty(resource, ["metadata_options"])
	is_object(options)
	endpoint_enabled(resource, i)
	path := ["metadata_options", i, "http_tokens"]
	reason := tokens_problem(resource, path)
	finding := {
		"resource": resource.address,
		"path": path,
		"message": sprintf(
			"%s %q %s, so the metadata service answers IMDSv1 requests without a session token",
			[resource.type, resource.name, reason],
		),
	}
}

no_metadata_options(resource) if tf.unset(resource, ["metadata_options"])

no_metadata_options(resource) if resource.attributes.metadata_options == []

endpoint_enabled(resource, i) if {
	endpoint := tf.value_or_default(resource, ["metadata_options", i, "http_endpoint"], "enabled")
	endpoint != "disabled"
}

tokens_problem(resource, path) := "does not set `metadata_options.http_tokens` (the default is \"optional\")" if {
	tf.unset(resource, path)
	not aws_ami.amazon_linux_2023(resource)
}

tokens_problem(resource, path) := "sets `metadata_options.http_tokens` to \"optional\"" if {
	object.get(resource.attributes, path, null) == "optional"
}

# --- undecided ---------------------------------------------------------------------------------
#
# An unknown `metadata_options` block, `http_tokens` or `http_endpoint` that decides the check.
# In a plan, a value the provider computes is unknown too: EC2 chooses it from the image and
# the account default. An Amazon Linux 2023 image requires tokens, so a computed value there
# is not undecided (a variable may still hold "optional").

undecided contains tf.undecided(resource, path, message) if {
	some resource in candidates
	some path in block_unknowns(resource)
	not computed_on_amazon_linux_2023(resource, path)
	message := sprintf("`%s` is unknown, so whether the metadata service answers IMDSv1 requests without a session token cannot be decided", [tf.display_path(path)])
}

block_unknowns(resource) := array.concat(
	[["metadata_options"] |
		tf.unknown(resource, ["metadata_options"])
		object.get(resource.attributes, "metadata_options", null) == null
	],
	[["metadata_options", i] |
		some i, options in tf.list_or_empty(resource, ["metadata_options"])
		options == null
		tf.unknown(resource, ["metadata_options", i])
	],
)

undecided contains tf.undecided(resource, path, message) if {
	some resource in candidates
	some i, options in tf.list_or_empty(resource, ["metadata_options"])
	is_object(options)
	endpoint_maybe_enabled(resource, i)
	path := ["metadata_options", i, "http_tokens"]
	tf.unknown(resource, path)
	not computed_on_amazon_linux_2023(resource, path)
	message := sprintf("`%s` is unknown, so whether the metadata service answers IMDSv1 requests without a session token cannot be decided", [tf.display_path(path)])
}

undecided contains tf.undecided(resource, path, message) if {
	some resource in candidates
	some i, options in tf.list_or_empty(resource, ["metadata_options"])
	is_object(options)
	path := ["metadata_options", i, "http_endpoint"]
	tf.unknown(resource, path)
	reason := tokens_problem(resource, ["metadata_options", i, "http_tokens"])
	message := sprintf("`%s` is unknown and the resource %s, so whether the metadata service answers IMDSv1 requests without a session token cannot be decided", [tf.display_path(path), reason])
}

endpoint_maybe_enabled(resource, i) if endpoint_enabled(resource, i)

endpoint_maybe_enabled(resource, i) if tf.unknown(resource, ["metadata_options", i, "http_endpoint"])

computed_on_amazon_linux_2023(resource, path) if {
	tf.provider_computed(resource, path)
	aws_ami.amazon_linux_2023(resource)
}
