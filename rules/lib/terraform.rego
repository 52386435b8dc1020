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

# The resources of one type (managed only).
resources(type) := [r |
	some r in input.resources
	r.type == type
	managed(r)
]

# The display form of an attribute path, as listed in `unknown`: keys joined by `.`, indices
# in brackets (`["ingress", 2, "cidr_blocks", 0]` is `ingress[2].cidr_blocks[0]`).
display_path(path) := concat("", [segment(i, k) | some i, k in path])

segment(0, k) := k if is_string(k)

segment(i, k) := concat("", [".", k]) if {
	i > 0
	is_string(k)
}

segment(_, k) := sprintf("[%d]", [k]) if is_number(k)

# True when the value at `path`, or a block or list that contains it, is unknown statically.
unknown(resource, path) if {
	some n in numbers.range(1, count(path))
	display_path(array.slice(path, 0, n)) in object.get(resource, "unknown", [])
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

