# METADATA
# title: Container root filesystem is writable
# description: |
#   A container whose root filesystem is writable can be changed while it runs: an attacker
#   or an operator can drop binaries, edit configuration or patch code in place, and the
#   running container no longer matches the image that was reviewed and scanned. Fires on
#   every container (`containers`, `initContainers`, `ephemeralContainers`) of a Kubernetes
#   workload whose `securityContext.readOnlyRootFilesystem` is not `true`: set to `false`, or
#   missing (the Kubernetes default is `false`, a writable root filesystem). Kubernetes has
#   no pod-level `readOnlyRootFilesystem`, so nothing is inherited from the pod. Does not
#   fire on pods with `spec.os.name: windows`, where Kubernetes rejects the field. A value
#   that is a template or variable left unrendered (`"{{ .Values.readOnly }}"`, `${RO}`), or
#   a `securityContext` that is one, is unknown: the check is reported as undecided instead.
#   Any other value that is neither a boolean nor missing does not fire.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     description: Configure a Security Context for a Pod or Container
#   - https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/
# custom:
#   id: IM003
#   severity: medium
#   pillar: immutability
#   layer: 6
#   controls: [CM-5, SI-7]
#   targets: [kubernetes]
#   remediation: |
#     Set `readOnlyRootFilesystem: true` on every container and mount a writable volume only
#     where the process must write (temporary files, caches):
#
#     ```yaml
#     containers:
#       - name: app
#         image: registry.example.com/app:1.4.2
#         securityContext:
#           readOnlyRootFilesystem: true
#         volumeMounts:
#           - name: tmp
#             mountPath: /tmp
#     volumes:
#       - name: tmp
#         emptyDir: {}
#     ```
package tenet.immutability.writable_root_filesystem

import data.tenet.lib.kubernetes as k8s
import rego.v1

deny contains finding if {
	some entry in k8s.containers
	not k8s.is_windows(entry.pod_spec)
	not placeholder_context(entry.container)
	value := object.get(entry.container, ["securityContext", "readOnlyRootFilesystem"], null)
	writable(value)
	finding := {
		"resource": entry.address,
		"path": array.concat(entry.path, ["securityContext", "readOnlyRootFilesystem"]),
		"message": sprintf("container %q has a writable root filesystem (readOnlyRootFilesystem is %s)", [k8s.container_name(entry), describe(value)]),
	}
}

# Undecided: the value, or the whole `securityContext`, is a template or variable left
# unrendered.
undecided contains entry if {
	some container in k8s.containers
	not k8s.is_windows(container.pod_spec)
	path := array.concat(container.path, ["securityContext", "readOnlyRootFilesystem"])
	value := object.get(container.container, ["securityContext", "readOnlyRootFilesystem"], null)
	is_string(value)
	k8s.placeholder(value)
	entry := {
		"resource": container.address,
		"path": path,
		"message": sprintf("container %q sets `readOnlyRootFilesystem` to %q, a template or variable: whether its root filesystem is writable cannot be decided", [k8s.container_name(container), value]),
	}
}

undecided contains entry if {
	some container in k8s.containers
	not k8s.is_windows(container.pod_spec)
	placeholder_context(container.container)
	entry := {
		"resource": container.address,
		"path": array.concat(container.path, ["securityContext"]),
		"message": sprintf("container %q has a `securityContext` that is a template or variable (%q): whether its root filesystem is writable cannot be decided", [k8s.container_name(container), container.container.securityContext]),
	}
}

placeholder_context(container) if {
	is_string(container.securityContext)
	k8s.placeholder(container.securityContext)
}

writable(value) if value == null

writable(value) if value == false

describe(value) := "not set; the default is false" if value == null

describe(value) := "false" if value == false
