# METADATA
# title: Container keeps the default capabilities
# description: |
#   A container starts with the runtime's default capability set (`CHOWN`, `DAC_OVERRIDE`,
#   `FOWNER`, `SETUID`, `SETGID`, `NET_RAW`, `MKNOD`, ... in containerd and CRI-O), most of
#   which an application never uses and an attacker can. Fires on every container
#   (`containers`, `initContainers`, `ephemeralContainers`, and pod templates in custom
#   resources) of a Kubernetes workload whose `securityContext.capabilities.drop` does not
#   contain `ALL`: the field is missing (nothing is dropped by default), or the list names
#   only some capabilities. `ALL` must be written exactly so, in capitals, as the Pod Security
#   Admission Restricted profile reads it: a list with `all` or `All` fires, with a message
#   saying so, although some runtimes would accept it. Does not fire on pods that declare
#   `spec.os.name: windows` (Linux capabilities do not apply), nor when `drop` is not a list or
#   holds a template placeholder (unknown). A placeholder in place of `drop`, or an entry that
#   is one in a list without `ALL`, is reported as undecided: it could be `ALL`.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     description: Pod Security Standards, Restricted profile ("Capabilities")
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container
#     description: Set capabilities for a Container
# custom:
#   id: LP015
#   severity: low
#   pillar: least_privilege
#   layer: 6
#   controls: [AC-6, CM-7]
#   targets: [kubernetes]
#   remediation: |
#     Drop every capability, then add back only what the process needs:
#
#     ```yaml
#     securityContext:
#       capabilities:
#         drop: [ALL]
#         add: [NET_BIND_SERVICE]
#     ```
package tenet.least_privilege.capabilities_not_dropped

import data.tenet.lib.kubernetes as k8s
import rego.v1

drop_path(entry) := array.concat(entry.path, ["securityContext", "capabilities", "drop"])

# Nothing is dropped.
deny contains finding if {
	some entry in k8s.containers
	not k8s.is_windows(entry.pod_spec)
	object.get(entry.container, ["securityContext", "capabilities", "drop"], null) == null
	finding := {
		"resource": entry.address,
		"path": drop_path(entry),
		"message": sprintf("container %q of %s does not drop any capability: it keeps the runtime's default set; add capabilities.drop: [ALL]", [k8s.container_name(entry), entry.address]),
	}
}

# Some capabilities are dropped, but not ALL.
deny contains finding if {
	some entry in k8s.containers
	not k8s.is_windows(entry.pod_spec)
	drop := entry.container.securityContext.capabilities.drop
	is_array(drop)
	not unknown_entry(drop)
	not "ALL" in drop
	finding := {
		"resource": entry.address,
		"path": drop_path(entry),
		"message": sprintf("container %q of %s drops %s", [k8s.container_name(entry), entry.address, partial_reason(drop)]),
	}
}

# A placeholder in place of the list, or an entry that is one in a list without ALL.
undecided contains result if {
	some entry in k8s.containers
	not k8s.is_windows(entry.pod_spec)
	drop := object.get(entry.container, ["securityContext", "capabilities", "drop"], null)
	suffix := placeholder_at(drop)
	result := {
		"resource": entry.address,
		"path": array.concat(drop_path(entry), suffix),
		"message": sprintf("container %q of %s: `capabilities.drop` holds a template placeholder, so whether it drops ALL cannot be decided", [k8s.container_name(entry), entry.address]),
	}
}

placeholder_at(drop) := [] if {
	is_string(drop)
	k8s.placeholder(drop)
}

placeholder_at(drop) := [min(indices)] if {
	is_array(drop)
	not "ALL" in drop
	indices := [j | some j, name in drop; is_string(name); k8s.placeholder(name)]
	count(indices) > 0
}

unknown_entry(drop) if {
	some name in drop
	not is_string(name)
}

unknown_entry(drop) if {
	some name in drop
	is_string(name)
	k8s.placeholder(name)
}

partial_reason(drop) := sprintf("%q, not \"ALL\": Pod Security Admission only accepts \"ALL\" in capitals", [name]) if {
	name := [n | some n in drop; upper(n) == "ALL"][0]
}

partial_reason(drop) := "only some capabilities, not ALL: it keeps the rest of the runtime's default set" if {
	not any_case_all(drop)
}

any_case_all(drop) if {
	some name in drop
	upper(name) == "ALL"
}
