# METADATA
# title: Service exposed outside the cluster without source restriction
# description: |
#   A `LoadBalancer` Service gets an external load balancer, and a `NodePort` Service opens
#   its port on every node: the workload behind it can then be reached from outside the
#   cluster, by default from anywhere. Fires on a `Service` whose `spec.type` is:
#
#   - `LoadBalancer` with no `spec.loadBalancerSourceRanges` (missing or empty) and no
#     `service.beta.kubernetes.io/load-balancer-source-ranges` annotation, unless an
#     annotation makes the load balancer internal: `networking.gke.io/load-balancer-type` or
#     `cloud.google.com/load-balancer-type: Internal`,
#     `service.beta.kubernetes.io/azure-load-balancer-internal: "true"`,
#     `service.beta.kubernetes.io/aws-load-balancer-internal` (`"true"` or a CIDR),
#     `service.beta.kubernetes.io/aws-load-balancer-scheme: internal`,
#     `service.beta.kubernetes.io/oci-load-balancer-internal: "true"` or
#     `service.beta.kubernetes.io/openstack-internal-load-balancer: "true"`. A Service handled
#     by the AWS Load Balancer Controller (`aws-load-balancer-type` `external` or `nlb-ip`,
#     or `loadBalancerClass: service.k8s.aws/nlb`) is internal unless its
#     `aws-load-balancer-scheme` is `internet-facing`, which is the controller's default;
#   - `LoadBalancer` whose source ranges contain `0.0.0.0/0` or `::/0` (at that entry);
#   - `NodePort`, always: node ports are not restricted by source at the Service level.
#
#   Does not fire on `ClusterIP` and `ExternalName` Services (or no `type`: ClusterIP is the
#   default), nor when the type, the source ranges (or one of them) or an
#   internal-load-balancer annotation is a template placeholder (unknown): such a Service is
#   listed as undecided instead, at the placeholder.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer
#     description: Service, type LoadBalancer
#   - ref: https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/
#     description: Configure Your Cloud Provider's Firewalls (loadBalancerSourceRanges)
#   - ref: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/
#     description: AWS Load Balancer Controller, Service annotations (scheme defaults to internal)
#   - ref: https://cloud.google.com/kubernetes-engine/docs/concepts/service-load-balancer-parameters
#     description: GKE LoadBalancer Service parameters
# custom:
#   id: ZT013
#   severity: medium
#   pillar: zero_trust
#   layer: 5
#   controls: [SC-7, AC-4]
#   tenets: [3]
#   targets: [kubernetes]
#   remediation: |
#     Allow only the client networks that need the Service, or make the load balancer internal;
#     use a ClusterIP Service behind an Ingress instead of a NodePort:
#
#     ```yaml
#     apiVersion: v1
#     kind: Service
#     metadata:
#       name: api
#     spec:
#       type: LoadBalancer
#       loadBalancerSourceRanges:
#         - 203.0.113.0/24
#       selector:
#         app: api
#       ports:
#         - port: 443
#           targetPort: 8443
#     ```
package tenet.zero_trust.service_exposed_without_source_ranges

import data.tenet.lib.kubernetes as k8s
import rego.v1

# LoadBalancer without any source restriction.
deny contains finding if {
	some service in k8s.resources("Service")
	service.attributes.spec.type == "LoadBalancer"
	not has_source_ranges(service)
	not source_ranges_unknown(service)
	not internal(service)
	not internal_unknown(service)
	finding := {
		"resource": service.address,
		"path": ["spec", "loadBalancerSourceRanges"],
		"message": sprintf("%s is an external LoadBalancer without loadBalancerSourceRanges: it is reachable from any address", [k8s.label(service)]),
	}
}

# LoadBalancer whose source ranges allow everyone.
deny contains finding if {
	some service in k8s.resources("Service")
	service.attributes.spec.type == "LoadBalancer"
	ranges := service.attributes.spec.loadBalancerSourceRanges
	is_array(ranges)
	some i, cidr in ranges
	is_string(cidr)
	trim_space(cidr) in {"0.0.0.0/0", "::/0"}
	not internal(service)
	not internal_unknown(service)
	finding := {
		"resource": service.address,
		"path": ["spec", "loadBalancerSourceRanges", i],
		"message": sprintf("%s is an external LoadBalancer whose loadBalancerSourceRanges allow %s: it is reachable from any address", [k8s.label(service), trim_space(cidr)]),
	}
}

# NodePort.
deny contains finding if {
	some service in k8s.resources("Service")
	service.attributes.spec.type == "NodePort"
	finding := {
		"resource": service.address,
		"path": ["spec", "type"],
		"message": sprintf("%s is a NodePort: its port is open on every node, to any source the nodes' network lets in; use a ClusterIP Service behind an Ingress or a restricted LoadBalancer", [k8s.label(service)]),
	}
}

source_range_annotation := "service.beta.kubernetes.io/load-balancer-source-ranges"

annotations(service) := object.get(service.attributes, ["metadata", "annotations"], {})

has_source_ranges(service) if {
	ranges := service.attributes.spec.loadBalancerSourceRanges
	is_array(ranges)
	count(ranges) > 0
}

has_source_ranges(service) if {
	value := annotations(service)[source_range_annotation]
	is_string(value)
	trim_space(value) != ""
}

