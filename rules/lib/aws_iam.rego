# Helpers for AWS IAM policy documents in Terraform, shared by the least-privilege rules.
#
# A policy document is read from a JSON string attribute of a policy-bearing resource. The
# string can come from a literal, a heredoc, `jsonencode(...)`, `file(...)` or the `json` of a
# `data "aws_iam_policy_document"` (the Terraform evaluator renders all of them to a JSON
# string). A document that is unknown statically (null in the IR and listed in the resource's
# `unknown`) is not judged but listed in `unknown_documents`, so that rules report it as
# undecided; a document that is not valid JSON is skipped. Data sources themselves are not
# judged; the resource that uses their `json` is, so one policy is reported once.
#
# `documents` holds one entry per policy document:
#
#   {"address", "type", "name", "path": attribute path (["policy"],
#    ["inline_policy", 0, "policy"], ["assume_role_policy"]), "kind": "identity" | "resource"
#    | "trust", "policy": the parsed document}
#
# `unknown_documents` holds one entry per policy-bearing attribute whose document is unknown
# statically (a variable without a value, a data source tenet cannot render, a computed
# attribute such as another resource's `arn` inside `jsonencode`), including an `inline_policy`
# list that is unknown as a whole (path ["inline_policy"]). In a plan, an attribute the
# configuration leaves out and the provider computes (`policy` of an `aws_kms_key`) is not
# listed: it is not set.
#
#   {"address", "type", "name", "path", "kind", "references": the addresses the attribute
#    refers to, sorted, "statements": what is known of its statements, or null}
#
# `statements` is not null when the document is the `json` of one `data
# "aws_iam_policy_document"` whose statement blocks are known but hold unknown values (a
# resource ARN, an account id, a principal from a variable), possibly with
# `source_policy_documents` that are known or are other such data sources. It then lists every
# statement that can be in the document (statements an override would replace included) as a
# partial statement:
#
#   {"sid", "sid_unknown", "label": "statement \"Sid\"" or "statement block 2 of
#    data.aws_iam_policy_document.x", "effect": the effect, or null when unknown,
#    "replaceable": a statement with the same `Sid` may replace it, "actions", "not_actions",
#    "resources": the known strings, "actions_unknown": some action is unknown,
#    "has_not_action": `NotAction` is or may be present, "surely_not_action": it is present,
#    "resources_may_be_any": an unknown resource could be "*" (it does not come from another
#    resource or data source, whose ARNs are never "*"), "principals": the known principals (as
#    in `statements`), "principal_may_be_any": an unknown principal could be anyone,
#    "condition": the known condition keys ({operator: {key: true}}), "condition_count": the
#    number of condition blocks, or null when unknown, "condition_keys_unknown": an operator
#    or key is unknown}
#
# A rule reports an entry with a statement that matches whatever the unknown values are as a
# finding; otherwise it reports it as undecided with `undecided(doc, grants, labels)`, unless
# the known statements show that no statement can match (the `may_*` predicates below).
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

# One pass over the resources: every policy-bearing attribute (`policy_attributes`) that holds
# a string, and every one that is unknown (with the addresses it refers to). `documents` and
# `unknown_documents` both read this set.
attribute_values contains value if {
	some resource in input.resources
	tf.managed(resource)
	some entry in policy_attributes(resource)
	value := attribute_value(resource, entry)
}

attribute_value(resource, entry) := {
	"address": resource.address,
	"type": resource.type,
	"name": resource.name,
	"path": entry.path,
	"kind": entry.kind,
	"text": entry.text,
} if is_string(entry.text)

attribute_value(resource, entry) := {
	"address": resource.address,
	"type": resource.type,
	"name": resource.name,
	"path": entry.path,
	"kind": entry.kind,
	"unknown": true,
	"references": sort(references_within(resource, entry.path)),
	"partial": object.get(object.get(resource, "partial", {}), tf.display_path(entry.path), null),
} if {
	not is_string(entry.text)
	unknown_attribute(resource, entry.path)
}

