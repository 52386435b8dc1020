# METADATA
# title: Application reachable over plaintext HTTP
# description: |
#   Traffic that reaches an application unencrypted can be read and altered by anyone on the
#   path: credentials, session cookies and data. Zero trust secures every communication
#   regardless of network location, so an entry point accepts only TLS, or answers plaintext
#   requests with nothing but a redirect to HTTPS. Fires on:
#
#   - `aws_lb_listener` and `aws_alb_listener` with `protocol = "HTTP"` whose default action
#     is not a redirect to HTTPS (a `redirect` action with `protocol = "HTTPS"`). A listener
#     without `protocol` is judged only when its `load_balancer_arn` refers to an `aws_lb` or
#     `aws_alb` of type `application` (the `load_balancer_type` default), where the protocol
#     defaults to HTTP; on a network or unknown load balancer a missing protocol is not judged;
#   - `aws_cloudfront_distribution` whose `default_cache_behavior` or any
#     `ordered_cache_behavior` has `viewer_protocol_policy = "allow-all"`;
#   - `aws_elb` (Classic Load Balancer) that is internet-facing (`internal` missing or
#     false, the default) with a `listener` whose `lb_protocol` is `HTTP` or `TCP`;
#   - Kubernetes `Ingress` objects without `spec.tls` (or with an empty list), unless a
#     controller annotation attaches a certificate instead
#     (`alb.ingress.kubernetes.io/certificate-arn`, `networking.gke.io/managed-certificates`,
#     `ingress.gcp.kubernetes.io/pre-shared-cert`).
#
#   Internal load balancers are reported too (except Classic ones, as the catalog asks):
#   plaintext inside the network is still plaintext. Does not fire on HTTPS, TLS or UDP
#   listeners, on HTTP listeners that only redirect to HTTPS, on CloudFront behaviours with
#   `redirect-to-https` or `https-only`, or on values that are unknown statically (a variable
#   without default, a `dynamic` block over one). Listener rules (`aws_lb_listener_rule`) are
#   not read: an HTTP listener that forwards anything by default is reported.
# related_resources:
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener
#     description: Terraform AWS provider, aws_lb_listener (protocol defaults to HTTP on Application Load Balancers)
#   - ref: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html
#     description: Elastic Load Balancing, listeners for Application Load Balancers
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html
#     description: Amazon CloudFront, requiring HTTPS between viewers and CloudFront
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elb
#     description: Terraform AWS provider, aws_elb (internal defaults to false)
#   - ref: https://kubernetes.io/docs/concepts/services-networking/ingress/#tls
#     description: Kubernetes Ingress, TLS
#   - ref: https://csrc.nist.gov/pubs/sp/800/207/final
#     description: NIST SP 800-207, Zero Trust Architecture
# custom:
#   id: ZT004
#   severity: high
#   pillar: zero_trust
#   layer: 5
#   controls: [SC-8, SC-8(1)]
#   tenets: [2]
#   targets: [terraform, terraform-plan, kubernetes]
#   remediation: |
#     Serve the application over HTTPS and let the HTTP listener only redirect:
#
#     ```hcl
#     resource "aws_lb_listener" "http" {
#       load_balancer_arn = aws_lb.web.arn
#       port              = 80
#       protocol          = "HTTP"
#
#       default_action {
#         type = "redirect"
#         redirect {
#           port        = "443"
#           protocol    = "HTTPS"
#           status_code = "HTTP_301"
#         }
#       }
#     }
#     ```
#
#     Set `viewer_protocol_policy = "redirect-to-https"` on CloudFront behaviours, and give
#     every Ingress a `spec.tls` section with the certificate's secret:
#
#     ```yaml
#     spec:
#       tls:
#         - hosts: [shop.example.com]
#           secretName: shop-example-com-tls
#     ```
package tenet.zero_trust.plaintext_listener

import data.tenet.lib.terraform as tf
import rego.v1

# --- Elastic Load Balancing v2 ----------------------------------------------------------------

listener_types := ["aws_lb_listener", "aws_alb_listener"]

load_balancer_types := ["aws_lb", "aws_alb"]

# The load balancers of the document, by address (one scan per type).
load_balancers := {lb.address: lb |
	some type in load_balancer_types
	some lb in tf.resources(type)
}

deny contains finding if {
	some type in listener_types
	some resource in tf.resources(type)
	http_listener(resource)
	not redirects_to_https(resource)
	finding := {
		"resource": resource.address,
		"path": ["protocol"],
		"message": sprintf(
			"%s %q accepts plaintext HTTP%s and does not redirect it to HTTPS: serve HTTPS, and only redirect on HTTP",
			[type, resource.name, port_text(resource)],
		),
	}
}

