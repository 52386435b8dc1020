# Helpers for the encryption and logging rules (ZT008, ZT009, ZT010, ZT011): reading Terraform
# booleans the way Terraform converts them, telling "not written" from "unknown", and finding
# resources by address to follow `references` from one resource to another. The last section
# holds the helpers the zero-trust rules share for their `undecided` checks.
package tenet.lib.aws_encryption

import data.tenet.lib.terraform as tf
import rego.v1

# Terraform converts "true"/"false" strings to booleans for a bool argument, so both spellings
# mean the same configuration.
is_true(value) if value == true

is_true(value) if {
	is_string(value)
	lower(trim_space(value)) == "true"
}

is_false(value) if value == false

is_false(value) if {
	is_string(value)
	lower(trim_space(value)) == "false"
}

# The boolean at `path` when it is known (written as a bool or its string form), else the
# provider default `default_value` when not set. Undefined when unknown or not a boolean.
bool_or_default(resource, path, default_value) := true if {
	is_true(tf.value_or_default(resource, path, default_value))
}

bool_or_default(resource, path, default_value) := false if {
	is_false(tf.value_or_default(resource, path, default_value))
}

# The attribute is written with a known value, or its value is unknown: in both cases the
# resource has it, so a "missing" default does not apply. Empty strings count as not set.
present(resource, path) if tf.unknown(resource, path)

present(resource, path) if {
	value := object.get(resource.attributes, path, null)
	value != null
	value != ""
}

# The attribute is not written at all (absent, null or ""), and is not unknown.
absent(resource, path) if not present(resource, path)

# The string at `path` upper-cased, or `default_value` when not set. Undefined when unknown.
upper_or_default(resource, path, default_value) := upper(value) if {
	value := tf.value_or_default(resource, path, default_value)
	is_string(value)
}

# The list of blocks at `path` (a nested block is a list of objects): [] when not written,
# undefined when unknown. Elements that are not objects (unknown ones) are skipped by callers.
blocks(resource, path) := tf.list_or_empty(resource, path)

# Every address that the expressions at or below `prefix` in `resource` refer to. `references`
# maps display paths (`vpc_id`, `logging_config[0].bucket`) to lists of addresses.
referenced_addresses(resource, prefix) := {address |
	some path, addresses in object.get(resource, "references", {})
	reference_under(path, prefix)
	some address in addresses
}

reference_under(path, prefix) if path == prefix

reference_under(path, prefix) if startswith(path, concat("", [prefix, "."]))

reference_under(path, prefix) if startswith(path, concat("", [prefix, "["]))

# An address with its instance keys removed (`module.net["a"].aws_vpc.this[0]` gives
# `module.net.aws_vpc.this`), so that a reference to `aws_vpc.this` from the same module
# matches every instance of it. References are recorded per instance when the instance key is
# known, and at the base address otherwise; comparing both forms covers both.
base_address(address) := regex.replace(address, `\[[^\]]*\]`, "")

# An index of referenced addresses, built once per rule so that each lookup is a set
# membership test: the addresses as recorded, and those recorded without instance keys (a
# reference to a resource whose `count`/`for_each` is unknown).
reference_index(addresses) := {
	"exact": addresses,
	"unkeyed": {a | some a in addresses; a == base_address(a)},
}

# True when the resource at `address` is referred to in `index` (from `reference_index`).
referenced_in(address, index) if address in index.exact

referenced_in(address, index) if base_address(address) in index.unkeyed

# --- undecided checks (unknown values that decide a rule) -----------------------------------

# The value at `path` is unknown and refers to no resource or data source: a variable
# without default may be null, so the value may be not set (or be anything). A value computed
# from a resource (a KMS key's ARN, a snapshot's ID, a service account's email) is set, and
# names that object. References are recorded per attribute, so an element of a list is read
# through the references of the list.
unknown_unbound(resource, path) if {
	tf.unknown(resource, path)
	not refers_to_something(resource, tf.display_path(path))
}

refers_to_something(resource, name) if {
	some key, addresses in object.get(resource, "references", {})
	count(addresses) > 0
	related_reference_key(key, name)
}

related_reference_key(key, name) if key == name

related_reference_key(key, name) if startswith(key, concat("", [name, "."]))

related_reference_key(key, name) if startswith(key, concat("", [name, "["]))

related_reference_key(key, name) if startswith(name, concat("", [key, "."]))

related_reference_key(key, name) if startswith(name, concat("", [key, "["]))

# Written with a known value, or computed from a resource: set.
known_set(resource, path) if {
	present(resource, path)
	not unknown_unbound(resource, path)
}

# The paths among `paths` whose values are unknown and may be not set.
unbound_paths(resource, paths) := [path | some path in paths; unknown_unbound(resource, path)]

# The unknown parts of a list of blocks (or values) at `path`: the list itself when it is
# unknown as a whole (a `dynamic` block over a variable without default), else its unknown
# elements. In a plan, a list the provider computes because the configuration leaves it out
# is not set, so not unknown here.
unknown_blocks(resource, path) := array.concat(
	[path |
		tf.unknown(resource, path)
		object.get(resource.attributes, path, null) == null
		not tf.provider_computed(resource, path)
	],
	[array.concat(path, [i]) |
		some i, block in tf.list_or_empty(resource, path)
		block == null
		tf.unknown(resource, array.concat(path, [i]))
	],
)

# For messages: "`encrypted` is unknown", "`kms_key_id` and `snapshot_id` are unknown".
unknowns_text(paths) := sprintf("`%s` is unknown", [tf.display_path(paths[0])]) if count(paths) == 1

unknowns_text(paths) := sprintf("%s and `%s` are unknown", [
	concat(", ", [sprintf("`%s`", [tf.display_path(p)]) | some p in array.slice(paths, 0, count(paths) - 1)]),
	tf.display_path(paths[count(paths) - 1]),
]) if count(paths) > 1