documents contains doc if {
	some value in attribute_values
	doc := document(value)
}

unknown_documents contains doc if {
	some value in attribute_values
	value.unknown == true
	doc := object.union(object.remove(value, ["unknown"]), {"statements": partial_document(value)})
}

# The document at `path` is unknown, and not a value the provider computes in a plan because
# the configuration leaves it out.
unknown_attribute(resource, path) if {
	tf.unknown(resource, path)
	not tf.provider_computed(resource, path)
}

# [{"path", "kind", "text"}] for each attribute of the resource that holds a policy document.
policy_attributes(resource) := [{"path": ["policy"], "kind": kind, "text": object.get(resource.attributes, "policy", null)}] if {
	kind := policy_attribute_kinds[resource.type]
}

policy_attributes(resource) := array.concat(
	array.concat(
		[{"path": ["assume_role_policy"], "kind": "trust", "text": object.get(resource.attributes, "assume_role_policy", null)}],
		[{"path": ["inline_policy", i, "policy"], "kind": "identity", "text": inline_text(inline)} |
			some i, inline in inline_policies(resource)
		],
	),
	unknown_inline_list(resource),
) if resource.type == "aws_iam_role"

# The role's `inline_policy` blocks; [] when there are none or when the list is unknown (the
# trust policy is still read then, and the list is one unknown attribute of its own).
inline_policies(resource) := tf.list_or_empty(resource, ["inline_policy"])

inline_policies(resource) := [] if tf.unknown(resource, ["inline_policy"])

# The policy of an `inline_policy` block; null for a block that is unknown as a whole.
inline_text(inline) := object.get(inline, "policy", null) if is_object(inline)

inline_text(null) := null

unknown_inline_list(resource) := [{"path": ["inline_policy"], "kind": "identity", "text": null}] if {
	tf.unknown(resource, ["inline_policy"])
} else := []

document(value) := doc if {
	is_string(value.text)
	json.is_valid(value.text)
	policy := json.unmarshal(value.text)
	is_object(policy)
	doc := {
		"address": value.address,
		"type": value.type,
		"name": value.name,
		"path": value.path,
		"kind": value.kind,
		"policy": policy,
	}
}

# --- partially known documents ---------------------------------------------------------------

# Every `data "aws_iam_policy_document"`, by address.
policy_document_sources := {source.address: source |
	some source in input.resources
	source.type == "aws_iam_policy_document"
	source.mode == "data"
}

# The addresses that the expressions at or below `path` of `resource` refer to.
references_within(resource, path) := {address |
	prefix := tf.display_path(path)
	some key, addresses in object.get(resource, "references", {})
	tf.reference_key_under(key, prefix)
	some address in addresses
}

# An address of a `data "aws_iam_policy_document"` (known to this document or not).
policy_document_address(address) if contains(address, "data.aws_iam_policy_document.")

# The partial statements of an unknown document, or null when nothing is known of them. The
# document must refer to exactly one policy document data source (other references, such as
# the bucket ARN that `replace(...)` puts into it, only fill in values).
partial_document(value) := found if {
	value.path != ["inline_policy"]
	sources := [address | some address in value.references; policy_document_address(address)]
	count(sources) == 1
	source := policy_document_sources[sources[0]]
	collected := source_statements(source)
	found := [object.union(statement, {"replaceable": replaceable(statement, collected, source)}) |
		some statement in collected
	]
	count(found) == count(collected)
} else := found if {
	# A `jsonencode(...)` with unknown values: its JSON with those values as null.
	is_string(value.partial)
	json.is_valid(value.partial)
	policy := json.unmarshal(value.partial)
	is_object(policy)
	statements := statement_list(policy)
	every raw in statements {
		is_object(raw)
	}
	found := [object.union(partial_encoded_statement(raw, i), {"replaceable": false}) |
		some i, raw in statements
	]
} else := null

