# METADATA
# title: Container without resource limits
# description: |
#   A container without a memory limit can take all of a node's memory (the kernel then kills
#   other pods, not necessarily the culprit), and one without a CPU limit can starve its
#   neighbours: a bug or a load spike in one workload becomes an outage of others. Fires on
#   every container (`containers`, `initContainers`) of a Kubernetes workload whose
#   `resources.limits.memory` or `resources.limits.cpu` is missing (one finding per container, naming what is missing).
#   Ephemeral debug containers take no resources settings and are not reported.
#
#   Does not fire when a namespace `LimitRange` (not visible per workload) supplies defaults:
#   set the limits in the workload to state them where they apply. When `resources` or
#   `limits` is a template or variable left unrendered, the check is reported as undecided
#   instead.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#     description: Kubernetes, resource management for pods and containers
#   - https://kubernetes.io/docs/concepts/policy/limit-range/
# custom:
#   id: HY003
#   severity: low
#   pillar: hygiene
#   layer: 6
#   controls: [SC-6]
#   targets: [kubernetes]
#   remediation: |
#     Give every container memory and CPU limits (and requests):
#
#     ```yaml
#     containers:
#       - name: web
#         resources:
#           requests: {cpu: 100m, memory: 128Mi}
#           limits: {cpu: 500m, memory: 256Mi}
#     ```
package tenet.hygiene.container_without_limits

import data.tenet.lib.kubernetes as k8s
import rego.v1

deny contains finding if {
	some entry in k8s.containers
	entry.path[count(entry.path) - 2] != "ephemeralContainers"
	absent := [limit | some limit in ["memory", "cpu"]; missing(entry.container, limit)]
	count(absent) > 0
	finding := {
		"resource": entry.address,
		"path": deepest(entry),
		"message": sprintf("container %q has no %s limit (`resources.limits`): it can take all of its node's %s", [k8s.container_name(entry), concat(" or ", absent), concat(" and ", [resource_noun[l] | some l in absent])]),
	}
}

resource_noun := {"memory": "memory", "cpu": "CPU time"}

# Undecided: `resources`, or its `limits`, is a template or variable left unrendered.
undecided contains entry if {
	some container in k8s.containers
	container.path[count(container.path) - 2] != "ephemeralContainers"
	some path in [["resources"], ["resources", "limits"]]
	value := object.get(container.container, path, null)
	is_string(value)
	k8s.placeholder(value)
	entry := {
		"resource": container.address,
		"path": array.concat(container.path, path),
		"message": sprintf("container %q has `%s` set to %q, a template or variable: whether it has memory and CPU limits cannot be decided", [k8s.container_name(container), concat(".", path), value]),
	}
}

# The limit is absent: no `resources`, no `limits`, or no such key (a value of any kind, even
# a template left in a string, counts as set).
missing(container, _) if not container.resources

missing(container, _) if {
	is_object(container.resources)
	not container.resources.limits
}

missing(container, limit) if {
	is_object(container.resources.limits)
	not limit in object.keys(container.resources.limits)
}

# Where to report: the `limits` map, else `resources`, else the container.
deepest(entry) := array.concat(entry.path, ["resources", "limits"]) if is_object(entry.container.resources.limits)

deepest(entry) := array.concat(entry.path, ["resources"]) if {
	is_object(entry.container.resources)
	not is_object(entry.container.resources.limits)
}

deepest(entry) := entry.path if not is_object(entry.container.resources)
