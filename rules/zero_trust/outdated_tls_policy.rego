# METADATA
# title: TLS older than 1.2 accepted
# description: |
#   TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on weak hash constructions and
#   cipher suites, and accepting them lets an attacker downgrade clients that still offer them.
#   Zero trust requires every connection to be secured with current cryptography. Fires on:
#
#   - `aws_lb_listener` and `aws_alb_listener` with `protocol` `HTTPS` or `TLS` whose
#     `ssl_policy` accepts TLS 1.0 or 1.1: `ELBSecurityPolicy-2015-05`,
#     `ELBSecurityPolicy-2016-08`, `ELBSecurityPolicy-FS-2018-06`, and the
#     `ELBSecurityPolicy-TLS-1-0-*`, `ELBSecurityPolicy-TLS-1-1-*`, `ELBSecurityPolicy-FS-1-1-*`,
#     `ELBSecurityPolicy-TLS13-1-0-*` and `ELBSecurityPolicy-TLS13-1-1-*` families. A missing
#     `ssl_policy` fires too: the provider then applies `ELBSecurityPolicy-2016-08`;
#   - `aws_cloudfront_distribution` whose `viewer_certificate` uses a custom certificate
#     (`acm_certificate_arn` or `iam_certificate_id`) with `minimum_protocol_version` below
#     `TLSv1.2_2019` (`SSLv3`, `TLSv1`, `TLSv1_2016`, `TLSv1.1_2016`, and `TLSv1.2_2018`,
#     which the catalog also counts as outdated for its cipher suites) or missing (the default
#     is `TLSv1`), or that sets `cloudfront_default_certificate = true`: the default
#     `*.cloudfront.net` certificate always accepts TLSv1, whatever `minimum_protocol_version`
#     says, and only a custom certificate can raise it;
#   - `azurerm_storage_account` with `min_tls_version` `TLS1_0` or `TLS1_1` set explicitly
#     (the default was `TLS1_0` in provider 2.x and is `TLS1_2` since 3.0, so a missing value
#     is not judged).
#
#   The finding points at the policy or version attribute, or at the resource or block where
#   it is missing. Does not fire on HTTP, TCP or UDP listeners (ZT004 judges plaintext), on
#   policies with a TLS 1.2 minimum (`ELBSecurityPolicy-TLS13-1-2-*`,
#   `ELBSecurityPolicy-TLS-1-2-*`, `ELBSecurityPolicy-FS-1-2-*`), or on values that are unknown
#   statically (a variable without default): an unknown policy of a TLS listener, an unknown
#   protocol of a listener whose policy is outdated, missing or unknown, an unknown
#   `cloudfront_default_certificate` or `minimum_protocol_version`, and an unknown
#   `min_tls_version` are listed as undecided instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
#     description: Security policies for Application Load Balancers (protocols of each policy)
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener
#     description: Terraform AWS provider, aws_lb_listener (ssl_policy defaults to ELBSecurityPolicy-2016-08)
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
#     description: CloudFront, supported protocols and ciphers between viewers and CloudFront
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution
#     description: Terraform AWS provider, aws_cloudfront_distribution (minimum_protocol_version defaults to TLSv1)
#   - ref: https://learn.microsoft.com/en-us/azure/storage/common/transport-layer-security-configure-minimum-version
#     description: Azure Storage, enforce a minimum TLS version
#   - ref: https://www.rfc-editor.org/rfc/rfc8996
#     description: RFC 8996, Deprecating TLS 1.0 and TLS 1.1
# custom:
#   id: ZT005
#   severity: medium
#   pillar: zero_trust
#   layer: 5
#   controls: [SC-8, SC-13]
#   tenets: [2]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Choose a policy with a TLS 1.2 minimum (TLS 1.3 preferred):
#
#     ```hcl
#     resource "aws_lb_listener" "https" {
#       load_balancer_arn = aws_lb.web.arn
#       port              = 443
#       protocol          = "HTTPS"
#       ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
#       certificate_arn   = aws_acm_certificate.web.arn
#
#       default_action {
#         type             = "forward"
#         target_group_arn = aws_lb_target_group.web.arn
#       }
#     }
#     ```
#
#     On CloudFront use a custom certificate with `minimum_protocol_version = "TLSv1.2_2021"`;
#     on Azure Storage set `min_tls_version = "TLS1_2"`.
package tenet.zero_trust.outdated_tls_policy

import data.tenet.lib.aws_encryption as enc
import data.tenet.lib.terraform as tf
import rego.v1

# --- Elastic Load Balancing v2 ----------------------------------------------------------------

outdated_policies := {"ELBSecurityPolicy-2015-05", "ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-FS-2018-06"}