# The statements of a policy document data source: its own blocks and those of its source and
# override documents. Undefined when any of them is unknown beyond repair.
source_statements(source) := array.concat(block_statements(source), included) if {
	parts := [included_statements(source, name) | some name in included_attributes]
	count(parts) == count(included_attributes)
	included := [statement | some part in parts; some statement in part]
}

included_attributes := ["source_policy_documents", "override_policy_documents", "source_json", "override_json"]

# A statement that may not end up in the rendered document: statements with the same `Sid`
# replace one another (an override document's replace the data source's own, which replace
# a source document's), so a statement with a `Sid` that another statement has or may have
# (an unknown `Sid`), or any statement with a `Sid` when an override document is included, is
# not certain to be there.
replaceable(statement, collected, source) if {
	statement.sid != ""
	not tf.unset(source, ["override_policy_documents"])
} else if {
	statement.sid != ""
	not tf.unset(source, ["override_json"])
} else if {
	statement.sid != ""
	count([other | some other in collected; other.sid == statement.sid]) > 1
} else if {
	some other in collected
	other.sid_unknown
} else := false

# The statements that one of the including attributes brings in: none when it is not set, the
# statements of the JSON documents it holds, and for unknown documents the blocks of the policy
# document data sources it refers to (one level deep: those must include nothing themselves),
# provided that every unknown document can be one of them. A list of documents that is unknown
# as a whole may hold anything.
included_statements(source, name) := [] if tf.unset(source, [name])

included_statements(source, name) := found if {
	value := object.get(source.attributes, name, null)
	texts := texts_of(name, value)
	unknown_count := count([1 | some text in texts; text == null])
	referenced := [address |
		some address in references_within(source, [name])
		policy_document_address(address)
		not known_json(address)
	]
	unknown_count <= count(referenced)
	resolved := [nested |
		unknown_count > 0
		some address in referenced
		nested := policy_document_sources[address]
		every attribute_name in included_attributes {
			tf.unset(nested, [attribute_name])
		}
	]
	count(resolved) == count([1 | unknown_count > 0; some _ in referenced])
	found := array.concat(
		[statement | some text in texts; is_string(text); some statement in json_statements(text)],
		[statement | some nested in resolved; some statement in block_statements(nested)],
	)
}

# A policy document data source whose `json` is known (it then shows as a string).
known_json(address) if is_string(policy_document_sources[address].attributes.json)

# The documents of an including attribute; unknown ones are null. Undefined for an unknown
# list (`source_policy_documents`, `override_policy_documents`).
texts_of(_, value) := [value] if is_string(value)

texts_of(_, value) := value if is_array(value)

texts_of(name, null) := [null] if name in {"source_json", "override_json"}

json_statements(text) := [partial_json_statement(raw) |
	json.is_valid(text)
	policy := json.unmarshal(text)
	is_object(policy)
	some raw in statement_list(policy)
	is_object(raw)
]

partial_json_statement(raw) := {
	"sid": string_or_empty(object.get(raw, "Sid", "")),
	"sid_unknown": false,
	"label": json_label(string_or_empty(object.get(raw, "Sid", ""))),
	"effect": string_or_empty(object.get(raw, "Effect", "")),
	"actions": strings(object.get(raw, "Action", null)),
	"actions_unknown": null_within(raw, "Action"),
	"has_not_action": "NotAction" in object.keys(raw),
	"surely_not_action": "NotAction" in object.keys(raw),
	"not_actions": strings(object.get(raw, "NotAction", null)),
	"resources": strings(object.get(raw, "Resource", null)),
	"resources_may_be_any": null_within(raw, "Resource"),
	"principals": principals(object.get(raw, "Principal", null)),
	"principal_may_be_any": null_within(raw, "Principal"),
	"condition": object_or_empty(object.get(raw, "Condition", {})),
	"condition_count": count(object_or_empty(object.get(raw, "Condition", {}))),
	"condition_keys_unknown": false,
}

