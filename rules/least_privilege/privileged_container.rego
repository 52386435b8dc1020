# METADATA
# title: Container runs privileged
# description: |
#   A privileged container runs with every Linux capability and with access to all devices of
#   the node, outside most of the isolation a container normally has. A compromise of the
#   process is a compromise of the node. Fires on every container (`containers`,
#   `initContainers`, `ephemeralContainers`) of a Kubernetes workload whose
#   `securityContext.privileged` is `true`. Kubernetes has no pod-level `privileged` setting,
#   so nothing is inherited from the pod. A template placeholder in place of the value
#   (`${PRIVILEGED}`, `{{ .Values.privileged }}`) is unknown: it is reported as undecided.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline profile ("Privileged Containers")
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# custom:
#   id: LP011
#   severity: critical
#   pillar: least_privilege
#   layer: 6
#   controls: [AC-6, CM-7]
#   targets: [kubernetes]
#   remediation: |
#     Remove `privileged: true`, or set it to `false`, and grant only the capabilities the
#     process needs:
#
#     ```yaml
#     securityContext:
#       privileged: false
#       allowPrivilegeEscalation: false
#       capabilities:
#         drop: [ALL]
#         add: [NET_BIND_SERVICE]
#     ```
package tenet.least_privilege.privileged_container

import data.tenet.lib.kubernetes as k8s
import rego.v1

deny contains finding if {
	some entry in k8s.containers
	entry.container.securityContext.privileged == true
	finding := {
		"resource": entry.address,
		"path": array.concat(entry.path, ["securityContext", "privileged"]),
		"message": sprintf("container %q runs privileged: it has every capability and the node's devices", [k8s.container_name(entry)]),
	}
}

undecided contains entry_undecided if {
	some entry in k8s.containers
	value := entry.container.securityContext.privileged
	is_string(value)
	k8s.placeholder(value)
	entry_undecided := {
		"resource": entry.address,
		"path": array.concat(entry.path, ["securityContext", "privileged"]),
		"message": sprintf("container %q: `privileged` is a template placeholder, so whether it runs privileged cannot be decided", [k8s.container_name(entry)]),
	}
}
