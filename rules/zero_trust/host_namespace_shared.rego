# METADATA
# title: Pod shares a host namespace
# description: |
#   A pod with `hostNetwork`, `hostPID` or `hostIPC` joins the node's own network, process or
#   IPC namespace: it can listen on and sniff the node's interfaces and reach services bound to
#   localhost, see and signal every process on the node (and read their environment), or
#   attach to the shared memory of other workloads. That removes the isolation boundary
#   between the workload and the node. Fires once per field that is `true` in the pod spec of
#   a Kubernetes workload (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
#   ReplicationController, Job, CronJob). The three fields default to `false`, so a missing
#   field does not fire, and neither does a value that is not the boolean `true`. A template
#   placeholder (`{{ .Values.hostNetwork }}`, `${HOST_PID}`) is unknown: the field is listed
#   as undecided instead.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline profile ("Host Namespaces")
#   - https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/
# custom:
#   id: ZT014
#   severity: high
#   pillar: zero_trust
#   layer: 6
#   controls: [SC-7, SC-39]
#   tenets: [1]
#   targets: [kubernetes]
#   remediation: |
#     Remove `hostNetwork`, `hostPID` and `hostIPC` from the pod spec (or set them to `false`)
#     and expose the workload through a Service instead of the node's ports:
#
#     ```yaml
#     spec:
#       hostNetwork: false
#       hostPID: false
#       hostIPC: false
#       containers:
#         - name: app
#           image: registry.example.com/app:1.4.2
#           ports:
#             - containerPort: 8080
#     ```
package tenet.zero_trust.host_namespace_shared

import data.tenet.lib.kubernetes as k8s
import rego.v1

namespaces := {
	"hostNetwork": "network namespace: it sees the node's interfaces and localhost services",
	"hostPID": "process namespace: it sees and can signal every process on the node",
	"hostIPC": "IPC namespace: it can reach the shared memory of other workloads",
}

deny contains finding if {
	some pod in k8s.pods
	some field, what in namespaces
	pod.spec[field] == true
	finding := {
		"resource": pod.address,
		"path": array.concat(pod.path, [field]),
		"message": sprintf("%s sets %s: true and shares the node's %s", [pod.address, field, what]),
	}
}

# A field that is a template placeholder may be `true`.
undecided contains entry if {
	some pod in k8s.pods
	some field, what in namespaces
	value := pod.spec[field]
	is_string(value)
	k8s.placeholder(value)
	entry := {
		"resource": pod.address,
		"path": array.concat(pod.path, [field]),
		"message": sprintf("`%s` of %s is a template placeholder, so whether the pod shares the node's %s cannot be decided", [field, pod.address, what]),
	}
}
