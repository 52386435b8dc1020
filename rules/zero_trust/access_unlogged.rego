# METADATA
# title: Access at an entry point is not logged
# description: |
#   Load balancers, CDNs, API gateways and the Kubernetes API are where requests and
#   authentications enter a system. Without access or audit logs, nobody can tell afterwards
#   who called what, from where, and whether a credential was abused; zero trust bases each
#   access decision, and its review, on that record. Fires on:
#
#   - `aws_lb` and `aws_alb` without an `access_logs` block (reported on the resource), or
#     whose `access_logs.enabled` is `false` or missing (the provider default is `false`, even
#     when `bucket` is set). Gateway load balancers (`load_balancer_type = "gateway"`) have no
#     access logs and are not reported;
#   - `aws_cloudfront_distribution` without a `logging_config` block (standard logging, legacy)
#     and without an `aws_cloudwatch_log_delivery_source` whose `resource_arn` refers to it
#     (standard logging v2) in the same configuration;
#   - `aws_eks_cluster` whose `enabled_cluster_log_types` lacks `audit` or `authenticator`
#     (no control plane log type is enabled by default);
#   - `aws_api_gateway_stage` and `aws_apigatewayv2_stage` without `access_log_settings`.
#
#   Unknown values are never judged: an `enabled` flag, a log type list or a block that depends
#   on a variable without default, a `load_balancer_type`, and a distribution when some
#   `aws_cloudwatch_log_delivery_source` in the configuration has a `resource_arn` that is
#   unknown and refers to no resource (it may be this distribution). Each is listed as
#   undecided instead when the entry point would be reported if the value were the unsafe one.
# related_resources:
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#access_logs
#     description: Terraform AWS provider, aws_lb access_logs
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
#     description: Amazon CloudFront, standard logging (v2)
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_delivery_source
#     description: Terraform AWS provider, aws_cloudwatch_log_delivery_source
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
#     description: Amazon EKS, control plane logging
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_stage#access_log_settings
#     description: Terraform AWS provider, aws_api_gateway_stage access_log_settings
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/apigatewayv2_stage#access_log_settings
#     description: Terraform AWS provider, aws_apigatewayv2_stage access_log_settings
# custom:
#   id: ZT011
#   severity: medium
#   pillar: zero_trust
#   layer: 5
#   controls: [AU-2, AU-12]
#   tenets: [7]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Turn on access logging at each entry point, and the audit and authenticator logs of the
#     EKS control plane:
#
#     ```hcl
#     resource "aws_lb" "web" {
#       name               = "web"
#       load_balancer_type = "application"
#       subnets            = var.public_subnet_ids
#
#       access_logs {
#         bucket  = aws_s3_bucket.lb_logs.id
#         prefix  = "web"
#         enabled = true
#       }
#     }
#
#     resource "aws_eks_cluster" "main" {
#       name                      = "main"
#       role_arn                  = aws_iam_role.cluster.arn
#       enabled_cluster_log_types = ["api", "audit", "authenticator"]
#
#       vpc_config {
#         subnet_ids = var.private_subnet_ids
#       }
#     }
#
#     resource "aws_apigatewayv2_stage" "prod" {
#       api_id      = aws_apigatewayv2_api.http.id
#       name        = "prod"
#       auto_deploy = true
#
#       access_log_settings {
#         destination_arn = aws_cloudwatch_log_group.api_access.arn
#         format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", status = "$context.status" })
#       }
#     }
#     ```
package tenet.zero_trust.access_unlogged

import data.tenet.lib.aws_encryption as enc
import data.tenet.lib.terraform as tf
import rego.v1

target_types := {
	"aws_lb", "aws_alb", "aws_cloudfront_distribution", "aws_cloudwatch_log_delivery_source",
	"aws_eks_cluster", "aws_api_gateway_stage", "aws_apigatewayv2_stage",
}

# The only pass over input.resources.
candidates := [r |
	some r in input.resources
	r.type in target_types
	tf.managed(r)
]

of_type(type) := [r | some r in candidates; r.type == type]

deny contains finding if {
	some issue in issues
	finding := {
		"resource": issue.resource.address,
		"path": issue.path,
		"message": sprintf("%s %q %s", [issue.resource.type, issue.resource.name, issue.reason]),
	}
}