outdated_policy_prefixes := [
	"ELBSecurityPolicy-TLS-1-0-",
	"ELBSecurityPolicy-TLS-1-1-",
	"ELBSecurityPolicy-FS-1-1-",
	"ELBSecurityPolicy-TLS13-1-0-",
	"ELBSecurityPolicy-TLS13-1-1-",
]

outdated_policy(name) if name in outdated_policies

outdated_policy(name) if {
	some prefix in outdated_policy_prefixes
	startswith(name, prefix)
}

default_ssl_policy := "ELBSecurityPolicy-2016-08"

tls_listener(resource) if {
	protocol := resource.attributes.protocol
	is_string(protocol)
	upper(protocol) in {"HTTPS", "TLS"}
}

deny contains finding if {
	some type in ["aws_lb_listener", "aws_alb_listener"]
	some resource in tf.resources(type)
	tls_listener(resource)
	policy := resource.attributes.ssl_policy
	is_string(policy)
	outdated_policy(trim_space(policy))
	finding := {
		"resource": resource.address,
		"path": ["ssl_policy"],
		"message": sprintf(
			"%s %q uses the security policy %s, which accepts TLS older than 1.2: choose an ELBSecurityPolicy-TLS13-1-2-* policy",
			[type, resource.name, policy],
		),
	}
}

deny contains finding if {
	some type in ["aws_lb_listener", "aws_alb_listener"]
	some resource in tf.resources(type)
	tls_listener(resource)
	tf.unset(resource, ["ssl_policy"])
	finding := {
		"resource": resource.address,
		"path": ["ssl_policy"],
		"message": sprintf(
			"%s %q sets no `ssl_policy`, so it gets %s, which accepts TLS 1.0 and 1.1: choose an ELBSecurityPolicy-TLS13-1-2-* policy",
			[type, resource.name, default_ssl_policy],
		),
	}
}

# Undecided: a TLS listener whose policy is unknown, and a listener whose protocol is unknown
# with a policy that is outdated, missing or unknown. (In a plan, a protocol the provider
# computes because the configuration leaves it out is HTTP or TCP, never TLS.)

undecided contains tf.undecided(resource, ["ssl_policy"], message) if {
	some type in listener_types
	some resource in tf.resources(type)
	tls_listener(resource)
	tf.unknown(resource, ["ssl_policy"])
	message := "`ssl_policy` is unknown, so whether the listener accepts TLS older than 1.2 cannot be decided"
}

undecided contains tf.undecided(resource, ["protocol"], message) if {
	some type in listener_types
	some resource in tf.resources(type)
	tf.unknown(resource, ["protocol"])
	not tf.provider_computed(resource, ["protocol"])
	maybe_outdated_policy(resource)
	message := sprintf("%s, so whether the listener uses TLS with %s cannot be decided", [
		enc.unknowns_text(array.concat([["protocol"]], [["ssl_policy"] | tf.unknown(resource, ["ssl_policy"])])),
		policy_text(resource),
	])
}

listener_types := ["aws_lb_listener", "aws_alb_listener"]

maybe_outdated_policy(resource) if tf.unset(resource, ["ssl_policy"])

maybe_outdated_policy(resource) if tf.unknown(resource, ["ssl_policy"])

maybe_outdated_policy(resource) if {
	policy := resource.attributes.ssl_policy
	is_string(policy)
	outdated_policy(trim_space(policy))
}

policy_text(resource) := sprintf("no `ssl_policy` (%s, which accepts TLS 1.0 and 1.1)", [default_ssl_policy]) if {
	tf.unset(resource, ["ssl_policy"])
}

policy_text(resource) := "an unknown security policy" if tf.unknown(resource, ["ssl_policy"])

policy_text(resource) := sprintf("the security policy %s, which accepts TLS older than 1.2", [resource.attributes.ssl_policy]) if {
	is_string(resource.attributes.ssl_policy)
}


# --- CloudFront -------------------------------------------------------------------------------

outdated_cloudfront_versions := {"SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016", "TLSv1.2_2018"}

custom_certificate(resource, i) if {
	some key in ["acm_certificate_arn", "iam_certificate_id"]
	value := object.get(resource.attributes.viewer_certificate[i], key, null)
	is_string(value)
}

# A custom certificate known to be used (an unknown ARN is still a certificate).
custom_certificate(resource, i) if {
	some key in ["acm_certificate_arn", "iam_certificate_id"]
	tf.unknown(resource, ["viewer_certificate", i, key])
}

