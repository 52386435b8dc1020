# METADATA
# title: Pod mounts the default service account token
# description: |
#   Kubernetes mounts a token of the pod's service account into every container unless told
#   not to. A pod that runs as the namespace's `default` service account rarely needs the
#   Kubernetes API, yet any process in it, or anyone who compromises one, can read the token
#   and call the API with whatever the `default` account has been granted. Fires on the pod
#   spec of every Kubernetes workload (and of pod templates in custom resources; for an Argo
#   Workflow template, the workflow-wide `serviceAccountName` and
#   `automountServiceAccountToken` apply when the template sets none) that uses the `default`
#   service account (`serviceAccountName` missing, empty or `default`, with the deprecated
#   `serviceAccount` read the same way when `serviceAccountName` is missing) and whose
#   `automountServiceAccountToken` is `true` or missing (missing: the token is mounted, as
#   the service account's own setting is true by default). Does not fire when the same file
#   holds the `default` ServiceAccount of that namespace with
#   `automountServiceAccountToken: false` (Kubernetes then skips the mount), when the pod
#   names another service account (it has been given one on purpose), or when either field is
#   a template placeholder (unknown). Such a placeholder is reported as undecided when it
#   decides the result: a placeholder account name while the token would be mounted for the
#   `default` account, or a placeholder `automountServiceAccountToken` for a pod that runs as
#   the `default` account.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting
#     description: Configure Service Accounts for Pods, opt out of API credential automounting
#   - ref: https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts
#     description: Service Accounts, default service accounts
# custom:
#   id: LP017
#   severity: low
#   pillar: least_privilege
#   layer: 2
#   controls: [AC-6, IA-5]
#   targets: [kubernetes]
#   remediation: |
#     Turn the token off in the pod spec when the workload does not call the Kubernetes API
#     (or, when it does, give it its own service account with only the permissions it needs):
#
#     ```yaml
#     spec:
#       automountServiceAccountToken: false
#       containers:
#         - name: app
#           image: registry.example.com/app:1.4.2
#     ```
package tenet.least_privilege.service_account_token_automount

import data.tenet.lib.kubernetes as k8s
import rego.v1

deny contains finding if {
	some pod in k8s.pods
	uses_default_account(pod)
	not k8s.pod_setting(pod, "automountServiceAccountToken")
	not default_account_opts_out(pod.address)
	finding := {
		"resource": pod.address,
		"path": array.concat(pod.path, ["automountServiceAccountToken"]),
		"message": sprintf("%s runs as the default service account and does not set automountServiceAccountToken: false, so every container gets an API token", [pod_label(pod)]),
	}
}

deny contains finding if {
	some pod in k8s.pods
	uses_default_account(pod)
	automount := k8s.pod_setting(pod, "automountServiceAccountToken")
	automount.value == true
	finding := {
		"resource": pod.address,
		"path": automount.path,
		"message": sprintf("%s runs as the default service account with automountServiceAccountToken: true, so every container gets an API token", [pod_label(pod)]),
	}
}

# The account name is a placeholder (it could be `default`) and the token would be mounted for
# the default account: the flag is true, a placeholder, or missing without an opt-out.
undecided contains result if {
	some pod in k8s.pods
	account := account_setting(pod)
	placeholder_string(account.value)
	mounted_for_default(pod)
	result := {
		"resource": pod.address,
		"path": account.path,
		"message": sprintf("%s: the service account name is a template placeholder, so whether it runs as the default service account with an API token mounted cannot be decided", [pod_label(pod)]),
	}
}

# The pod runs as the default account and its automount flag is a placeholder.
undecided contains result if {
	some pod in k8s.pods
	uses_default_account(pod)
	automount := k8s.pod_setting(pod, "automountServiceAccountToken")
	placeholder_string(automount.value)
	result := {
		"resource": pod.address,
		"path": automount.path,
		"message": sprintf("%s runs as the default service account and automountServiceAccountToken is a template placeholder, so whether every container gets an API token cannot be decided", [pod_label(pod)]),
	}
}

# The setting that names the account: serviceAccountName, else the deprecated serviceAccount.
account_setting(pod) := k8s.pod_setting(pod, "serviceAccountName")

account_setting(pod) := k8s.pod_setting(pod, "serviceAccount") if not k8s.pod_setting(pod, "serviceAccountName")

mounted_for_default(pod) if {
	not k8s.pod_setting(pod, "automountServiceAccountToken")
	not default_account_opts_out(pod.address)
}

mounted_for_default(pod) if k8s.pod_setting(pod, "automountServiceAccountToken").value == true

mounted_for_default(pod) if placeholder_string(k8s.pod_setting(pod, "automountServiceAccountToken").value)

placeholder_string(value) if {
	is_string(value)
	k8s.placeholder(value)
}

pod_label(pod) := pod.address if count(pod.path) <= 3

pod_label(pod) := sprintf("%s (pod template at %s)", [pod.address, concat(".", [format_int_or_string(p) | some p in pod.path])]) if count(pod.path) > 3

format_int_or_string(p) := p if is_string(p)

format_int_or_string(p) := sprintf("%d", [p]) if is_number(p)

# serviceAccountName (or the deprecated serviceAccount) is missing, empty or "default".
uses_default_account(pod) if {
	not k8s.pod_setting(pod, "serviceAccountName")
	not k8s.pod_setting(pod, "serviceAccount")
}

uses_default_account(pod) if {
	name := k8s.pod_setting(pod, "serviceAccountName").value
	default_name(name)
}

uses_default_account(pod) if {
	not k8s.pod_setting(pod, "serviceAccountName")
	name := k8s.pod_setting(pod, "serviceAccount").value
	default_name(name)
}

default_name(name) if name == ""

default_name(name) if name == "default"

# The namespace's `default` ServiceAccount in the same file turns the mount off.
default_account_opts_out(address) if {
	some account in k8s.resources("ServiceAccount")
	account.name == "default"
	k8s.namespace(account) == address_namespace(address)
	account.attributes.automountServiceAccountToken == false
}

# Addresses are `Kind/namespace/name` or `Kind/name`.
address_namespace(address) := parts[1] if {
	parts := split(address, "/")
	count(parts) == 3
}

address_namespace(address) := "" if count(split(address, "/")) != 3
