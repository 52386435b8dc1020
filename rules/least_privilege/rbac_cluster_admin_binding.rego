# METADATA
# title: Subject bound to cluster-admin
# description: |
#   The `cluster-admin` ClusterRole allows every verb on every resource. Bound by a
#   ClusterRoleBinding it makes the subject superuser of the whole cluster; bound by a
#   RoleBinding it gives full control of that namespace, its Secrets, workloads and RBAC
#   included. Fires once per subject of a `ClusterRoleBinding` or `RoleBinding` whose
#   `roleRef` names the ClusterRole `cluster-admin` (`roleRef.kind: ClusterRole`; a namespaced
#   Role that happens to be called `cluster-admin` is not the built-in one), unless the subject
#   is a Kubernetes system identity: a `User` or `Group` whose name starts with `system:`, such
#   as the built-in binding to `system:masters`. Names that start with `system:` but stand for
#   many principals still fire: the groups `system:authenticated`, `system:unauthenticated`
#   and `system:serviceaccounts` (and `system:serviceaccounts:<namespace>`), the user
#   `system:anonymous`, and service accounts written as users
#   (`system:serviceaccount:<namespace>:<name>`). A ServiceAccount subject always fires. A
#   binding without subjects does not fire, nor does a subject name that is a template
#   placeholder.
# related_resources:
#   - ref: https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles
#     description: Using RBAC Authorization, user-facing roles (cluster-admin)
#   - ref: https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege
#     description: Role Based Access Control Good Practices
# custom:
#   id: LP010
#   severity: high
#   pillar: least_privilege
#   layer: 2
#   controls: [AC-6, AC-6(5)]
#   targets: [kubernetes]
#   remediation: |
#     Bind a role that grants only what the subject needs, in the namespace where it needs it:
#
#     ```yaml
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: RoleBinding
#     metadata:
#       name: ci-deployer
#       namespace: shop
#     roleRef:
#       apiGroup: rbac.authorization.k8s.io
#       kind: Role
#       name: deployer
#     subjects:
#       - kind: ServiceAccount
#         name: ci
#         namespace: shop
#     ```
package tenet.least_privilege.rbac_cluster_admin_binding

import data.tenet.lib.kubernetes as k8s
import rego.v1

deny contains finding if {
	some kind in ["ClusterRoleBinding", "RoleBinding"]
	some binding in k8s.resources(kind)
	binding.attributes.roleRef.name == "cluster-admin"
	binding.attributes.roleRef.kind == "ClusterRole"
	subjects := binding.attributes.subjects
	is_array(subjects)
	some i, subject in subjects
	is_object(subject)
	is_string(subject.name)
	not k8s.placeholder(subject.name)
	not system_identity(subject)
	finding := {
		"resource": binding.address,
		"path": ["subjects", i],
		"message": sprintf("%s binds %s %q to cluster-admin: %s", [k8s.label(binding), object.get(subject, "kind", "subject"), subject.name, scope(kind)]),
	}
}

scope("ClusterRoleBinding") := "it can do anything anywhere in the cluster"

scope("RoleBinding") := "it can do anything in the namespace, Secrets and RBAC included"

# Built-in system users and groups (`system:masters`, `system:kube-controller-manager`, ...),
# but not the names that stand for many principals or for service accounts.
system_identity(subject) if {
	subject.kind in {"User", "Group"}
	startswith(subject.name, "system:")
	not broad_system_name(subject.name)
}

broad_system_name(name) if name in {"system:authenticated", "system:unauthenticated", "system:anonymous", "system:serviceaccounts"}

broad_system_name(name) if startswith(name, "system:serviceaccounts:")

broad_system_name(name) if startswith(name, "system:serviceaccount:")