deny contains finding if {
	some resource in tf.resources("aws_cloudfront_distribution")
	some i, _ in tf.list_or_empty(resource, ["viewer_certificate"])
	custom_certificate(resource, i)
	not default_certificate(resource, i)
	not tf.unknown(resource, ["viewer_certificate", i, "cloudfront_default_certificate"])
	version := tf.value_or_default(resource, ["viewer_certificate", i, "minimum_protocol_version"], "TLSv1")
	version in outdated_cloudfront_versions
	finding := {
		"resource": resource.address,
		"path": ["viewer_certificate", i, "minimum_protocol_version"],
		"message": sprintf(
			"aws_cloudfront_distribution %q %s: viewers can connect with TLS older than TLSv1.2_2019; set minimum_protocol_version = \"TLSv1.2_2021\"",
			[resource.name, version_text(resource, i, version)],
		),
	}
}

version_text(resource, i, version) := sprintf("accepts %s (the default minimum_protocol_version)", [version]) if {
	tf.unset(resource, ["viewer_certificate", i, "minimum_protocol_version"])
}

version_text(resource, i, version) := sprintf("sets minimum_protocol_version = %q", [version]) if {
	not tf.unset(resource, ["viewer_certificate", i, "minimum_protocol_version"])
}

default_certificate(resource, i) if {
	resource.attributes.viewer_certificate[i].cloudfront_default_certificate in {true, "true"}
}

deny contains finding if {
	some resource in tf.resources("aws_cloudfront_distribution")
	some i, _ in tf.list_or_empty(resource, ["viewer_certificate"])
	default_certificate(resource, i)
	finding := {
		"resource": resource.address,
		"path": ["viewer_certificate", i, "cloudfront_default_certificate"],
		"message": sprintf(
			"aws_cloudfront_distribution %q uses the default *.cloudfront.net certificate, which always accepts TLSv1: a custom certificate (acm_certificate_arn) is needed to require TLS 1.2",
			[resource.name],
		),
	}
}

# Undecided: `viewer_certificate` unknown as a whole, `cloudfront_default_certificate` unknown
# (true would always accept TLSv1), or a custom certificate with an unknown
# `minimum_protocol_version`.

cloudfront_tls_question := "whether viewers can connect with TLS older than TLSv1.2_2019 cannot be decided"

undecided contains tf.undecided(resource, ["viewer_certificate"], message) if {
	some resource in tf.resources("aws_cloudfront_distribution")
	tf.unknown(resource, ["viewer_certificate"])
	object.get(resource.attributes, "viewer_certificate", null) == null
	not tf.provider_computed(resource, ["viewer_certificate"])
	message := sprintf("`viewer_certificate` is unknown, so %s", [cloudfront_tls_question])
}

undecided contains tf.undecided(resource, path, message) if {
	some resource in tf.resources("aws_cloudfront_distribution")
	some i, certificate in tf.list_or_empty(resource, ["viewer_certificate"])
	is_object(certificate)
	path := ["viewer_certificate", i, "cloudfront_default_certificate"]
	tf.unknown(resource, path)
	version_path := ["viewer_certificate", i, "minimum_protocol_version"]
	unknowns := array.concat([path], [version_path | tf.unknown(resource, version_path); custom_certificate(resource, i)])
	message := sprintf("%s, so %s (the default certificate always accepts TLSv1)", [enc.unknowns_text(unknowns), cloudfront_tls_question])
}

undecided contains tf.undecided(resource, path, message) if {
	some resource in tf.resources("aws_cloudfront_distribution")
	some i, certificate in tf.list_or_empty(resource, ["viewer_certificate"])
	is_object(certificate)
	custom_certificate(resource, i)
	not default_certificate(resource, i)
	not tf.unknown(resource, ["viewer_certificate", i, "cloudfront_default_certificate"])
	path := ["viewer_certificate", i, "minimum_protocol_version"]
	tf.unknown(resource, path)
	message := sprintf("`%s` is unknown, so %s", [tf.display_path(path), cloudfront_tls_question])
}

# --- Azure Storage ---------------------------------------------------------------------------

deny contains finding if {
	some resource in tf.resources("azurerm_storage_account")
	version := resource.attributes.min_tls_version
	is_string(version)
	upper(trim_space(version)) in {"TLS1_0", "TLS1_1"}
	finding := {
		"resource": resource.address,
		"path": ["min_tls_version"],
		"message": sprintf(
			"azurerm_storage_account %q sets min_tls_version = %q: clients can connect with TLS older than 1.2",
			[resource.name, version],
		),
	}
}

undecided contains tf.undecided(resource, ["min_tls_version"], message) if {
	some resource in tf.resources("azurerm_storage_account")
	tf.unknown(resource, ["min_tls_version"])
	not tf.provider_computed(resource, ["min_tls_version"])
	message := "`min_tls_version` is unknown, so whether clients can connect with TLS older than 1.2 cannot be decided"
}
