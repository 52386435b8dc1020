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
	"PodTemplate": ["template", "spec"],
}

container_fields := ["containers", "initContainers", "ephemeralContainers"]

# Every pod spec: {"address", "path", "spec", "file", "namespace"} (`namespace` is the
# resource's `metadata.namespace`, or null).
#
# Built-in kinds have a pod spec at a fixed place (`pod_spec_paths`). Any other kind (a custom
# resource: Argo Rollout, JobSet, RayCluster, MPIJob, Knative Service, KEDA ScaledJob, ...) is
# searched for pod specs: every object, at any depth, whose `containers` is a list holding an
# object with an `image`. A JobSet or a RayCluster has several, each with its own path. Argo
# Workflow templates have no `containers` list and are read by `argo_templates` below.
pods contains pod if {
	some resource in input.resources
	path := pod_spec_paths[resource.type]
	spec := object.get(resource.attributes, path, null)
	is_object(spec)
	pod := {"address": resource.address, "path": path, "spec": spec, "file": resource.file, "namespace": resource.namespace}
}

pods contains pod if {
	some resource in input.resources
	not pod_spec_paths[resource.type]
	custom_resource(resource)
	not argo_workflow_kind(resource)
	walk(resource.attributes, [path, spec])
	holds_containers(spec)
	pod := {"address": resource.address, "path": path, "spec": spec, "file": resource.file, "namespace": resource.namespace}
}

# An Argo Workflow template (`container`, `script`, `containerSet`, ...) runs as one pod, and
# its pod-level fields (`securityContext`, `volumes`, `serviceAccountName`,
# `automountServiceAccountToken`) sit in the template itself.
pods contains pod if {
	some template in argo_templates
	pod := {"address": template.address, "path": template.path, "spec": template.spec, "file": template.file, "namespace": template.namespace}
}

# An object of an API group that Kubernetes does not define itself (`ray.io/v1`,
# `jobset.x-k8s.io/v1alpha2`, ...). The built-in groups (core `v1`, `apps`, `batch`,
# `*.k8s.io`: RBAC, networking, CRDs, ...) hold no pod template outside the kinds above, and
# walking their large objects (a CustomResourceDefinition's schema) is costly.
custom_resource(resource) if {
	api_version := resource.attributes.apiVersion
	is_string(api_version)
	parts := split(api_version, "/")
	count(parts) == 2
	group := parts[0]
	not group in builtin_groups
	not builtin_k8s_io_group(group)
}

builtin_groups := {"apps", "batch", "policy", "autoscaling", "extensions"}

builtin_k8s_io_group(group) if {
	endswith(group, ".k8s.io")
	not endswith(group, ".x-k8s.io")
}

holds_containers(spec) if {
	is_array(spec.containers)
	some container in spec.containers
	is_object(container)
	container.image
}

argo_workflow_kinds := {"Workflow", "CronWorkflow", "WorkflowTemplate", "ClusterWorkflowTemplate"}

argo_workflow_kind(resource) if {
	resource.type in argo_workflow_kinds
	startswith(object.get(resource.attributes, "apiVersion", ""), "argoproj.io/")
}

# Where the WorkflowSpec sits: in the object's `spec`, or in a CronWorkflow's `workflowSpec`.
argo_spec_paths := {
	"Workflow": ["spec"],
	"WorkflowTemplate": ["spec"],
	"ClusterWorkflowTemplate": ["spec"],
	"CronWorkflow": ["spec", "workflowSpec"],
}

argo_templates contains template if {
	some resource in input.resources
	argo_workflow_kind(resource)
	spec_path := argo_spec_paths[resource.type]
	templates := object.get(resource.attributes, array.concat(spec_path, ["templates"]), [])
	is_array(templates)
	some i, spec in templates
	is_object(spec)
	runs_pod(spec)
	template := {
		"address": resource.address,
		"file": resource.file,
		"namespace": resource.namespace,
		"path": array.concat(spec_path, ["templates", i]),
		"spec": spec,
		"workflow_spec": object.get(resource.attributes, spec_path, {}),
		"workflow_path": spec_path,
	}
}

