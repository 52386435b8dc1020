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
#   (`system:serviceaccount:<namespace>:<name>`). A ServiceAccount subject always fires, also
#   when its name is a template placeholder. A binding without subjects does not fire. A
#   template placeholder that decides the result (a `User` or `Group` name, the subject's
#   `kind`, the `roleRef` name or kind, or the whole `subjects` field) is unknown: the binding
#   is reported as undecided instead.
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
	named_clearly(subject)
	not unclear_subject(subject)
	not system_identity(subject)
	finding := {
		"resource": binding.address,
		"path": ["subjects", i],
		"message": sprintf("%s binds %s %q to cluster-admin: %s", [k8s.label(binding), object.get(subject, "kind", "subject"), subject.name, scope(kind)]),
	}
}

# A service account is never a system identity, whatever its name.
named_clearly(subject) if not k8s.placeholder(subject.name)

named_clearly(subject) if subject.kind == "ServiceAccount"

# A subject of a cluster-admin binding whose name or kind is a placeholder: it could be a
# principal or a built-in system identity.
undecided contains {"resource": binding.address, "path": ["subjects", i], "message": message} if {
	some kind in ["ClusterRoleBinding", "RoleBinding"]
	some binding in k8s.resources(kind)
	binding.attributes.roleRef.name == "cluster-admin"
	binding.attributes.roleRef.kind == "ClusterRole"
	subjects := binding.attributes.subjects
	is_array(subjects)
	some i, subject in subjects
	is_object(subject)
	unclear_subject(subject)
	message := sprintf("%s binds a subject whose %s is a template placeholder to cluster-admin, so whether it is a built-in system identity cannot be decided", [k8s.label(binding), unclear_field(subject)])
}

unclear_subject(subject) if {
	placeholder_string(subject.name)
	subject.kind != "ServiceAccount"
}

unclear_subject(subject) if {
	placeholder_string(subject.kind)
	is_string(subject.name)
	startswith(subject.name, "system:")
	not broad_system_name(subject.name)
}

unclear_field(subject) := "name" if placeholder_string(subject.name)

unclear_field(subject) := "kind" if not placeholder_string(subject.name)

# The `subjects` of a cluster-admin binding are a placeholder.
undecided contains {"resource": binding.address, "path": ["subjects"], "message": message} if {
	some kind in ["ClusterRoleBinding", "RoleBinding"]
	some binding in k8s.resources(kind)
	binding.attributes.roleRef.name == "cluster-admin"
	binding.attributes.roleRef.kind == "ClusterRole"
	placeholder_string(binding.attributes.subjects)
	message := sprintf("%s binds cluster-admin to subjects given by a template placeholder, so who gets it cannot be decided", [k8s.label(binding)])
}

# The `roleRef` is a placeholder where it decides whether the role is cluster-admin, and some
# subject would be reported.
undecided contains {"resource": binding.address, "path": ["roleRef", field], "message": message} if {
	some kind in ["ClusterRoleBinding", "RoleBinding"]
	some binding in k8s.resources(kind)
	field := unclear_role_field(binding.attributes.roleRef)
	some subject in binding.attributes.subjects
	is_object(subject)
	not system_identity(subject)
	message := sprintf("%s: `roleRef.%s` is a template placeholder, so whether it binds cluster-admin cannot be decided", [k8s.label(binding), field])
}

unclear_role_field(role_ref) := "name" if {
	placeholder_string(role_ref.name)
	role_ref.kind == "ClusterRole"
}

unclear_role_field(role_ref) := "name" if {
	placeholder_string(role_ref.name)
	placeholder_string(role_ref.kind)
}

unclear_role_field(role_ref) := "kind" if {
	role_ref.name == "cluster-admin"
	placeholder_string(role_ref.kind)
}

placeholder_string(value) if {
	is_string(value)
	k8s.placeholder(value)
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