http_listener(resource) if {
	protocol := resource.attributes.protocol
	is_string(protocol)
	upper(protocol) == "HTTP"
}

# Missing protocol: HTTP on an Application Load Balancer.
http_listener(resource) if {
	tf.unset(resource, ["protocol"])
	some address in object.get(resource, ["references", "load_balancer_arn"], [])
	lb := load_balancers[address]
	lower(tf.value_or_default(lb, ["load_balancer_type"], "application")) == "application"
}

# Any default action that is a redirect to HTTPS; an unknown action list counts as one (it is
# not judged).
redirects_to_https(resource) if {
	some i, action in tf.list_or_empty(resource, ["default_action"])
	is_object(action)
	action.type == "redirect"
	some j, _ in tf.list_or_empty(resource, ["default_action", i, "redirect"])
	not plain_redirect(resource, ["default_action", i, "redirect", j, "protocol"])
}

redirects_to_https(resource) if tf.unknown(resource, ["default_action"])

redirects_to_https(resource) if {
	some i, action in tf.list_or_empty(resource, ["default_action"])
	is_object(action)
	tf.unknown(resource, ["default_action", i, "type"])
}

# The redirect keeps the request's protocol (`#{protocol}`, the default) or names HTTP.
plain_redirect(resource, path) if upper(tf.value_or_default(resource, path, "#{protocol}")) != "HTTPS"

port_text(resource) := sprintf(" on port %v", [resource.attributes.port]) if resource.attributes.port != null

port_text(resource) := "" if object.get(resource.attributes, "port", null) == null

# --- CloudFront -------------------------------------------------------------------------------

deny contains finding if {
	some resource in tf.resources("aws_cloudfront_distribution")
	some block in ["default_cache_behavior", "ordered_cache_behavior"]
	some i, _ in tf.list_or_empty(resource, [block])
	policy := resource.attributes[block][i].viewer_protocol_policy
	is_string(policy)
	lower(policy) == "allow-all"
	finding := {
		"resource": resource.address,
		"path": [block, i, "viewer_protocol_policy"],
		"message": sprintf(
			"aws_cloudfront_distribution %q serves %s over plaintext HTTP (`viewer_protocol_policy = \"allow-all\"`): use redirect-to-https or https-only",
			[resource.name, behavior_name(resource, block, i)],
		),
	}
}

behavior_name(_, "default_cache_behavior", _) := "its default cache behaviour"

behavior_name(resource, "ordered_cache_behavior", i) := sprintf("the cache behaviour for %q", [pattern]) if {
	pattern := resource.attributes.ordered_cache_behavior[i].path_pattern
	is_string(pattern)
}

behavior_name(resource, "ordered_cache_behavior", i) := sprintf("cache behaviour #%d", [i]) if {
	not is_string(resource.attributes.ordered_cache_behavior[i].path_pattern)
}

# --- Classic Load Balancer --------------------------------------------------------------------

deny contains finding if {
	some resource in tf.resources("aws_elb")
	tf.value_or_default(resource, ["internal"], false) in {false, "false"}
	some i, listener in tf.list_or_empty(resource, ["listener"])
	is_object(listener)
	is_string(listener.lb_protocol)
	upper(listener.lb_protocol) in {"HTTP", "TCP"}
	finding := {
		"resource": resource.address,
		"path": ["listener", i, "lb_protocol"],
		"message": sprintf(
			"aws_elb %q is internet-facing and accepts plaintext %s on port %v: use HTTPS or SSL listeners",
			[resource.name, upper(listener.lb_protocol), object.get(listener, "lb_port", "?")],
		),
	}
}

# --- Kubernetes Ingress -----------------------------------------------------------------------

certificate_annotations := {
	"alb.ingress.kubernetes.io/certificate-arn",
	"networking.gke.io/managed-certificates",
	"ingress.gcp.kubernetes.io/pre-shared-cert",
}

deny contains finding if {
	input.kind == "kubernetes"
	some resource in input.resources
	resource.type == "Ingress"
	not has_tls(resource)
	not certificate_annotation(resource)
	finding := {
		"resource": resource.address,
		"path": ["spec", "tls"],
		"message": sprintf(
			"Ingress %q has no `spec.tls`: its hosts are served over plaintext HTTP",
			[resource.name],
		),
	}
}

has_tls(resource) if {
	tls := resource.attributes.spec.tls
	is_array(tls)
	count(tls) > 0
}

certificate_annotation(resource) if {
	some key, value in resource.attributes.metadata.annotations
	key in certificate_annotations
	is_string(value)
	trim_space(value) != ""
}
