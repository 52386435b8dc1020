# METADATA
# title: Pod mounts a path of the node
# description: |
#   A `hostPath` volume gives the pod a directory or file of the node itself. Through it a
#   container can read other workloads' data, plant files the node will execute, or, with the
#   container runtime socket, start privileged containers of its own: the node's filesystem is
#   no longer isolated from the workload. Fires once per `hostPath` volume in `volumes` of the
#   pod spec of a Kubernetes workload (and of pod templates in custom resources), whatever its
#   path, `type` or mount options (`readOnly` still exposes the node's files). The finding is
#   critical (not the rule's high) for the paths that hand over the node at once: `/`, `/proc`, `/etc`,
#   `/var/lib/kubelet`, `/var/run/docker.sock` and `/run/containerd/containerd.sock`, compared
#   after removing a trailing `/` and treating `/var/run` and `/run` alike. A volume whose
#   `hostPath.path` is a template placeholder still fires (the volume is a hostPath volume
#   whatever its path) but is not called critical. Does not fire on volumes of other types.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#     description: Volumes, hostPath (with its security warning)
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#     description: Pod Security Standards, Baseline profile ("HostPath Volumes")
# custom:
#   id: LP016
#   severity: high
#   pillar: least_privilege
#   layer: 6
#   controls: [AC-6, SC-39]
#   targets: [kubernetes]
#   remediation: |
#     Replace the `hostPath` volume with a volume that does not expose the node: an
#     `emptyDir` for scratch space, a PersistentVolumeClaim for data, a ConfigMap or Secret
#     for configuration, or a CSI driver for node-provided resources:
#
#     ```yaml
#     spec:
#       containers:
#         - name: app
#           image: registry.example.com/app:1.4.2
#           volumeMounts:
#             - name: cache
#               mountPath: /var/cache/app
#       volumes:
#         - name: cache
#           emptyDir: {}
#     ```
package tenet.least_privilege.host_path_mount

import data.tenet.lib.kubernetes as k8s
import rego.v1

critical_paths := {
	"/": "the node's whole filesystem",
	"/proc": "the node's processes and kernel settings",
	"/etc": "the node's configuration and credentials",
	"/var/lib/kubelet": "the kubelet's state, including every pod's secrets",
	"/run/docker.sock": "the Docker socket, which starts privileged containers",
	"/run/containerd/containerd.sock": "the containerd socket, which starts privileged containers",
}

deny contains finding if {
	some pod in k8s.pods
	volumes := object.get(pod.spec, "volumes", [])
	is_array(volumes)
	some i, volume in volumes
	is_object(volume)
	host := volume.hostPath
	finding := {
		"resource": pod.address,
		"path": array.concat(pod.path, finding_path(i, host)),
		"message": sprintf("%s mounts the node's %s through hostPath volume %s%s", [pod.address, shown_path(host), volume_name(volume, i), critical_note(host)]),
		"severity": severity(host),
	}
}

# Critical for the paths that hand over the node; the rule's own severity (high) otherwise.
severity(host) := "critical" if critical(host)

severity(host) := "high" if not critical(host)

critical(host) if {
	is_string(host.path)
	critical_paths[normalized(host.path)]
}

finding_path(i, host) := ["volumes", i, "hostPath", "path"] if is_string(object.get(host, "path", null))

finding_path(i, host) := ["volumes", i, "hostPath"] if not is_string(object.get(host, "path", null))

shown_path(host) := sprintf("path %q", [host.path]) if is_string(host.path)

shown_path(host) := "filesystem" if not is_string(object.get(host, "path", null))

volume_name(volume, _) := sprintf("%q", [volume.name]) if is_string(volume.name)

volume_name(volume, i) := sprintf("#%d", [i]) if not is_string(volume.name)

critical_note(host) := sprintf(" (critical: %s)", [critical_paths[normalized(host.path)]]) if is_string(host.path)

critical_note(host) := "" if {
	is_string(host.path)
	not critical_paths[normalized(host.path)]
}

critical_note(host) := "" if not is_string(object.get(host, "path", null))

# `/var/run` is a link to `/run` on current distributions; a trailing `/` changes nothing.
normalized(path) := "/" if regex.match(`^/+$`, path)

normalized(path) := result if {
	not regex.match(`^/+$`, path)
	stripped := trim_right(path, "/")
	result := run_path(stripped)
}

run_path(path) := concat("", ["/run", substring(path, 8, -1)]) if startswith(path, "/var/run/")

run_path(path) := path if not startswith(path, "/var/run/")