# A statement of a partly known `jsonencode(...)` document: a `null` is a value known only at
# apply time. Nothing says where it comes from, so an unknown `Resource` or `Principal` may be
# "*", and an unknown `Condition` may hold any key.
partial_encoded_statement(raw, i) := {
	"sid": string_or_empty(object.get(raw, "Sid", "")),
	"sid_unknown": null_within(raw, "Sid"),
	"label": encoded_label(raw, i),
	"effect": encoded_effect(raw),
	"actions": strings(object.get(raw, "Action", null)),
	"actions_unknown": null_within(raw, "Action"),
	"has_not_action": "NotAction" in object.keys(raw),
	"surely_not_action": count(strings(object.get(raw, "NotAction", null))) > 0,
	"not_actions": strings(object.get(raw, "NotAction", null)),
	"resources": strings(object.get(raw, "Resource", null)),
	"resources_may_be_any": null_within(raw, "Resource"),
	"principals": principals(object.get(raw, "Principal", null)),
	"principal_may_be_any": null_within(raw, "Principal"),
	"condition": object_or_empty(object.get(raw, "Condition", {})),
	"condition_count": encoded_condition_count(raw),
	"condition_keys_unknown": encoded_condition_keys_unknown(raw),
}

# An unknown `Effect` is null (either); a missing one is "" (an invalid statement).
encoded_effect(raw) := raw.Effect if "Effect" in object.keys(raw)

encoded_effect(raw) := "" if not "Effect" in object.keys(raw)

# How many condition tests the statement has; null when `Condition` itself is unknown.
encoded_condition_count(raw) := null if has_null(raw, "Condition")

encoded_condition_count(raw) := count(object_or_empty(object.get(raw, "Condition", {}))) if {
	not has_null(raw, "Condition")
}

# `Condition`, or one of its tests, is unknown: which keys it tests cannot be read (unknown
# values under known keys still restrict).
encoded_condition_keys_unknown(raw) := true if has_null(raw, "Condition") else := false

encoded_label(raw, _) := sprintf("statement %q", [raw.Sid]) if non_empty_string(object.get(raw, "Sid", null))

encoded_label(raw, i) := sprintf("statement %d", [i + 1]) if not non_empty_string(object.get(raw, "Sid", null))

# The element `key` of a statement is null, or holds a null (an unknown value) in its list or
# object (`{"AWS": [null]}`).
null_within(raw, key) := true if has_null(raw, key) else := false

has_null(raw, key) if {
	key in object.keys(raw)
	raw[key] == null
}

has_null(raw, key) if {
	is_array(raw[key])
	null in raw[key]
}

has_null(raw, key) if {
	is_object(raw[key])
	some entry in raw[key]
	null_or_holds_null(entry)
}

null_or_holds_null(value) if value == null

null_or_holds_null(value) if {
	is_array(value)
	null in value
}

json_label(sid) := sprintf("statement %q", [sid]) if sid != ""

json_label("") := "a statement of an included source document"

# The `statement` blocks of a policy document data source. Undefined when the list of blocks,
# or one block, is unknown.
block_statements(source) := [] if tf.unset(source, ["statement"])

block_statements(source) := found if {
	blocks := object.get(source.attributes, "statement", null)
	is_array(blocks)
	every block in blocks {
		is_object(block)
	}
	found := [partial_block_statement(source, i, block, block_context(source, i)) | some i, block in blocks]
	count(found) == count(blocks)
}

# What is unknown in block `i`, and which of its attributes refer to other resources: the
# display paths of `unknown` and `references` below `statement[i].`, relative to the block
# (`resources[0]`, `principals[1].identifiers`), read once per block.
block_context(source, i) := {"unknown": unknown, "referenced": referenced} if {
	prefix := sprintf("statement[%d].", [i])
	unknown := {substring(entry, count(prefix), -1) |
		some entry in object.get(source, "unknown", [])
		startswith(entry, prefix)
	}
	referenced := {substring(key, count(prefix), -1) |
		some key, addresses in object.get(source, "references", {})
		startswith(key, prefix)
		count(addresses) > 0
	}
}

