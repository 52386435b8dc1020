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
#   without default, a `dynamic` block over one, an Ingress `spec.tls` that is a template
#   placeholder): each unknown value that could make an entry point accept plaintext (a
#   protocol, a redirect's protocol, the type of the load balancer behind a listener without
#   `protocol`, a viewer protocol policy, `internal`) is listed as undecided instead. Listener
#   rules (`aws_lb_listener_rule`) are not read: an HTTP listener that forwards anything by
#   default is reported.
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

import data.tenet.lib.aws_encryption as enc
import data.tenet.lib.kubernetes as k8s
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

# Undecided: a listener that may accept HTTP (an unknown protocol, or a missing one on a load
# balancer whose type is unknown) without a known redirect to HTTPS, and an HTTP listener
# whose redirect is unknown.

undecided contains tf.undecided(resource, unknowns[0], message) if {
	some type in listener_types
	some resource in tf.resources(type)
	http_listener(resource)
	redirects_to_https(resource)
	not known_redirect_to_https(resource)
	unknowns := redirect_unknowns(resource)
	count(unknowns) > 0
	message := sprintf("%s, so whether the HTTP listener%s redirects to HTTPS cannot be decided", [enc.unknowns_text(unknowns), port_text(resource)])
}

undecided contains tf.undecided(resource, ["protocol"], message) if {
	some type in listener_types
	some resource in tf.resources(type)
	tf.unknown(resource, ["protocol"])
	not known_non_http_load_balancer(resource)
	not known_redirect_to_https(resource)
	unknowns := array.concat([["protocol"]], redirect_unknowns(resource))
	message := sprintf("%s, so whether the listener%s accepts plaintext HTTP without redirecting it to HTTPS cannot be decided", [enc.unknowns_text(unknowns), port_text(resource)])
}

undecided contains tf.undecided(resource, ["load_balancer_arn"], message) if {
	some type in listener_types
	some resource in tf.resources(type)
	tf.unset(resource, ["protocol"])
	load_balancer_unknown(resource)
	not known_redirect_to_https(resource)
	message := sprintf("the listener%s sets no `protocol` and the type of the load balancer in `load_balancer_arn` is unknown, so whether it defaults to plaintext HTTP (on an Application Load Balancer) cannot be decided", [port_text(resource)])
}

# A default action known to redirect to HTTPS.
known_redirect_to_https(resource) if {
	some i, action in tf.list_or_empty(resource, ["default_action"])
	is_object(action)
	action.type == "redirect"
	some j, _ in tf.list_or_empty(resource, ["default_action", i, "redirect"])
	protocol := object.get(resource.attributes, ["default_action", i, "redirect", j, "protocol"], null)
	is_string(protocol)
	upper(protocol) == "HTTPS"
}

# The unknown values that decide whether the default action redirects to HTTPS: the action
# list, an action, an action's type, or a redirect's protocol.
redirect_unknowns(resource) := array.concat(
	[["default_action"] | unknown_value(resource, ["default_action"])],
	[path |
		some i, action in tf.list_or_empty(resource, ["default_action"])
		some path in action_unknowns(resource, i, action)
	],
)

action_unknowns(resource, i, null) := [["default_action", i]] if tf.unknown(resource, ["default_action", i])

action_unknowns(resource, i, action) := [["default_action", i, "type"]] if {
	is_object(action)
	tf.unknown(resource, ["default_action", i, "type"])
}

action_unknowns(resource, i, action) := [path |
	some j, _ in tf.list_or_empty(resource, ["default_action", i, "redirect"])
	path := ["default_action", i, "redirect", j, "protocol"]
	tf.unknown(resource, path)
] if {
	is_object(action)
	action.type == "redirect"
}

unknown_value(resource, path) if {
	tf.unknown(resource, path)
	object.get(resource.attributes, path, null) == null
}

# The load balancer the listener refers to is known not to be an Application Load Balancer
# (a network or gateway load balancer has no HTTP listeners).
known_non_http_load_balancer(resource) if {
	some address in object.get(resource, ["references", "load_balancer_arn"], [])
	lb := load_balancers[address]
	lower(tf.value_or_default(lb, ["load_balancer_type"], "application")) != "application"
}

# The type of the load balancer cannot be known: `load_balancer_arn` is unknown or refers to
# something that is not a load balancer of this configuration, or to one whose
# `load_balancer_type` is unknown.
load_balancer_unknown(resource) if {
	tf.unknown(resource, ["load_balancer_arn"])
	not load_balancer_type_known(resource)
}

