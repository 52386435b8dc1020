# METADATA
# title: ClusterRole can read every Secret
# description: |
#   Reading Secrets is reading credentials: service account tokens, TLS keys, database
#   passwords. A ClusterRole that grants it, once bound by a ClusterRoleBinding, lets the
#   subject read every Secret of every namespace, and `list` and `watch` return the values
#   too, not only the names. Fires on each rule in `rules` of a `ClusterRole` that covers the
#   core API group (`""` or `*` in `apiGroups`), covers Secrets (`secrets` or `*` in
#   `resources`) and grants `get`, `list`, `watch` or `*` in `verbs`, once per rule, at the
#   `resources` entry. Does not fire on a rule limited by `resourceNames` (it reads only the
#   Secrets it names), on a namespaced `Role` (one namespace only), or when a field is not a
#   list. A template placeholder in place of `apiGroups`, `resources` or `verbs`, or of one of
#   their entries, is unknown: when it could complete the match, the rule is reported as
#   undecided, at the first such field. The `rules` of an aggregated ClusterRole are filled in
#   by the controller and are judged as written.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets
#     description: Role Based Access Control Good Practices, listing secrets
#   - ref: https://kubernetes.io/docs/concepts/configuration/secret/#least-privilege-secret-access
#     description: Secrets, least-privilege access to Secrets
# custom:
#   id: LP018
#   severity: high
#   pillar: least_privilege
#   layer: 2
#   controls: [AC-6]
#   targets: [kubernetes]
#   remediation: |
#     Grant Secret access in a namespaced Role, limited to the Secrets the subject needs:
#
#     ```yaml
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: app-secrets
#       namespace: shop
#     rules:
#       - apiGroups: [""]
#         resources: ["secrets"]
#         resourceNames: ["app-db-credentials"]
#         verbs: ["get"]
#     ```
package tenet.least_privilege.rbac_secrets_read_cluster_wide

import data.tenet.lib.kubernetes as k8s
import rego.v1

read_verbs := {"get", "list", "watch", "*"}

deny contains finding if {
	some role in k8s.resources("ClusterRole")
	rules := object.get(role.attributes, "rules", [])
	is_array(rules)
	some i, rule in rules
	is_object(rule)
	is_array(rule.apiGroups)
	is_array(rule.resources)
	is_array(rule.verbs)
	some group in rule.apiGroups
	group in {"", "*"}
	not limited_by_name(rule)
	j := min([k | some k, resource in rule.resources; resource in {"secrets", "*"}])
	verbs := [verb | some verb in rule.verbs; verb in read_verbs]
	count(verbs) > 0
	finding := {
		"resource": role.address,
		"path": ["rules", i, "resources", j],
		"message": sprintf("%s can read every Secret of every namespace once bound cluster-wide: rule %d grants %s on %s", [k8s.label(role), i, concat(", ", [sprintf("`%s`", [verb]) | some verb in verbs]), what(rule.resources[j])]),
	}
}

# A rule that matches if its placeholders take the right values.
undecided contains result if {
	some role in k8s.resources("ClusterRole")
	rules := object.get(role.attributes, "rules", [])
	is_array(rules)
	some i, rule in rules
	is_object(rule)
	not limited_by_name(rule)
	fields := {
		"resources": object.get(rule, "resources", null),
		"verbs": object.get(rule, "verbs", null),
		"apiGroups": object.get(rule, "apiGroups", null),
	}
	every name, value in fields {
		may_match(value, wanted[name])
	}
	unsure := [name | some name in ["resources", "verbs", "apiGroups"]; not surely_matches(fields[name], wanted[name])]
	count(unsure) > 0
	field := unsure[0]
	result := {
		"resource": role.address,
		"path": array.concat(["rules", i, field], placeholder_at(fields[field])),
		"message": sprintf("%s: `%s` of rule %d holds a template placeholder, so whether the rule can read every Secret of every namespace cannot be decided", [k8s.label(role), field, i]),
	}
}

wanted := {"resources": {"secrets", "*"}, "verbs": read_verbs, "apiGroups": {"", "*"}}

surely_matches(value, accepted) if {
	is_array(value)
	some item in value
	item in accepted
}

may_match(value, accepted) if surely_matches(value, accepted)

may_match(value, _) if placeholder_at(value)

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

what("secrets") := "`secrets`"

what("*") := "every resource (`*`), Secrets included"

limited_by_name(rule) if {
	is_array(rule.resourceNames)
	count(rule.resourceNames) > 0
}
