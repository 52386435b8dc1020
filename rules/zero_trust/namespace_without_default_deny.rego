# METADATA
# title: Namespace has no default-deny NetworkPolicy
# description: |
#   Kubernetes lets every pod talk to every other pod until a NetworkPolicy selects it. A
#   namespace without a policy that selects all its pods for ingress accepts connections from
#   any pod of the cluster, so one compromised workload anywhere can reach all of its services.
#   This rule looks across all the files of the scan (`scope: scan`). It fires once per
#   namespace that holds at least one workload (any pod spec, including pod templates in
#   custom resources) with an explicit `metadata.namespace`, when no `NetworkPolicy` of that
#   namespace in the scanned files:
#
#   - selects every pod (`podSelector: {}`, or no `matchLabels`/`matchExpressions` entries),
#   - applies to ingress (`policyTypes` contains `Ingress`, or `policyTypes` is missing, which
#     Kubernetes reads as `Ingress`), and
#   - is not an allow-all policy (an `ingress` rule with neither `from` nor `ports`, as
#     `ingress: [{}]`, lets every source in). Policies with `ingress` rules that name their
#     sources still isolate the pods and count.
#
#   The finding is placed on the `Namespace` object when the scan holds it, else on the
#   `metadata.namespace` of the first workload (by file, then address) in that namespace.
#   Workloads without `metadata.namespace` are not judged: their namespace is chosen when they
#   are applied (`kubectl -n`, a Kustomize `namespace:`), so it is unknown. Neither are
#   namespaces that are template placeholders, nor namespaces where a NetworkPolicy's
#   `podSelector`, `policyTypes` or `ingress` is a template placeholder (unknown): these are
#   listed as undecided, at the first workload's `metadata.namespace` (once per placeholder)
#   or at the policy's placeholder field. A policy applied by other means (a Helm chart, a
#   cluster-wide Calico or Cilium policy) is not seen.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies
#     description: Network Policies, default policies (default deny all ingress traffic)
#   - ref: https://kubernetes.io/docs/concepts/security/security-checklist/#network-security
#     description: Kubernetes security checklist, network security
# custom:
#   id: ZT015
#   severity: medium
#   pillar: zero_trust
#   layer: 6.5
#   controls: [AC-4, SC-7]
#   tenets: [2, 3]
#   targets: [kubernetes]
#   scope: scan
#   remediation: |
#     Add a default-deny ingress policy to every namespace, then allow the flows each workload
#     needs with further policies:
#
#     ```yaml
#     apiVersion: networking.k8s.io/v1
#     kind: NetworkPolicy
#     metadata:
#       name: default-deny-ingress
#       namespace: shop
#     spec:
#       podSelector: {}
#       policyTypes:
#         - Ingress
#     ```
package tenet.zero_trust.namespace_without_default_deny

import data.tenet.lib.kubernetes as k8s
import rego.v1

# Namespaces that hold a workload, each with the workloads in it.
workload_namespaces[ns] contains pod if {
	some pod in k8s.pods
	ns := pod.namespace
	is_string(ns)
	not k8s.placeholder(ns)
}

policies := k8s.resources("NetworkPolicy")

deny contains finding if {
	some ns, pods in workload_namespaces
	not has_default_deny(ns)
	not policy_unknown(ns)
	anchor := anchor_for(ns, pods)
	first := first_workload(pods)
	finding := {
		"resource": anchor.address,
		"file": anchor.file,
		"path": anchor.path,
		"message": sprintf("namespace %q holds workloads (%s in %s) but no NetworkPolicy in the scanned files selects all its pods for ingress: they accept traffic from any pod in the cluster", [ns, first.address, first.file]),
	}
}

has_default_deny(ns) if {
	some policy in policies
	k8s.namespace(policy) == ns
	spec := object.get(policy.attributes, "spec", {})
	selects_all(object.get(spec, "podSelector", {}))
	applies_to_ingress(spec)
	not allows_all(spec)
}

