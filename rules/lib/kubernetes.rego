# Helpers for Kubernetes rules: every pod spec and every container of every workload kind,
# with the attribute path that leads to it (so findings point at the right line).
package tenet.lib.kubernetes

import rego.v1

# Kinds whose objects carry a pod template, and where it sits.
pod_spec_paths := {
	"Pod": ["spec"],
	"Deployment": ["spec", "template", "spec"],
	"StatefulSet": ["spec", "template", "spec"],
	"DaemonSet": ["spec", "template", "spec"],
	"ReplicaSet": ["spec", "template", "spec"],
	"ReplicationController": ["spec", "template", "spec"],
	"Job": ["spec", "template", "spec"],
	"CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
}

container_fields := ["containers", "initContainers", "ephemeralContainers"]

# Every pod spec: {"address", "path", "spec"}.
pods contains pod if {
	some resource in input.resources
	path := pod_spec_paths[resource.type]
	spec := object.get(resource.attributes, path, null)
	is_object(spec)
	pod := {"address": resource.address, "path": path, "spec": spec}
}

# Every container: {"address", "path", "container", "pod_spec", "pod_path"}.
containers contains entry if {
	some pod in pods
	some field in container_fields
	list := object.get(pod.spec, field, [])
	is_array(list)
	some i, container in list
	is_object(container)
	entry := {
		"address": pod.address,
		"path": array.concat(pod.path, [field, i]),
		"container": container,
		"pod_spec": pod.spec,
		"pod_path": pod.path,
	}
}

# The container's name for messages ("#<index>" when it has none).
container_name(entry) := entry.container.name if is_string(entry.container.name)

container_name(entry) := sprintf("#%v", [entry.path[count(entry.path) - 1]]) if not is_string(entry.container.name)

# True when the pod declares Windows nodes (`spec.os.name: windows`). Kubernetes rejects the
# Linux-only security fields there (`readOnlyRootFilesystem`, `runAsUser`, `privileged`, ...),
# so rules asking for them must skip such pods.
is_windows(pod_spec) if pod_spec.os.name == "windows"

# The value of `securityContext.<key>` in effect for a container, with the path where it is
# set: the container's own value wins, else the pod's (for the fields Kubernetes inherits:
# runAsUser, runAsGroup, runAsNonRoot, seLinuxOptions, seccompProfile, appArmorProfile,
# windowsOptions). A `null` counts as not set. Undefined when neither sets it.
effective_security_setting(entry, key) := setting if {
	value := object.get(entry.container, ["securityContext", key], null)
	value != null
	setting := {"value": value, "path": array.concat(entry.path, ["securityContext", key]), "from_pod": false}
}

effective_security_setting(entry, key) := setting if {
	object.get(entry.container, ["securityContext", key], null) == null
	value := object.get(entry.pod_spec, ["securityContext", key], null)
	value != null
	setting := {"value": value, "path": array.concat(entry.pod_path, ["securityContext", key]), "from_pod": true}
}
