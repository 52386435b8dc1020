# Helpers for Terraform resources (HCL modules and plan JSON share the same shape), so that
# every Terraform rule reads "missing", "unknown" and "set" the same way.
#
# In the IR, an attribute that is not written at all is absent; an attribute whose value
# tenet cannot know statically (a variable without default, a computed attribute, an
# unevaluated function) is present with the value null and its display path (such as
# `ingress[2].cidr_blocks[0]` or `metadata_options[0].http_tokens`) is listed in the
# resource's `unknown`. An attribute inside an unknown block or list is unknown too. In plan
# JSON, an attribute the configuration does not set can also be a plain null that is not
# listed in `unknown`: that is "not set", like an absent attribute.
package tenet.lib.terraform

import rego.v1

# Managed resources only (`resource` blocks, not `data` sources). Plan documents without a
# `mode` count as managed.
managed(resource) if object.get(resource, "mode", "managed") == "managed"

# The resources of one type (managed only), found through the input's index by type (an
# input built without it, as in a Rego unit test, is scanned).
resources(type) := [r |
	some i in object.get(input.types, type, [])
	r := input.resources[i]
	managed(r)
] if {
	input.types
} else := [r |
	some r in input.resources
	r.type == type
	managed(r)
]

# The display form of an attribute path, as listed in `unknown`: keys joined by `.`, indices
# in brackets (`["ingress", 2, "cidr_blocks", 0]` is `ingress[2].cidr_blocks[0]`).
# (A tenet built-in: rules call it many times per resource.)
display_path(path) := tenet.display_path(path)

# True when the value at `path`, or a block or list that contains it, is unknown statically.
# Most resources have no unknown value: that case costs one lookup.
unknown(resource, path) if {
	unknowns := object.get(resource, "unknown", [])
	count(unknowns) > 0
	tenet.path_unknown(unknowns, path)
}

# The values an unknown attribute can take, when tenet knows them all: a conditional whose
# condition is unknown and whose branches are known (`var.global ? "A" : "B"` gives
# ["A", "B"]). Undefined otherwise.
alternatives(resource, path) := values if {
	values := object.get(resource, ["alternatives", display_path(path)], null)
	is_array(values)
}

# True when the value at `path` is not set: absent, or null without being unknown.
unset(resource, path) if {
	object.get(resource.attributes, path, null) == null
	not unknown(resource, path)
}

# The value at `path` when it is set and known; `default_value` when it is not set (the
# provider default); undefined when it is unknown.
value_or_default(resource, path, default_value) := value if {
	value := object.get(resource.attributes, path, null)
	value != null
}

value_or_default(resource, path, default_value) := default_value if unset(resource, path)

# The elements of a list attribute that is set and known, or [] when it is not set. Undefined
# when the list itself is unknown. Unknown elements are null; callers skip them.
list_or_empty(resource, path) := value if {
	value := object.get(resource.attributes, path, null)
	is_array(value)
}

list_or_empty(resource, path) := [] if unset(resource, path)

# The entry a rule adds to `undecided` when its condition hinges on the unknown value at
# `path`: `undecided contains tf.undecided(r, ["backup_retention_period"], "why")`. The rule
# does not fire; the engine lists the entry as not verified.
undecided(resource, path, why) := {"resource": resource.address, "path": path, "message": why}

# Every resource and data source of any type, of a Terraform document (empty for other input
# kinds), and the variable and provider entries (modes `variable` and `provider`). For rules
# that look at every attribute of everything, such as HY001 (hardcoded secrets); a rule about
# one resource type uses `resources(type)`.
all_resources := [r |
	input.kind in {"terraform", "terraform-plan"}
	some r in input.resources
]

# Every address (`aws_s3_bucket.logs`, `module.db.aws_db_instance.this[0]`) that the
# expressions at or below the top-level attribute `name` of `resource` refer to. `references`
# maps display paths (`bucket`, `logging[0].target_bucket`) to lists of addresses.
referenced_by(resource, name) := {address |
	some key, addresses in object.get(resource, "references", {})
	reference_key_under(key, name)
	some address in addresses
}

reference_key_under(key, name) if key == name

reference_key_under(key, name) if startswith(key, concat("", [name, "."]))

reference_key_under(key, name) if startswith(key, concat("", [name, "["]))

# An index of referenced addresses, built once per rule, for "does any X refer to this
# resource" in one set lookup per resource: the addresses as recorded, and those recorded
# without instance keys (a reference to a resource whose `count`/`for_each` is unknown names
# every instance of it). Build it with `address_index({a | some x in xs; some a in
# referenced_by(x, "vpc_id")})` and test with `indexed(resource.address, index)`. Same meaning
# as `aws_encryption.reference_index`, but a regular expression runs only for an address with
# an instance key that is not recorded as such.
address_index(addresses) := {
	"exact": addresses,
	"unkeyed": {a | some a in addresses; not contains(a, "[")},
}

indexed(address, index) if address in index.exact

indexed(address, index) if {
	contains(address, "[")
	count(index.unkeyed) > 0
	regex.replace(address, `\[[^\]]*\]`, "") in index.unkeyed
}

# True when the unknown value at `path` is one the provider computes, not one the
# configuration sets: in a plan (where variables and locals are known), an Optional+Computed
# argument the configuration leaves out, such as `versioning` of a new `aws_s3_bucket`, is
# unknown and refers to nothing. Rules read it as not set. Never true outside plans, and never
# when an expression in the top-level attribute refers to a resource or data source.
provider_computed(resource, path) if {
	input.kind == "terraform-plan"
	unknown(resource, path)
	count(referenced_by(resource, path[0])) == 0
}

# What is known of the string at `path`: the value when it is known, else, when it is unknown
# but built by a template or `jsonencode`, its partial text (`"${…}/app:latest"`; unknown
# JSON parts are `null`). Undefined otherwise. Only for rules that judge partial text.
text_or_partial(resource, path) := value if {
	value := object.get(resource.attributes, path, null)
	is_string(value)
}

text_or_partial(resource, path) := partial if {
	object.get(resource.attributes, path, null) == null
	partial := object.get(object.get(resource, "partial", {}), display_path(path), null)
	is_string(partial)
}
