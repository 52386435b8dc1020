# Helpers for AWS IAM policy documents in Terraform, shared by the least-privilege rules.
#
# A policy document is read from a JSON string attribute of a policy-bearing resource. The
# string can come from a literal, a heredoc, `jsonencode(...)`, `file(...)` or the `json` of a
# `data "aws_iam_policy_document"` (the Terraform evaluator renders all of them to a JSON
# string). A document that is unknown statically (null in the IR) or that is not valid JSON
# is skipped: nothing is guessed. Data sources themselves are not judged; the resource that
# uses their `json` is, so one policy is reported once.
#
# `documents` holds one entry per policy document:
#
#   {"address", "type", "name", "path": attribute path (["policy"],
#    ["inline_policy", 0, "policy"], ["assume_role_policy"]), "kind": "identity" | "resource"
#    | "trust", "policy": the parsed document}
#
# `statements` holds one entry per statement of every document, normalized:
#
#   {"address", "type", "name", "path", "kind", "index": position in `Statement`, "sid",
#    "effect", "actions", "not_actions", "resources", "not_resources": arrays of strings
#    ([] when the element is absent), "has_action", "has_not_action", "has_resource",
#    "has_not_resource": whether the element is present, "principals", "not_principals":
#    arrays of {"type": "*" | "AWS" | "Service" | "Federated" | "CanonicalUser", "value"},
#    "condition": the Condition object ({} when absent), "statement": the raw statement}
package tenet.lib.aws_iam

import data.tenet.lib.terraform as tf
import rego.v1

# Resource types whose `policy` attribute holds a policy document, with the document kind.
policy_attribute_kinds := {
	"aws_iam_policy": "identity",
	"aws_iam_role_policy": "identity",
	"aws_iam_user_policy": "identity",
	"aws_iam_group_policy": "identity",
	"aws_s3_bucket_policy": "resource",
	"aws_sqs_queue_policy": "resource",
	"aws_sns_topic_policy": "resource",
	"aws_kms_key": "resource",
	"aws_ecr_repository_policy": "resource",
}

# --- documents -------------------------------------------------------------------------------

# One pass over the resources; `policy_attributes` lists the policy documents of one resource.
documents contains doc if {
	some resource in input.resources
	tf.managed(resource)
	some entry in policy_attributes(resource)
	doc := document(resource, entry.path, entry.kind, entry.text)
}

# [{"path", "kind", "text"}] for each attribute of the resource that holds a policy document.
policy_attributes(resource) := [{"path": ["policy"], "kind": kind, "text": object.get(resource.attributes, "policy", null)}] if {
	kind := policy_attribute_kinds[resource.type]
}

policy_attributes(resource) := array.concat(
	[{"path": ["assume_role_policy"], "kind": "trust", "text": object.get(resource.attributes, "assume_role_policy", null)}],
	[{"path": ["inline_policy", i, "policy"], "kind": "identity", "text": object.get(inline, "policy", null)} |
		some i, inline in inline_policies(resource)
		is_object(inline)
	],
) if resource.type == "aws_iam_role"

# The role's `inline_policy` blocks; [] when there are none or when the list is unknown (the
# trust policy is still read then).
inline_policies(resource) := tf.list_or_empty(resource, ["inline_policy"])

inline_policies(resource) := [] if tf.unknown(resource, ["inline_policy"])

document(resource, path, kind, text) := doc if {
	is_string(text)
	json.is_valid(text)
	policy := json.unmarshal(text)
	is_object(policy)
	doc := {
		"address": resource.address,
		"type": resource.type,
		"name": resource.name,
		"path": path,
		"kind": kind,
		"policy": policy,
	}
}

# --- statements ------------------------------------------------------------------------------

statement_list(policy) := policy.Statement if is_array(policy.Statement)

statement_list(policy) := [policy.Statement] if is_object(policy.Statement)