source_ranges_unknown(service) if {
	ranges := service.attributes.spec.loadBalancerSourceRanges
	ranges != null
	not is_array(ranges)
}

# Annotations that keep the load balancer on the private network (value compared without case).
internal_values := {
	"networking.gke.io/load-balancer-type": {"internal"},
	"cloud.google.com/load-balancer-type": {"internal"},
	"service.beta.kubernetes.io/azure-load-balancer-internal": {"true"},
	"service.beta.kubernetes.io/aws-load-balancer-scheme": {"internal"},
	"service.beta.kubernetes.io/oci-load-balancer-internal": {"true"},
	"service.beta.kubernetes.io/openstack-internal-load-balancer": {"true"},
}

internal(service) if {
	some key, values in internal_values
	value := annotations(service)[key]
	is_string(value)
	lower(trim_space(value)) in values
}

# The legacy AWS cloud provider takes "true" or a CIDR (any non-empty value but "false").
internal(service) if {
	value := annotations(service)["service.beta.kubernetes.io/aws-load-balancer-internal"]
	is_string(value)
	not lower(trim_space(value)) in {"", "false"}
}

internal(service) if {
	value := annotations(service)["service.beta.kubernetes.io/aws-load-balancer-internal"]
	value == true
}

# The AWS Load Balancer Controller makes internal load balancers unless told otherwise.
internal(service) if {
	aws_load_balancer_controller(service)
	not annotations(service)["service.beta.kubernetes.io/aws-load-balancer-scheme"]
}

aws_load_balancer_controller(service) if {
	value := annotations(service)["service.beta.kubernetes.io/aws-load-balancer-type"]
	is_string(value)
	lower(trim_space(value)) in {"external", "nlb-ip"}
}

aws_load_balancer_controller(service) if service.attributes.spec.loadBalancerClass == "service.k8s.aws/nlb"

# An internal-load-balancer annotation whose value is a template placeholder.
internal_unknown(service) if {
	some key, value in annotations(service)
	key in internal_annotation_keys
	is_string(value)
	k8s.placeholder(value)
}

internal_annotation_keys := {key | some key, _ in internal_values} | {
	"service.beta.kubernetes.io/aws-load-balancer-internal",
	"service.beta.kubernetes.io/aws-load-balancer-type",
}

# --- undecided ---------------------------------------------------------------------------------

# A type that is a template placeholder: a NodePort is always reported, a LoadBalancer
# without source ranges too.
undecided contains {"resource": service.address, "path": ["spec", "type"], "message": message} if {
	some service in k8s.resources("Service")
	type := object.get(service.attributes, ["spec", "type"], null)
	is_string(type)
	k8s.placeholder(type)
	message := sprintf("`spec.type` of %s is a template placeholder, so whether it is a NodePort or an unrestricted LoadBalancer cannot be decided", [k8s.label(service)])
}

# A LoadBalancer whose source ranges are a placeholder.
undecided contains {"resource": service.address, "path": ["spec", "loadBalancerSourceRanges"], "message": message} if {
	some service in k8s.resources("Service")
	service.attributes.spec.type == "LoadBalancer"
	not has_source_ranges(service)
	source_ranges_unknown(service)
	not internal(service)
	message := sprintf("`spec.loadBalancerSourceRanges` of %s is a template placeholder, so whether the LoadBalancer is reachable from any address cannot be decided", [k8s.label(service)])
}

# A LoadBalancer source range that is a placeholder (it may be 0.0.0.0/0).
undecided contains {"resource": service.address, "path": ["spec", "loadBalancerSourceRanges", i], "message": message} if {
	some service in k8s.resources("Service")
	service.attributes.spec.type == "LoadBalancer"
	ranges := service.attributes.spec.loadBalancerSourceRanges
	is_array(ranges)
	some i, cidr in ranges
	is_string(cidr)
	k8s.placeholder(cidr)
	not internal(service)
	not internal_unknown(service)
	message := sprintf("a `loadBalancerSourceRanges` entry of %s is a template placeholder, so whether the LoadBalancer is reachable from any address cannot be decided", [k8s.label(service)])
}

# A LoadBalancer that would be reported, but for an internal-load-balancer annotation whose
# value is a placeholder.
undecided contains {"resource": service.address, "path": ["metadata", "annotations", key], "message": message} if {
	some service in k8s.resources("Service")
	service.attributes.spec.type == "LoadBalancer"
	not internal(service)
	maybe_open(service)
	some key, value in annotations(service)
	key in internal_annotation_keys
	is_string(value)
	k8s.placeholder(value)
	message := sprintf("the `%s` annotation of %s is a template placeholder, so whether the LoadBalancer is internal or reachable from any address cannot be decided", [key, k8s.label(service)])
}

# Without source ranges, with source ranges that are a placeholder, or with 0.0.0.0/0 or ::/0.
maybe_open(service) if not has_source_ranges(service)

maybe_open(service) if {
	some cidr in source_ranges(service)
	is_string(cidr)
	trim_space(cidr) in {"0.0.0.0/0", "::/0"}
}

maybe_open(service) if {
	some cidr in source_ranges(service)
	is_string(cidr)
	k8s.placeholder(cidr)
}

source_ranges(service) := ranges if {
	ranges := service.attributes.spec.loadBalancerSourceRanges
	is_array(ranges)
}