load_balancer_type_known(resource) if {
	some address in object.get(resource, ["references", "load_balancer_arn"], [])
	lb := load_balancers[address]
	tf.value_or_default(lb, ["load_balancer_type"], "application")
}


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

# Undecided: a viewer protocol policy, a behaviour or a behaviour list that is unknown.
undecided contains tf.undecided(resource, path, message) if {
	some resource in tf.resources("aws_cloudfront_distribution")
	some block in ["default_cache_behavior", "ordered_cache_behavior"]
	some path in behavior_unknowns(resource, block)
	message := sprintf("`%s` is unknown, so whether the distribution serves %s over plaintext HTTP (`viewer_protocol_policy = \"allow-all\"`) cannot be decided", [tf.display_path(path), behavior_text(resource, path)])
}

behavior_unknowns(resource, block) := array.concat(
	[[block] | unknown_value(resource, [block]); not tf.provider_computed(resource, [block])],
	[path |
		some i, behavior in tf.list_or_empty(resource, [block])
		path := behavior_unknown(resource, block, i, behavior)
	],
)

behavior_unknown(resource, block, i, null) := [block, i] if tf.unknown(resource, [block, i])

behavior_unknown(resource, block, i, behavior) := [block, i, "viewer_protocol_policy"] if {
	is_object(behavior)
	tf.unknown(resource, [block, i, "viewer_protocol_policy"])
}

behavior_text(resource, path) := behavior_name(resource, path[0], path[1]) if count(path) == 3

behavior_text(_, path) := "a cache behaviour" if count(path) < 3

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

# Undecided: an internet-facing (or maybe internet-facing) load balancer with a listener
# whose protocol is unknown, and a plaintext listener whose `internal` is unknown.

elb_maybe_public(resource) if tf.value_or_default(resource, ["internal"], false) in {false, "false"}

elb_maybe_public(resource) if tf.unknown(resource, ["internal"])

undecided contains tf.undecided(resource, path, message) if {
	some resource in tf.resources("aws_elb")
	elb_maybe_public(resource)
	some path in listener_unknowns(resource)
	unknowns := array.concat([path], [["internal"] | tf.unknown(resource, ["internal"])])
	message := sprintf("%s, so whether the load balancer accepts plaintext HTTP or TCP from the internet cannot be decided", [enc.unknowns_text(unknowns)])
}

listener_unknowns(resource) := array.concat(
	[["listener"] | unknown_value(resource, ["listener"]); not tf.provider_computed(resource, ["listener"])],
	[path |
		some i, listener in tf.list_or_empty(resource, ["listener"])
		path := listener_unknown(resource, i, listener)
	],
)

listener_unknown(resource, i, null) := ["listener", i] if tf.unknown(resource, ["listener", i])

listener_unknown(resource, i, listener) := ["listener", i, "lb_protocol"] if {
	is_object(listener)
	tf.unknown(resource, ["listener", i, "lb_protocol"])
}

undecided contains tf.undecided(resource, ["internal"], message) if {
	some resource in tf.resources("aws_elb")
	tf.unknown(resource, ["internal"])
	plaintext := [sprintf("%s on port %v", [upper(l.lb_protocol), object.get(l, "lb_port", "?")]) |
		some l in tf.list_or_empty(resource, ["listener"])
		is_object(l)
		is_string(l.lb_protocol)
		upper(l.lb_protocol) in {"HTTP", "TCP"}
	]
	count(plaintext) > 0
	message := sprintf("`internal` is unknown, so whether the load balancer accepts plaintext %s from the internet cannot be decided", [concat(", ", plaintext)])
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
	not tls_placeholder(resource)
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

# Undecided: `spec.tls` is a template placeholder (not a list).
undecided contains {"resource": resource.address, "path": ["spec", "tls"], "message": message} if {
	input.kind == "kubernetes"
	some resource in input.resources
	resource.type == "Ingress"
	tls_placeholder(resource)
	not certificate_annotation(resource)
	message := sprintf("`spec.tls` of Ingress %q is a template placeholder, so whether its hosts are served over plaintext HTTP cannot be decided", [resource.name])
}

tls_placeholder(resource) if {
	tls := object.get(resource.attributes, ["spec", "tls"], null)
	is_string(tls)
	k8s.placeholder(tls)
}