# Templates of type `container`, `script`, `containerSet` and `resource` run a pod of their
# own; `steps`, `dag` and `suspend` templates only orchestrate others.
runs_pod(template) if {
	some field in ["container", "script", "containerSet", "resource"]
	is_object(template[field])
}

# A pod-level field of a pod spec (`serviceAccountName`, `automountServiceAccountToken`, ...)
# with the path where it is set: the pod spec's own value, else, for an Argo Workflow
# template, the workflow-wide value from the WorkflowSpec. A `null` counts as not set.
# Undefined when neither sets it.
pod_setting(pod, key) := setting if {
	value := object.get(pod.spec, key, null)
	value != null
	setting := {"value": value, "path": array.concat(pod.path, [key])}
}

pod_setting(pod, key) := setting if {
	object.get(pod.spec, key, null) == null
	some template in argo_templates
	template.address == pod.address
	template.path == pod.path
	template.file == pod.file
	value := object.get(template.workflow_spec, key, null)
	value != null
	setting := {"value": value, "path": array.concat(template.workflow_path, [key])}
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

# Argo Workflow templates: the single `container` or `script`, and the lists `sidecars` and
# `containerSet.containers` (`initContainers` is covered above).
containers contains entry if {
	some template in argo_templates
	some field in [["container"], ["script"]]
	container := object.get(template.spec, field, null)
	is_object(container)
	entry := argo_entry(template, field, container)
}

containers contains entry if {
	some template in argo_templates
	some field in [["sidecars"], ["containerSet", "containers"]]
	list := object.get(template.spec, field, [])
	is_array(list)
	some i, container in list
	is_object(container)
	entry := argo_entry(template, array.concat(field, [i]), container)
}

argo_entry(template, field, container) := {
	"address": template.address,
	"path": array.concat(template.path, field),
	"container": container,
	"pod_spec": template.spec,
	"pod_path": template.path,
}

# The container's name for messages ("#<index>" when it has none).
container_name(entry) := entry.container.name if is_string(entry.container.name)

container_name(entry) := sprintf("#%v", [entry.path[count(entry.path) - 1]]) if {
	not is_string(entry.container.name)
	is_number(entry.path[count(entry.path) - 1])
}

# An Argo template's single `container` or `script` runs as the pod's `main` container:
# it is named `<template>/main`.
container_name(entry) := sprintf("%v/main", [entry.pod_spec.name]) if {
	not is_string(entry.container.name)
	is_string(entry.path[count(entry.path) - 1])
	is_string(entry.pod_spec.name)
}

container_name(entry) := "main" if {
	not is_string(entry.container.name)
	is_string(entry.path[count(entry.path) - 1])
	not is_string(entry.pod_spec.name)
}

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

# Every resource of one kind (`ServiceAccount`, `NetworkPolicy`, ...).
resources(kind) := [input.resources[i] | some i in object.get(input.types, kind, [])] if {
	input.types
} else := [resource | some resource in input.resources; resource.type == kind]

# The namespace of a resource as written (`metadata.namespace`), or "" when it has none.
namespace(resource) := resource.namespace if is_string(resource.namespace)

namespace(resource) := "" if not is_string(resource.namespace)

# A string that is a template placeholder (`${VAR}`, `{{ .Values.x }}`): its value is unknown.
placeholder(text) if contains(text, "$")

placeholder(text) if contains(text, "{{")

# A resource for messages: `Kind "name"`, or `Kind (no name)` when `metadata.name` is missing.
label(resource) := sprintf("%s %q", [resource.type, resource.name]) if resource.name != ""

label(resource) := sprintf("%s (no name)", [resource.type]) if resource.name == ""

# Every object of a Kubernetes document, of any kind (empty for other input kinds). For rules
# that look at every field of everything, such as HY001 (hardcoded secrets); a rule about one
# kind uses `resources(kind)`.
all_resources := [resource |
	input.kind == "kubernetes"
	some resource in input.resources
]
