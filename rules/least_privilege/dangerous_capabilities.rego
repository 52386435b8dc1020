# METADATA
# title: Container adds a dangerous capability
# description: |
#   Some Linux capabilities are close to root on the node: `SYS_ADMIN` (mount, namespaces,
#   most of the kernel's administrative interfaces), `SYS_MODULE` (load kernel modules),
#   `SYS_PTRACE` (read and patch other processes), `DAC_READ_SEARCH` (read any file, the
#   "shocker" breakout), `NET_ADMIN` and `NET_RAW` (reconfigure and spoof the network), `BPF`
#   and `PERFMON` (load eBPF programs, read kernel memory), and `ALL`. Fires once for each such
#   entry in `securityContext.capabilities.add` of every container (`containers`,
#   `initContainers`, `ephemeralContainers`, and pod templates in custom resources) of a
#   Kubernetes workload. Names are compared as container runtimes read them: case-insensitive
#   and with or without the `CAP_` prefix (`cap_sys_admin` counts). Capabilities are not
#   added by default, so a missing `add` does not fire, and neither does an entry that is not
#   a string. `NET_BIND_SERVICE` and the other capabilities of the runtime's default set are
#   not reported. An entry that holds a template placeholder, or an `add` that is one, is
#   unknown: it is reported as undecided.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline profile ("Capabilities")
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container
#     description: Set capabilities for a Container
#   - ref: https://man7.org/linux/man-pages/man7/capabilities.7.html
#     description: capabilities(7)
# custom:
#   id: LP014
#   severity: high
#   pillar: least_privilege
#   layer: 6
#   controls: [AC-6, CM-7]
#   targets: [kubernetes]
#   remediation: |
#     Drop every capability and add back only the narrow ones the process needs:
#
#     ```yaml
#     securityContext:
#       allowPrivilegeEscalation: false
#       capabilities:
#         drop: [ALL]
#         add: [NET_BIND_SERVICE]
#     ```
package tenet.least_privilege.dangerous_capabilities

import data.tenet.lib.kubernetes as k8s
import rego.v1

dangerous := {
	"ALL": "every capability, as good as privileged",
	"SYS_ADMIN": "mount filesystems, create namespaces and use most administrative kernel interfaces",
	"NET_ADMIN": "reconfigure interfaces, routes and firewall rules",
	"SYS_PTRACE": "read and modify the memory of other processes",
	"SYS_MODULE": "load kernel modules",
	"DAC_READ_SEARCH": "read any file regardless of permissions, and open files by handle outside the container",
	"NET_RAW": "craft raw packets and spoof traffic",
	"BPF": "load eBPF programs into the kernel",
	"PERFMON": "use perf and eBPF tracing to read kernel and process data",
}

deny contains finding if {
	some entry in k8s.containers
	added := object.get(entry.container, ["securityContext", "capabilities", "add"], [])
	is_array(added)
	some i, capability in added
	is_string(capability)
	name := normalized(capability)
	what := dangerous[name]
	finding := {
		"resource": entry.address,
		"path": array.concat(entry.path, ["securityContext", "capabilities", "add", i]),
		"message": sprintf("container %q of %s adds capability %s: %s", [k8s.container_name(entry), entry.address, name, what]),
	}
}

# Each placeholder entry (or a placeholder in place of the list) could be a dangerous capability.
undecided contains result if {
	some entry in k8s.containers
	added := object.get(entry.container, ["securityContext", "capabilities", "add"], [])
	some suffix in placeholder_paths(added)
	result := {
		"resource": entry.address,
		"path": array.concat(entry.path, array.concat(["securityContext", "capabilities", "add"], suffix)),
		"message": sprintf("container %q of %s adds a capability given by a template placeholder, so whether it is a dangerous one cannot be decided", [k8s.container_name(entry), entry.address]),
	}
}

placeholder_paths(added) := [[]] if {
	is_string(added)
	k8s.placeholder(added)
}

placeholder_paths(added) := [[i] | some i, capability in added; is_string(capability); k8s.placeholder(capability)] if is_array(added)

# Runtimes upper-case the name and accept an optional `CAP_` prefix.
normalized(capability) := trim_prefix(upper(trim_space(capability)), "CAP_")
