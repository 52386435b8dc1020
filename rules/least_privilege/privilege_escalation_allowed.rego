# METADATA
# title: Container allows privilege escalation
# description: |
#   Unless `allowPrivilegeEscalation` is `false`, the container's processes run without the
#   Linux `no_new_privs` flag: a setuid binary or a file capability in the image can give a
#   process more privileges than its parent had, which is the usual second step of a container
#   breakout. Fires on every container (`containers`, `initContainers`,
#   `ephemeralContainers`, and the containers of pod templates in custom resources such as
#   JobSet, RayCluster, MPIJob, Argo Rollout and Workflow) of a Kubernetes workload whose
#   `securityContext.allowPrivilegeEscalation` is `true` or missing: Kubernetes leaves the
#   flag off when the field is unset, so missing means allowed. It also fires when the field
#   is `false` but the container adds `SYS_ADMIN` or `ALL` to its capabilities (compared
#   without case and `CAP_` prefix): Kubernetes then allows escalation anyway. The field
#   exists only on containers, so there is nothing to inherit from the pod. Does not fire on
#   pods that declare `spec.os.name: windows` (Kubernetes rejects the field there), nor when
#   the value is not a boolean. A template placeholder (`${ALLOW}`, `{{ .Values.x }}`) is
#   unknown: in `allowPrivilegeEscalation`, or in `capabilities.add` next to
#   `allowPrivilegeEscalation: false` (it could be `SYS_ADMIN`), it is reported as undecided.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     description: Pod Security Standards, Restricted profile ("Privilege Escalation")
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     description: Configure a Security Context for a Pod or Container
#   - ref: https://docs.kernel.org/userspace-api/no_new_privs.html
#     description: Linux kernel, No New Privileges flag
# custom:
#   id: LP012
#   severity: medium
#   pillar: least_privilege
#   layer: 6
#   controls: [AC-6]
#   targets: [kubernetes]
#   remediation: |
#     Set `allowPrivilegeEscalation: false` in the `securityContext` of every container:
#
#     ```yaml
#     containers:
#       - name: app
#         image: registry.example.com/app:1.4.2
#         securityContext:
#           allowPrivilegeEscalation: false
#     ```
package tenet.least_privilege.privilege_escalation_allowed

import data.tenet.lib.kubernetes as k8s
import rego.v1

deny contains finding if {
	some entry in k8s.containers
	not k8s.is_windows(entry.pod_spec)
	object.get(entry.container, ["securityContext", "allowPrivilegeEscalation"], null) == true
	finding := {
		"resource": entry.address,
		"path": array.concat(entry.path, ["securityContext", "allowPrivilegeEscalation"]),
		"message": sprintf("container %q of %s sets allowPrivilegeEscalation: true: setuid binaries and file capabilities can raise its privileges", [k8s.container_name(entry), entry.address]),
	}
}

deny contains finding if {
	some entry in k8s.containers
	not k8s.is_windows(entry.pod_spec)
	object.get(entry.container, ["securityContext", "allowPrivilegeEscalation"], null) == null
	finding := {
		"resource": entry.address,
		"path": array.concat(entry.path, ["securityContext", "allowPrivilegeEscalation"]),
		"message": sprintf("container %q of %s does not set allowPrivilegeEscalation: false, and the default allows it: setuid binaries and file capabilities can raise its privileges", [k8s.container_name(entry), entry.address]),
	}
}

# `false` has no effect with CAP_SYS_ADMIN: Kubernetes allows escalation whatever the field says.
deny contains finding if {
	some entry in k8s.containers
	not k8s.is_windows(entry.pod_spec)
	object.get(entry.container, ["securityContext", "allowPrivilegeEscalation"], null) == false
	added := object.get(entry.container, ["securityContext", "capabilities", "add"], [])
	is_array(added)
	some capability in added
	is_string(capability)
	name := trim_prefix(upper(trim_space(capability)), "CAP_")
	name in {"SYS_ADMIN", "ALL"}
	finding := {
		"resource": entry.address,
		"path": array.concat(entry.path, ["securityContext", "allowPrivilegeEscalation"]),
		"message": sprintf("container %q of %s sets allowPrivilegeEscalation: false but adds %s, so Kubernetes allows privilege escalation anyway", [k8s.container_name(entry), entry.address, name]),
	}
}

# A placeholder in `allowPrivilegeEscalation`: true, false or missing cannot be told.
undecided contains result if {
	some entry in k8s.containers
	not k8s.is_windows(entry.pod_spec)
	placeholder_string(object.get(entry.container, ["securityContext", "allowPrivilegeEscalation"], null))
	result := {
		"resource": entry.address,
		"path": array.concat(entry.path, ["securityContext", "allowPrivilegeEscalation"]),
		"message": sprintf("container %q of %s: `allowPrivilegeEscalation` is a template placeholder, so whether privilege escalation is allowed cannot be decided", [k8s.container_name(entry), entry.address]),
	}
}

# `false`, but `capabilities.add` holds a placeholder that could be SYS_ADMIN or ALL.
undecided contains result if {
	some entry in k8s.containers
	not k8s.is_windows(entry.pod_spec)
	object.get(entry.container, ["securityContext", "allowPrivilegeEscalation"], null) == false
	added := object.get(entry.container, ["securityContext", "capabilities", "add"], [])
	not adds_sys_admin(added)
	suffix := placeholder_at(added)
	result := {
		"resource": entry.address,
		"path": array.concat(entry.path, array.concat(["securityContext", "capabilities", "add"], suffix)),
		"message": sprintf("container %q of %s sets allowPrivilegeEscalation: false, but `capabilities.add` holds a template placeholder, so whether it adds SYS_ADMIN (which allows escalation anyway) cannot be decided", [k8s.container_name(entry), entry.address]),
	}
}

adds_sys_admin(added) if {
	is_array(added)
	some capability in added
	is_string(capability)
	trim_prefix(upper(trim_space(capability)), "CAP_") in {"SYS_ADMIN", "ALL"}
}

placeholder_string(value) if {
	is_string(value)
	k8s.placeholder(value)
}

# Where a placeholder sits: [] when the whole field is one, [j] for the first entry that is
# one; undefined when there is none.
placeholder_at(value) := [] if placeholder_string(value)

placeholder_at(value) := [min(indices)] if {
	is_array(value)
	indices := [j | some j, item in value; placeholder_string(item)]
	count(indices) > 0
}