partial_block_statement(source, i, block, context) := {
	"sid": string_or_empty(object.get(block, "sid", "")),
	"sid_unknown": within(context.unknown, "sid"),
	"label": block_label(source, i, block),
	"effect": block_effect(block, context),
	"actions": strings(object.get(block, "actions", null)),
	"actions_unknown": within(context.unknown, "actions"),
	"has_not_action": block_has_not_action(block, context),
	"surely_not_action": count(strings(object.get(block, "not_actions", null))) > 0,
	"not_actions": strings(object.get(block, "not_actions", null)),
	"resources": strings(object.get(block, "resources", null)),
	"resources_may_be_any": may_be_wildcard(context, "resources"),
	"principals": block_principals(block),
	"principal_may_be_any": block_principal_may_be_any(block, context),
	"condition": block_condition(block),
	"condition_count": block_condition_count(block, context),
	"condition_keys_unknown": block_condition_keys_unknown(block, context),
}

# True when a path of `paths` is `name` or lies below it; false otherwise.
within(paths, name) if {
	some entry in paths
	tf.reference_key_under(entry, name)
} else := false

block_label(_, _, block) := sprintf("statement %q", [block.sid]) if non_empty_string(object.get(block, "sid", null))

block_label(source, i, block) := sprintf("statement block %d of %s", [i + 1, source.address]) if {
	not non_empty_string(object.get(block, "sid", null))
}

non_empty_string(value) if {
	is_string(value)
	value != ""
}

# `effect` defaults to "Allow" in the data source.
block_effect(_, context) := null if "effect" in context.unknown

block_effect(block, context) := block.effect if {
	not "effect" in context.unknown
	is_string(block.effect)
}

block_effect(block, context) := "Allow" if {
	not "effect" in context.unknown
	not is_string(object.get(block, "effect", null))
}

block_has_not_action(block, context) if {
	count(strings(object.get(block, "not_actions", null))) > 0
} else := within(context.unknown, "not_actions")

# An unknown value in the list `name` could be "*": it does not come from another resource or
# data source (their ARNs, ids and account ids are never "*"), so it comes from a variable.
may_be_wildcard(context, name) if {
	within(context.unknown, name)
	not within(context.referenced, name)
} else := false

block_principals(block) := [{"type": principal.type, "value": identifier} |
	some principal in list_of(object.get(block, "principals", null))
	is_object(principal)
	is_string(principal.type)
	some identifier in strings(object.get(principal, "identifiers", null))
]

# The list of principal blocks is unknown, or a block is, or its type, or (for a wildcard-capable
# type, `*` or `AWS`) an identifier that could be "*".
block_principal_may_be_any(block, context) if {
	some entry in context.unknown
	unknown_block_part(entry, "principals", {"type"})
} else if {
	some j, principal in list_of(object.get(block, "principals", null))
	is_object(principal)
	principal.type in {"*", "AWS"}
	may_be_wildcard(context, sprintf("principals[%d].identifiers", [j]))
} else := false

block_condition(block) := {test: {variable: true |
	some other in list_of(object.get(block, "condition", null))
	is_object(other)
	other.test == test
	variable := other.variable
	is_string(variable)
} |
	some condition in list_of(object.get(block, "condition", null))
	is_object(condition)
	test := condition.test
	is_string(test)
}

# The list of condition blocks, or a block, or the test or variable of one, is unknown.
block_condition_keys_unknown(_, context) if {
	some entry in context.unknown
	unknown_block_part(entry, "condition", {"test", "variable"})
} else := false