selects_all(selector) if {
	is_object(selector)
	count(object.get(selector, "matchLabels", {})) == 0
	count(object.get(selector, "matchExpressions", [])) == 0
}

applies_to_ingress(spec) if not has_key(spec, "policyTypes")

applies_to_ingress(spec) if spec.policyTypes == null

applies_to_ingress(spec) if {
	is_array(spec.policyTypes)
	"Ingress" in spec.policyTypes
}

allows_all(spec) if {
	is_array(spec.ingress)
	some rule in spec.ingress
	is_object(rule)
	count(object.get(rule, "from", [])) == 0
	count(object.get(rule, "ports", [])) == 0
}

has_key(object, key) if _ = object[key]

# A policy of the namespace whose deciding fields are not what Kubernetes reads (placeholders).
policy_unknown(ns) if {
	some policy in policies
	k8s.namespace(policy) == ns
	spec := object.get(policy.attributes, "spec", {})
	some field in ["podSelector", "policyTypes", "ingress"]
	is_string(object.get(spec, field, null))
}

policy_unknown(ns) if {
	some policy in policies
	k8s.namespace(policy) == ns
	not is_object(object.get(policy.attributes, "spec", {}))
}

# The Namespace object if the scan holds it, else the first workload's `metadata.namespace`.
anchor_for(ns, _) := anchor if {
	objects := [[resource.file, resource.address] |
		some resource in k8s.resources("Namespace")
		resource.name == ns
	]
	count(objects) > 0
	first := min(objects)
	anchor := {"address": first[1], "file": first[0], "path": []}
}

anchor_for(ns, pods) := anchor if {
	not namespace_object(ns)
	first := first_workload(pods)
	anchor := {"address": first.address, "file": first.file, "path": ["metadata", "namespace"]}
}

namespace_object(ns) if {
	some resource in k8s.resources("Namespace")
	resource.name == ns
}

first_workload(pods) := {"file": first[0], "address": first[1]} if {
	first := min([[pod.file, pod.address] | some pod in pods])
}

# --- undecided ---------------------------------------------------------------------------------

# A namespace with workloads and no default-deny policy, but a policy whose deciding field is
# a placeholder (it may be the default-deny policy): reported at that field of the policy.
undecided contains entry if {
	some ns, _ in workload_namespaces
	not has_default_deny(ns)
	some policy in policies
	k8s.namespace(policy) == ns
	some path in unknown_policy_paths(policy)
	entry := {
		"resource": policy.address,
		"file": policy.file,
		"path": path,
		"message": sprintf("`%s` of NetworkPolicy %q is a template placeholder, so whether namespace %q has a default-deny ingress policy cannot be decided", [concat(".", path), policy.name, ns]),
	}
}

unknown_policy_paths(policy) := [["spec", field] |
	spec := object.get(policy.attributes, "spec", {})
	is_object(spec)
	some field in ["podSelector", "policyTypes", "ingress"]
	is_string(object.get(spec, field, null))
]

unknown_policy_paths(policy) := [["spec"]] if not is_object(object.get(policy.attributes, "spec", {}))

# Workloads whose `metadata.namespace` is a placeholder: the namespace, and so its policies,
# cannot be known. One entry per placeholder, at its first workload.
placeholder_namespaces[ns] contains pod if {
	some pod in k8s.pods
	ns := pod.namespace
	is_string(ns)
	k8s.placeholder(ns)
}

undecided contains entry if {
	some ns, pods in placeholder_namespaces
	first := first_workload(pods)
	entry := {
		"resource": first.address,
		"file": first.file,
		"path": ["metadata", "namespace"],
		"message": sprintf("the namespace of %s (in %s) is a template placeholder (%s), so whether a NetworkPolicy selects its pods for ingress cannot be decided", [first.address, first.file, ns]),
	}
}