# A block list that is written but empty (an empty `dynamic` block) counts as missing.
no_blocks(resource, path) if tf.unset(resource, path)

no_blocks(resource, path) if object.get(resource.attributes, path, null) == []

# aws_lb / aws_alb: access_logs

load_balancers := [r |
	some r in array.concat(of_type("aws_lb"), of_type("aws_alb"))
	enc.upper_or_default(r, ["load_balancer_type"], "APPLICATION") != "GATEWAY"
]

lb_what := "requests reaching the load balancer (client address, path, TLS details) are not recorded"

issues contains {
	"resource": resource,
	"path": ["access_logs"],
	"reason": sprintf("has no `access_logs` block: %s", [lb_what]),
} if {
	some resource in load_balancers
	no_blocks(resource, ["access_logs"])
}

issues contains {
	"resource": resource,
	"path": path,
	"reason": sprintf("%s: %s", [lb_reason(resource, path), lb_what]),
} if {
	some resource in load_balancers
	some i, block in enc.blocks(resource, ["access_logs"])
	is_object(block)
	path := ["access_logs", i, "enabled"]
	enc.bool_or_default(resource, path, false) == false
}

lb_reason(resource, path) := "does not set `access_logs.enabled` (the default is false, even with a bucket)" if tf.unset(resource, path)

lb_reason(resource, path) := "sets `access_logs.enabled` to false" if not tf.unset(resource, path)

# aws_cloudfront_distribution: logging_config, or a standard logging v2 delivery source.

delivery_sources := of_type("aws_cloudwatch_log_delivery_source")

# Addresses that delivery sources name in `resource_arn`.
logged_addresses := enc.reference_index({address |
	some source in delivery_sources
	some address in enc.referenced_addresses(source, "resource_arn")
})

# A delivery source whose target cannot be known: it may log any distribution.
unknown_delivery_source if {
	some source in delivery_sources
	tf.unknown(source, ["resource_arn"])
	count(enc.referenced_addresses(source, "resource_arn")) == 0
}

issues contains {
	"resource": resource,
	"path": ["logging_config"],
	"reason": "has no `logging_config` and no CloudWatch log delivery source: viewer requests are not recorded",
} if {
	some resource in of_type("aws_cloudfront_distribution")
	no_blocks(resource, ["logging_config"])
	not enc.referenced_in(resource.address, logged_addresses)
	not unknown_delivery_source
}

# aws_eks_cluster: enabled_cluster_log_types must include audit and authenticator.

required_eks_logs := ["audit", "authenticator"]

issues contains {
	"resource": resource,
	"path": ["enabled_cluster_log_types"],
	"reason": sprintf("%s: %s", [eks_reason(resource, missing), "calls to the Kubernetes API and the identities that authenticated are not recorded"]),
} if {
	some resource in of_type("aws_eks_cluster")
	types := tf.list_or_empty(resource, ["enabled_cluster_log_types"])
	not null in types
	enabled := {lower(t) | some t in types; is_string(t)}
	missing := [t | some t in required_eks_logs; not t in enabled]
	count(missing) > 0
}

eks_reason(resource, _) := "does not set `enabled_cluster_log_types` (no control plane logs by default)" if {
	tf.unset(resource, ["enabled_cluster_log_types"])
}

eks_reason(resource, missing) := sprintf("`enabled_cluster_log_types` lacks %s", [concat(" and ", [sprintf("%q", [t]) | some t in missing])]) if {
	not tf.unset(resource, ["enabled_cluster_log_types"])
}

# aws_api_gateway_stage / aws_apigatewayv2_stage: access_log_settings

issues contains {
	"resource": resource,
	"path": ["access_log_settings"],
	"reason": "has no `access_log_settings`: API calls and their callers are not recorded",
} if {
	some resource in array.concat(of_type("aws_api_gateway_stage"), of_type("aws_apigatewayv2_stage"))
	no_blocks(resource, ["access_log_settings"])
}

# --- undecided ---------------------------------------------------------------------------------