# `entry` (a path relative to a statement block) is the list of nested blocks `name`, one of
# its blocks, or one of the `fields` of one (`principals`, `principals[0]`,
# `principals[0].type`). String tests only: a regular expression would be compiled per call.
unknown_block_part(entry, name, _) if entry == name

unknown_block_part(entry, name, fields) if {
	startswith(entry, concat("", [name, "["]))
	parts := split(entry, ".")
	endswith(parts[0], "]")
	nested_part(parts, fields)
}

nested_part(parts, _) if count(parts) == 1

nested_part(parts, fields) if {
	count(parts) == 2
	parts[1] in fields
}

block_condition_count(_, context) := null if "condition" in context.unknown

block_condition_count(block, context) := count(list_of(object.get(block, "condition", null))) if {
	not "condition" in context.unknown
}

list_of(value) := value if is_array(value)

list_of(value) := [] if not is_array(value)

# --- predicates on partial statements ----------------------------------------------------------

# An unknown document a rule cannot settle: nothing is known of its statements, or `labels`
# (the labels of the partial statements the rule could match) is not empty.
unresolved(doc, _) if doc.statements == null

unresolved(_, labels) if count(labels) > 0

# What is known of the statements of an unknown document ([] when nothing is).
partial_statements(doc) := doc.statements if is_array(doc.statements)

partial_statements(doc) := [] if not is_array(doc.statements)

may_allow(partial) if partial.effect == null

# The statement is certain to be in the document, with `Effect` "Allow". With it, the
# predicates on whole statements (`all_actions`, `all_resources`, `any_principal`,
# `restricted_by`) tell what is certain of a partial statement: they read only known values.
surely_allows(partial) if {
	partial.effect == "Allow"
	not partial.replaceable
}

may_allow(partial) if partial.effect == "Allow"

may_apply_to_all_resources(partial) if "*" in partial.resources

may_apply_to_all_resources(partial) if partial.resources_may_be_any

may_allow_all_actions(partial) if "*" in partial.actions

may_allow_all_actions(partial) if partial.actions_unknown

may_have_any_principal(partial) if any_principal(partial)

may_have_any_principal(partial) if partial.principal_may_be_any

may_lack_condition(partial) if partial.condition_count == null

may_lack_condition(partial) if partial.condition_count == 0

# The `undecided` entry of a rule for an entry of `unknown_documents`. `grants` says what the
# rule looks for ("grants full administrator access"); `labels` are the labels of the partial
# statements that could do it ([] when the statements are unknown).
undecided(doc, grants, labels) := tf.undecided(
	{"address": doc.address},
	doc.path,
	sprintf("%s %q: %s is unknown statically (%s), so whether it %s cannot be decided", [doc.type, doc.name, unknown_subject(doc.path), unknown_cause(doc.references), grants]),
) if doc.statements == null

undecided(doc, grants, labels) := tf.undecided(
	{"address": doc.address},
	doc.path,
	sprintf("%s %q: the policy document in `%s` is only partly known statically (%s), so whether %s %s cannot be decided", [doc.type, doc.name, tf.display_path(doc.path), partial_cause(doc), concat(" or ", labels), grants]),
) if doc.statements != null

partial_cause(doc) := sprintf("%s holds values known only at apply time", [partial_source(doc)]) if partial_source(doc)

partial_cause(doc) := "some of its values are known only at apply time" if not partial_source(doc)

# The policy document data source a partially known document is rendered from.
partial_source(doc) := [address | some address in doc.references; policy_document_address(address)][0]

unknown_subject(["inline_policy"]) := "the `inline_policy` list, and so every inline policy of the role,"

unknown_subject(path) := sprintf("the policy document in `%s`", [tf.display_path(path)]) if path != ["inline_policy"]

unknown_cause(references) := "it depends on values known only at apply time, such as a variable without a value" if count(references) == 0

unknown_cause(references) := sprintf("it depends on %s, not known statically", [concat(", ", references)]) if count(references) > 0

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