statements contains statement if {
	some doc in documents
	some i, raw in statement_list(doc.policy)
	is_object(raw)
	statement := {
		"address": doc.address,
		"type": doc.type,
		"name": doc.name,
		"path": doc.path,
		"kind": doc.kind,
		"index": i,
		"sid": string_or_empty(object.get(raw, "Sid", "")),
		"effect": string_or_empty(object.get(raw, "Effect", "")),
		"actions": strings(object.get(raw, "Action", null)),
		"not_actions": strings(object.get(raw, "NotAction", null)),
		"resources": strings(object.get(raw, "Resource", null)),
		"not_resources": strings(object.get(raw, "NotResource", null)),
		"has_action": "Action" in object.keys(raw),
		"has_not_action": "NotAction" in object.keys(raw),
		"has_resource": "Resource" in object.keys(raw),
		"has_not_resource": "NotResource" in object.keys(raw),
		"principals": principals(object.get(raw, "Principal", null)),
		"not_principals": principals(object.get(raw, "NotPrincipal", null)),
		"condition": object_or_empty(object.get(raw, "Condition", {})),
		"statement": raw,
	}
}

# A string or a list of strings, as an array of strings (other values are dropped).
strings(value) := [value] if is_string(value)

strings(value) := [v | some v in value; is_string(v)] if is_array(value)

strings(value) := [] if {
	not is_string(value)
	not is_array(value)
}

string_or_empty(value) := value if is_string(value)

string_or_empty(value) := "" if not is_string(value)

object_or_empty(value) := value if is_object(value)

object_or_empty(value) := {} if not is_object(value)

# `"*"`, `{"AWS": "*"}`, `{"AWS": ["arn:...", ...], "Service": "..."}` as
# [{"type", "value"}]; `"*"` alone has type "*".
principals(value) := [{"type": "*", "value": value}] if is_string(value)

principals(value) := [{"type": type, "value": v} |
	some type, entry in value
	some v in strings(entry)
] if is_object(value)

principals(value) := [] if {
	not is_string(value)
	not is_object(value)
}

# --- predicates ------------------------------------------------------------------------------

allows(statement) if statement.effect == "Allow"

# The statement applies to every action: `Action` is or contains "*".
all_actions(statement) if "*" in statement.actions

# The statement applies to every resource: `Resource` is or contains "*".
all_resources(statement) if "*" in statement.resources

# The statement has a principal that is anyone: `"*"` or `{"AWS": "*"}`.
any_principal(statement) if {
	some principal in statement.principals
	principal.type in {"*", "AWS"}
	principal.value == "*"
}

# "statement \"Admin\"" when the statement has a Sid, else "statement 2" (1-based).
label(statement) := sprintf("statement %q", [statement.sid]) if statement.sid != ""

label(statement) := sprintf("statement %d", [statement.index + 1]) if statement.sid == ""

# "policy", "inline_policy[0].policy", "assume_role_policy".
attribute(statement) := tf.display_path(statement.path)

# The document grants permissions to the identity that holds it (`aws_iam_policy`,
# `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`, `aws_iam_role`
# `inline_policy`). In a resource policy `"Resource": "*"` means the resource itself.
identity(statement) if statement.kind == "identity"

# A service-wide wildcard action such as `s3:*` or `IAM:*` (every action of one service).
service_wildcard(action) if regex.match(`^[A-Za-z0-9-]+:\*$`, action)

# True when the action pattern of a statement (`iam:PassRole`, `iam:Pass*`, `IAM:*Policy`)
# matches the action name; IAM action names are case-insensitive.
action_matches(pattern, action) if glob.match(lower(pattern), null, lower(action))

# The statement's `Condition` has a key (case-insensitive) among `keys` under an operator that
# is not an `...IfExists` form and not `Null` (which only tests whether the key is present).
# `ForAnyValue:`/`ForAllValues:` prefixes are kept: they still compare the key's values.
restricted_by(statement, keys) if {
	some operator, entries in statement.condition
	not endswith(lower(operator), "ifexists")
	lower(operator) != "null"
	is_object(entries)
	some key, _ in entries
	lower(key) in keys
}