# A load balancer whose type is unknown (a gateway load balancer has no access logs) and that
# would be reported otherwise.
undecided contains tf.undecided(resource, ["load_balancer_type"], message) if {
	some resource in array.concat(of_type("aws_lb"), of_type("aws_alb"))
	tf.unknown(resource, ["load_balancer_type"])
	maybe_unlogged_lb(resource)
	message := "`load_balancer_type` is unknown (a gateway load balancer has no access logs), so whether requests reaching the load balancer are recorded cannot be decided"
}

# Without access logs, or with an access log block that is not known to be enabled.
maybe_unlogged_lb(resource) if no_blocks(resource, ["access_logs"])

maybe_unlogged_lb(resource) if count(enc.unknown_blocks(resource, ["access_logs"])) > 0

maybe_unlogged_lb(resource) if {
	some i, block in enc.blocks(resource, ["access_logs"])
	is_object(block)
	not enc.bool_or_default(resource, ["access_logs", i, "enabled"], false) == true
}

# An `access_logs` block (or list) or an `enabled` flag that is unknown.
undecided contains tf.undecided(resource, path, message) if {
	some resource in load_balancers
	some path in array.concat(enc.unknown_blocks(resource, ["access_logs"]), [p |
		some i, block in enc.blocks(resource, ["access_logs"])
		is_object(block)
		p := ["access_logs", i, "enabled"]
		tf.unknown(resource, p)
	])
	message := sprintf("`%s` is unknown, so whether requests reaching the load balancer are recorded cannot be decided", [tf.display_path(path)])
}

# CloudFront: an unknown `logging_config`, or no logging at all while a delivery source's
# `resource_arn` is unknown and refers to no resource (it may name this distribution).
undecided contains tf.undecided(resource, path, message) if {
	some resource in of_type("aws_cloudfront_distribution")
	not enc.referenced_in(resource.address, logged_addresses)
	some path in enc.unknown_blocks(resource, ["logging_config"])
	message := sprintf("`%s` is unknown, so whether viewer requests are recorded cannot be decided", [tf.display_path(path)])
}

undecided contains tf.undecided(resource, ["logging_config"], message) if {
	unknown_delivery_source
	some resource in of_type("aws_cloudfront_distribution")
	no_blocks(resource, ["logging_config"])
	not enc.referenced_in(resource.address, logged_addresses)
	message := sprintf("the `resource_arn` of %s is unknown, so whether it records this distribution's viewer requests (it has no `logging_config`) cannot be decided", [concat(", ", unknown_delivery_sources)])
}

unknown_delivery_sources := sort([source.address |
	some source in delivery_sources
	tf.unknown(source, ["resource_arn"])
	count(enc.referenced_addresses(source, "resource_arn")) == 0
])

# EKS: an unknown list of log types, or unknown entries in a list whose known entries lack
# `audit` or `authenticator`.
undecided contains tf.undecided(resource, path, message) if {
	some resource in of_type("aws_eks_cluster")
	some path in eks_log_type_unknowns(resource)
	message := sprintf("`%s` is unknown, so whether the control plane's audit and authenticator logs are enabled cannot be decided", [tf.display_path(path)])
}

eks_log_type_unknowns(resource) := [["enabled_cluster_log_types"]] if {
	tf.unknown(resource, ["enabled_cluster_log_types"])
	not tf.provider_computed(resource, ["enabled_cluster_log_types"])
	object.get(resource.attributes, "enabled_cluster_log_types", null) == null
}

eks_log_type_unknowns(resource) := [unknowns[0]] if {
	types := tf.list_or_empty(resource, ["enabled_cluster_log_types"])
	enabled := {lower(t) | some t in types; is_string(t)}
	some t in required_eks_logs
	not t in enabled
	unknowns := enc.unknown_blocks(resource, ["enabled_cluster_log_types"])
	count(unknowns) > 0
}

# API Gateway stages: an unknown `access_log_settings`.
undecided contains tf.undecided(resource, path, message) if {
	some resource in array.concat(of_type("aws_api_gateway_stage"), of_type("aws_apigatewayv2_stage"))
	some path in enc.unknown_blocks(resource, ["access_log_settings"])
	message := sprintf("`%s` is unknown, so whether API calls and their callers are recorded cannot be decided", [tf.display_path(path)])
}
