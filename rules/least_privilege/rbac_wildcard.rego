# METADATA
# title: RBAC rule grants with a wildcard
# description: |
#   A `*` in an RBAC rule grants whatever exists, including verbs and resource types added
#   later (custom resources, `escalate`, `bind`, `impersonate`), so the role can never be
#   reviewed for what it really allows. Fires on each rule in `rules` of a `Role` or
#   `ClusterRole` that has `*` in `verbs` (once, at that entry), or `*` in `resources` together
#   with `*` in `apiGroups` (once, at the `resources` entry): every resource type of every API
#   group. A `*` in `resources` limited to named API groups, or a `*` in `apiGroups` alone, is
#   not reported, and neither are `resourceNames` or `nonResourceURLs` wildcards on their own.
#   A `*` in `verbs` fires even when the rule is narrowed by `resourceNames` or only lists
#   `nonResourceURLs`: it still grants every verb there. A template placeholder (`${VERBS}`,
#   `{{ .Values.verbs }}`) in place of the field or of one of its entries is unknown and does
#   not fire: when it could be the missing `*`, the rule is reported as undecided instead. The
#   `rules` of an aggregated ClusterRole are filled in by the controller and are judged as
#   written.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege
#     description: Role Based Access Control Good Practices, least privilege
#   - ref: https://kubernetes.io/docs/reference/access-authn-authz/rbac/#role-and-clusterrole
#     description: Using RBAC Authorization, Role and ClusterRole
# custom:
#   id: LP009
#   severity: high
#   pillar: least_privilege
#   layer: 2
#   controls: [AC-6]
#   targets: [kubernetes]
#   remediation: |
#     List the API groups, resources and verbs the subject really needs:
#
#     ```yaml
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: Role
#     metadata:
#       name: deployer
#       namespace: shop
#     rules:
#       - apiGroups: ["apps"]
#         resources: ["deployments"]
#         verbs: ["get", "list", "watch", "update", "patch"]
#     ```
package tenet.least_privilege.rbac_wildcard

import data.tenet.lib.kubernetes as k8s
import rego.v1

rbac_rules contains entry if {
	some kind in ["Role", "ClusterRole"]
	some role in k8s.resources(kind)
	rules := object.get(role.attributes, "rules", [])
	is_array(rules)
	some i, rule in rules
	is_object(rule)
	entry := {"role": role, "index": i, "rule": rule}
}

deny contains finding if {
	some entry in rbac_rules
	verbs := entry.rule.verbs
	is_array(verbs)
	j := first_wildcard(verbs)
	finding := {
		"resource": entry.role.address,
		"path": ["rules", entry.index, "verbs", j],
		"message": sprintf("%s grants every verb (`*`) in rule %d%s", [k8s.label(entry.role), entry.index, on_what(entry.rule)]),
	}
}

deny contains finding if {
	some entry in rbac_rules
	resources := entry.rule.resources
	groups := entry.rule.apiGroups
	is_array(resources)
	is_array(groups)
	"*" in groups
	j := first_wildcard(resources)
	finding := {
		"resource": entry.role.address,
		"path": ["rules", entry.index, "resources", j],
		"message": sprintf("%s grants access to every resource of every API group (`*` in resources and apiGroups) in rule %d", [k8s.label(entry.role), entry.index]),
	}
}

# A placeholder in `verbs` could be `*`.
undecided contains {"resource": entry.role.address, "path": path, "message": message} if {
	some entry in rbac_rules
	verbs := object.get(entry.rule, "verbs", null)
	not holds_wildcard(verbs)
	path := array.concat(["rules", entry.index, "verbs"], placeholder_at(verbs))
	message := sprintf("%s: `verbs` of rule %d holds a template placeholder, so whether it grants every verb (`*`) cannot be decided", [k8s.label(entry.role), entry.index])
}

# A placeholder in `resources` or `apiGroups` could be the `*` that, with a `*` in the other,
# grants every resource of every API group.
undecided contains {"resource": entry.role.address, "path": path, "message": message} if {
	some entry in rbac_rules
	resources := object.get(entry.rule, "resources", null)
	groups := object.get(entry.rule, "apiGroups", null)
	may_hold_wildcard(resources)
	may_hold_wildcard(groups)
	field := first_unsure({"resources": resources, "apiGroups": groups})
	path := array.concat(["rules", entry.index, field], placeholder_at(object.get(entry.rule, field, null)))
	message := sprintf("%s: `%s` of rule %d holds a template placeholder, so whether it grants every resource of every API group cannot be decided", [k8s.label(entry.role), field, entry.index])
}

holds_wildcard(list) if {
	is_array(list)
	"*" in list
}

may_hold_wildcard(list) if holds_wildcard(list)

may_hold_wildcard(list) if placeholder_at(list)

# Where a placeholder sits: [] when the whole field is one, [j] for the first entry that is
# one; undefined when there is none.
placeholder_at(value) := [] if {
	is_string(value)
	k8s.placeholder(value)
}

placeholder_at(value) := [min(indices)] if {
	is_array(value)
	indices := [j | some j, item in value; is_string(item); k8s.placeholder(item)]
	count(indices) > 0
}

# `resources` when it is not certain to hold `*`, else `apiGroups` when that is not; undefined
# when both are.
first_unsure(fields) := "resources" if not holds_wildcard(fields.resources)

first_unsure(fields) := "apiGroups" if {
	holds_wildcard(fields.resources)
	not holds_wildcard(fields.apiGroups)
}

# The index of the first `*` in a list.
first_wildcard(list) := min([j | some j, value in list; value == "*"])

on_what(rule) := sprintf(" on resources %s", [concat(", ", [sprintf("`%s`", [name]) | some name in resource_names(rule)])]) if count(resource_names(rule)) > 0

on_what(rule) := " on non-resource URLs" if {
	count(resource_names(rule)) == 0
	is_array(rule.nonResourceURLs)
}

on_what(rule) := "" if {
	count(resource_names(rule)) == 0
	not is_array(rule.nonResourceURLs)
}

resource_names(rule) := [name | some name in object.get(rule, "resources", []); is_string(name)] if is_array(object.get(rule, "resources", []))

resource_names(rule) := [] if not is_array(object.get(rule, "resources", []))
