# Inbound rules whose deciding values are unknown: the companion of `data.tenet.lib.network`
# for the `undecided` results of the zero-trust network rules (ZT001, ZT002, ZT003). It is a
# package of its own so that what needs only `ingress_rules` does not pay for it: in one
# package, regorus computed these sets whenever it computed `ingress_rules`.
#
# `ingress_candidates` holds one entry per inbound rule that allows traffic or may allow it,
# in the shape of `ingress_rules` but with its unknown parts kept, so that a rule can report
# as undecided what it would report if an unknown value were the unsafe one:
#
#   "protocol": the protocol, or null when it is unknown;
#   "ranges":   the destination ports the rule may reach: a port bound that is unknown is
#               widened to 0 or 65535, an unknown port (or list of ports) to every port, and
#               an unknown protocol of an AWS or Google rule to every port (it may be `all`);
#   "sources":  the sources, known ones as in `ingress_rules` and unknown ones (an unknown
#               CIDR, an unknown list of CIDRs) with "value" and "internet" null;
#   "unknowns": the paths of the other unknown values that decide whether the rule lets that
#               traffic in: a `type`, `direction`, `access`, `action`, `rule_action`, `egress`
#               or `disabled`, the protocol, a port, or a whole `dynamic` block.
#
# A list of rule blocks that is unknown as a whole (a `dynamic` block over a variable without
# default) gives one entry with an unknown protocol, every port, and an unknown source at the
# list's path (Google: its known `source_ranges`, with the `allow` list among the unknowns).
# Only resources with an unknown value among the attributes that make up their rules are read
# (an entry without unknowns is one of `ingress_rules`, and never undecided). In a plan, a list the provider computes because the configuration leaves it
# out (such as `ingress` of a security group without inline rules) is read as not set.
#
# An unknown CIDR computed from a managed resource (a VPC's or subnet's `cidr_block`, an
# address) names that network, never the whole internet: it is read as a known source that is
# not the internet, and left out. References are recorded per attribute, so a list that mixes
# such a value with a variable is read the same way. A CIDR from a data source or a variable
# stays unknown.
package tenet.lib.network_unknown

import data.tenet.lib.network
import data.tenet.lib.terraform as tf
import rego.v1

# The value at `path` is unknown. The null test comes first: it is cheap, and most values
# are known.
unknown_value(resource, path) if {
	object.get(resource.attributes, path, null) == null
	tf.unknown(resource, path)
}

# Some unknown value of the resource lies in one of the top-level attributes `names`.
unknown_under(resource, names) if {
	some entry in object.get(resource, "unknown", [])
	some name in names
	unknown_key_under(entry, name)
}

unknown_key_under(entry, name) if entry == name

unknown_key_under(entry, name) if startswith(entry, concat("", [name, "."]))

unknown_key_under(entry, name) if startswith(entry, concat("", [name, "["]))

# The top-level attributes that make up the inbound rules of each resource type.
rule_attributes := {
	"aws_security_group": ["ingress"],
	"aws_security_group_rule": ["type", "protocol", "from_port", "to_port", "cidr_blocks", "ipv6_cidr_blocks"],
	"aws_vpc_security_group_ingress_rule": ["ip_protocol", "from_port", "to_port", "cidr_ipv4", "cidr_ipv6"],
	"aws_network_acl": ["ingress"],
	"aws_network_acl_rule": ["egress", "rule_action", "protocol", "from_port", "to_port", "cidr_block", "ipv6_cidr_block"],
	"google_compute_firewall": ["direction", "disabled", "allow", "source_ranges"],
	"azurerm_network_security_rule": [
		"direction", "access", "protocol", "destination_port_range", "destination_port_ranges",
		"source_address_prefix", "source_address_prefixes",
	],
	"azurerm_network_security_group": ["security_rule"],
}

# The managed resources of `type` with an unknown value in their rules.
with_unknowns(type) := [resource |
	some resource in tf.resources(type)
	unknown_under(resource, rule_attributes[type])
]

# An unknown source.
unknown_source(path) := {"path": path, "value": null, "internet": null}

# The value at `path` is computed from a managed resource (not a data source): an expression
# in the attribute that holds it, or in one below it, refers to one.
computed_from_resource(resource, path) if {
	name := tf.display_path(path)
	some key, addresses in object.get(resource, "references", {})
	related_key(key, name)
	some address in addresses
	not regex.match(`(^|\.)data\.`, address)
}

related_key(key, name) if key == name

related_key(key, name) if startswith(name, concat("", [key, "["]))

related_key(key, name) if startswith(name, concat("", [key, "."]))

related_key(key, name) if startswith(key, concat("", [name, "["]))

related_key(key, name) if startswith(key, concat("", [name, "."]))

# An unknown CIDR source, unless it is computed from a managed resource.
unknown_cidr(resource, path) if not computed_from_resource(resource, path)

# A list (of blocks or of CIDRs) that is unknown as a whole, and not computed by the provider.
unknown_list(resource, path) if {
	unknown_value(resource, path)
	not tf.provider_computed(resource, path)
}

# The indices of the unknown elements of a known list.
unknown_elements(resource, path) := [i |
	some i, value in tf.list_or_empty(resource, path)
	value == null
	unknown_value(resource, array.concat(path, [i]))
]

# The protocol at `path`, or null when it is unknown; undefined when it is not set.
maybe_protocol(resource, path) := null if unknown_value(resource, path)

maybe_protocol(resource, path) := network.protocol(object.get(resource.attributes, path, null)) if {
	not unknown_value(resource, path)
}

# The paths among `paths` whose values are unknown.
unknown_paths(resource, paths) := [path | some path in paths; unknown_value(resource, path)]

# The sources of a list of CIDRs: known ones as `cidr_sources`, then the unknown elements, or
# the list itself when it is unknown.
maybe_cidr_sources(resource, prefix, key) := array.concat(network.cidr_sources(resource, prefix, key), unknown) if {
	path := array.concat(prefix, [key])
	unknown := array.concat(
		[unknown_source(path) | unknown_list(resource, path); unknown_cidr(resource, path)],
		[unknown_source(array.concat(path, [j])) |
			some j in unknown_elements(resource, path)
			unknown_cidr(resource, array.concat(path, [j]))
		],
	)
}

# A single source attribute: known (Azure also names the internet with service tags), or
# unknown.
maybe_single_source(resource, path, _) := [unknown_source(path) | unknown_cidr(resource, path)] if unknown_value(resource, path)

maybe_single_source(resource, path, kind) := [{"path": path, "value": value, "internet": source_internet(kind, value)} |
	value := object.get(resource.attributes, path, null)
	is_string(value)
] if not unknown_value(resource, path)

source_internet("cidr", value) := network.internet_cidr_bool(value)

source_internet("azure", value) := network.azure_internet_bool(value)

# A rule block (or block list) whose content is unknown as a whole.
unknown_candidate(resource, sources, unknowns) := {
	"address": resource.address, "type": resource.type, "name": resource.name,
	"protocol": null, "ranges": network.all_ports, "sources": sources, "unknowns": unknowns,
}

# An unknown list of blocks at `path`, and each unknown block of a known list.
unknown_block_paths(resource, path) := array.concat(
	[path | unknown_list(resource, path)],
	[array.concat(path, [i]) | some i in unknown_elements(resource, path)],
)

# True when `entry` may let `proto` ("tcp", "udp") reach `port`: the protocol is unknown or
# matches, and a possible range holds the port.
maybe_reaches(entry, proto, port) if {
	maybe_protocol_matches(entry.protocol, proto)
	some range in entry.ranges
	range[0] <= port
	port <= range[1]
}

maybe_protocol_matches(null, _) := true

maybe_protocol_matches(value, proto) if value in {proto, "all"}

# The undecided check of one source of a candidate: the unknown values that decide it, and
# the path to report, the first of them. For an unknown source, these are all the unknown
# sources of the rule (so that one rule with several, such as `cidr_ipv4` and `cidr_ipv6`, is
# reported once, at the first) and its other unknowns. Undefined when the source is known
# not to be the internet, or when nothing deciding is unknown.
source_unknowns(entry, source) := unknowns if {
	source.internet == null
	unknowns := array.concat([s.path | some s in entry.sources; s.internet == null], entry.unknowns)
}

source_unknowns(entry, source) := entry.unknowns if {
	source.internet == true
	count(entry.unknowns) > 0
}

# "`from_port` is unknown", "`from_port` and `to_port` are unknown" (display paths).
unknowns_text(paths) := sprintf("`%s` is unknown", [tf.display_path(paths[0])]) if count(paths) == 1

unknowns_text(paths) := sprintf("%s and `%s` are unknown", [
	concat(", ", [sprintf("`%s`", [tf.display_path(p)]) | some p in array.slice(paths, 0, count(paths) - 1)]),
	tf.display_path(paths[count(paths) - 1]),
]) if count(paths) > 1

# AWS: the possible destination ports, widening unknown bounds (every port for `all` or an
# unknown protocol, where AWS ignores the ports).
aws_maybe_ranges(_, _, proto) := network.all_ports if proto == null

aws_maybe_ranges(_, _, proto) := network.all_ports if proto == "all"

aws_maybe_ranges(resource, prefix, proto) := [[low, high]] if {
	not proto in {null, "all"}
	low := maybe_port(resource, array.concat(prefix, ["from_port"]), 0)
	high := maybe_port(resource, array.concat(prefix, ["to_port"]), 65535)
}

maybe_port(resource, path, widened) := widened if unknown_value(resource, path)

maybe_port(resource, path, _) := network.port_number(object.get(resource.attributes, path, null)) if {
	not unknown_value(resource, path)
}

# The port paths that decide an AWS rule: none when the protocol is `all` (ports ignored).
aws_port_unknowns(_, _, "all") := []

aws_port_unknowns(resource, prefix, proto) := unknown_paths(resource, [
	array.concat(prefix, ["from_port"]),
	array.concat(prefix, ["to_port"]),
]) if proto != "all"

aws_candidate(resource, prefix, protocol_key, gates, sources, ranges_of) := entry if {
	proto := maybe_protocol(resource, array.concat(prefix, [protocol_key]))
	ranges := aws_candidate_ranges(resource, prefix, proto, ranges_of)
	entry := {
		"address": resource.address, "type": resource.type, "name": resource.name,
		"protocol": proto, "ranges": ranges, "sources": sources,
		"unknowns": array.concat(
			array.concat(gates, unknown_paths(resource, [array.concat(prefix, [protocol_key])])),
			aws_port_unknowns(resource, prefix, proto),
		),
	}
}

aws_candidate_ranges(resource, prefix, proto, "rule") := aws_maybe_ranges(resource, prefix, proto)

# Network ACLs leave out the ephemeral return-traffic range, when both bounds are known.
aws_candidate_ranges(resource, prefix, proto, "nacl") := [range |
	some range in aws_maybe_ranges(resource, prefix, proto)
	not known_ephemeral(resource, prefix, proto, range)
]

known_ephemeral(resource, prefix, proto, range) if {
	not proto in {null, "all"}
	count(aws_port_unknowns(resource, prefix, proto)) == 0
	network.ephemeral_range(range)
}

aws_maybe_cidr_sources(resource, prefix) := array.concat(
	maybe_cidr_sources(resource, prefix, "cidr_blocks"),
	maybe_cidr_sources(resource, prefix, "ipv6_cidr_blocks"),
)

# aws_security_group: inline `ingress` blocks.
ingress_candidates contains unknown_candidate(resource, [unknown_source(path)], []) if {
	some resource in with_unknowns("aws_security_group")
	some path in unknown_block_paths(resource, ["ingress"])
}

ingress_candidates contains entry if {
	some resource in with_unknowns("aws_security_group")
	some i, block in tf.list_or_empty(resource, ["ingress"])
	is_object(block)
	prefix := ["ingress", i]
	entry := aws_candidate(resource, prefix, "protocol", [], aws_maybe_cidr_sources(resource, prefix), "rule")
}

# aws_security_group_rule: `type` "ingress" or unknown.
ingress_candidates contains entry if {
	some resource in with_unknowns("aws_security_group_rule")
	gates := maybe_gate(resource, ["type"], {"ingress"}, null)
	entry := aws_candidate(resource, [], "protocol", gates, aws_maybe_cidr_sources(resource, []), "rule")
}

# aws_vpc_security_group_ingress_rule.
ingress_candidates contains entry if {
	some resource in with_unknowns("aws_vpc_security_group_ingress_rule")
	sources := array.concat(
		maybe_single_source(resource, ["cidr_ipv4"], "cidr"),
		maybe_single_source(resource, ["cidr_ipv6"], "cidr"),
	)
	entry := aws_candidate(resource, [], "ip_protocol", [], sources, "rule")
}

# aws_network_acl: inline `ingress` blocks with `action` "allow" or unknown.
ingress_candidates contains unknown_candidate(resource, [unknown_source(path)], []) if {
	some resource in with_unknowns("aws_network_acl")
	some path in unknown_block_paths(resource, ["ingress"])
}

ingress_candidates contains entry if {
	some resource in with_unknowns("aws_network_acl")
	some i, block in tf.list_or_empty(resource, ["ingress"])
	is_object(block)
	prefix := ["ingress", i]
	gates := maybe_gate(resource, array.concat(prefix, ["action"]), {"allow"}, null)
	sources := array.concat(
		maybe_single_source(resource, array.concat(prefix, ["cidr_block"]), "cidr"),
		maybe_single_source(resource, array.concat(prefix, ["ipv6_cidr_block"]), "cidr"),
	)
	entry := aws_candidate(resource, prefix, "protocol", gates, sources, "nacl")
}

# aws_network_acl_rule: `egress` false (the default) or unknown, `rule_action` "allow" or
# unknown.
ingress_candidates contains entry if {
	some resource in with_unknowns("aws_network_acl_rule")
	gates := array.concat(
		maybe_gate(resource, ["egress"], {"false"}, "false"),
		maybe_gate(resource, ["rule_action"], {"allow"}, null),
	)
	sources := array.concat(
		maybe_single_source(resource, ["cidr_block"], "cidr"),
		maybe_single_source(resource, ["ipv6_cidr_block"], "cidr"),
	)
	entry := aws_candidate(resource, [], "protocol", gates, sources, "nacl")
}

# A gate: `[]` when the value at `path` is known to open the rule (its text, lowercased, in
# `open`, or not set and `default_text` is in `open`), `[path]` when it is unknown, undefined
# when it closes the rule.
maybe_gate(resource, path, _, _) := [path] if unknown_value(resource, path)

maybe_gate(resource, path, open, _) := [] if {
	not unknown_value(resource, path)
	gate_text(object.get(resource.attributes, path, null)) in open
}

maybe_gate(resource, path, open, default_text) := [] if {
	tf.unset(resource, path)
	default_text in open
}

gate_text(value) := network.lower_text(value)

gate_text(value) := "true" if value == true

gate_text(value) := "false" if value == false

# google_compute_firewall: `direction` INGRESS (the default) or unknown, `disabled` false (the
# default) or unknown; each `allow` block, or the `allow` list when it is unknown.
google_candidates_gates(resource) := array.concat(
	maybe_gate(resource, ["direction"], {"ingress"}, "ingress"),
	maybe_google_disabled(resource),
)

# `disabled` as the deny side reads it: only the boolean false (or not set) opens the rule.
maybe_google_disabled(resource) := [["disabled"]] if unknown_value(resource, ["disabled"])

maybe_google_disabled(resource) := [] if tf.value_or_default(resource, ["disabled"], false) == false

ingress_candidates contains unknown_candidate(resource, sources, array.concat(gates, [path])) if {
	some resource in with_unknowns("google_compute_firewall")
	gates := google_candidates_gates(resource)
	some path in unknown_block_paths(resource, ["allow"])
	sources := maybe_cidr_sources(resource, [], "source_ranges")
}

ingress_candidates contains entry if {
	some resource in with_unknowns("google_compute_firewall")
	gates := google_candidates_gates(resource)
	some i, allow in tf.list_or_empty(resource, ["allow"])
	is_object(allow)
	proto := maybe_protocol(resource, ["allow", i, "protocol"])
	ports := google_maybe_ports(resource, i, proto)
	entry := {
		"address": resource.address, "type": resource.type, "name": resource.name,
		"protocol": proto, "ranges": ports.ranges,
		"sources": maybe_cidr_sources(resource, [], "source_ranges"),
		"unknowns": array.concat(
			array.concat(gates, unknown_paths(resource, [["allow", i, "protocol"]])),
			ports.unknowns,
		),
	}
}

google_maybe_ports(_, _, proto) := {"ranges": network.all_ports, "unknowns": []} if proto == "all"

# An unknown protocol may be `all`: every port, and the ports do not decide.
google_maybe_ports(_, _, proto) := {"ranges": network.all_ports, "unknowns": []} if proto == null

google_maybe_ports(resource, i, proto) := {"ranges": network.all_ports, "unknowns": [path]} if {
	not proto in {null, "all"}
	path := ["allow", i, "ports"]
	unknown_list(resource, path)
}

google_maybe_ports(resource, i, proto) := {"ranges": ranges, "unknowns": unknowns} if {
	not proto in {null, "all"}
	path := ["allow", i, "ports"]
	ports := tf.list_or_empty(resource, path)
	unknowns := [array.concat(path, [j]) | some j in unknown_elements(resource, path)]
	ranges := array.concat(network.port_ranges_or_all(ports), [[0, 65535] | count(unknowns) > 0])
}

# Azure: azurerm_network_security_rule, and the `security_rule` blocks of
# azurerm_network_security_group (or the block list when it is unknown).
ingress_candidates contains entry if {
	some resource in with_unknowns("azurerm_network_security_rule")
	entry := azure_candidate(resource, [])
}

ingress_candidates contains unknown_candidate(resource, [unknown_source(path)], []) if {
	some resource in with_unknowns("azurerm_network_security_group")
	some path in unknown_block_paths(resource, ["security_rule"])
}

ingress_candidates contains entry if {
	some resource in with_unknowns("azurerm_network_security_group")
	some i, rule in tf.list_or_empty(resource, ["security_rule"])
	is_object(rule)
	entry := azure_candidate(resource, ["security_rule", i])
}

azure_candidate(resource, prefix) := entry if {
	gates := array.concat(
		maybe_gate(resource, array.concat(prefix, ["direction"]), {"inbound"}, null),
		maybe_gate(resource, array.concat(prefix, ["access"]), {"allow"}, null),
	)
	protocol_path := array.concat(prefix, ["protocol"])
	proto := maybe_protocol(resource, protocol_path)
	single_path := array.concat(prefix, ["destination_port_range"])
	list_path := array.concat(prefix, ["destination_port_ranges"])
	single := [network.port_range(value) |
		value := object.get(resource.attributes, single_path, null)
		value != null
	]
	listed := [network.port_range(value) | some value in tf.list_or_empty(resource, list_path)]
	port_unknowns := array.concat(
		unknown_paths(resource, [single_path, list_path]),
		[array.concat(list_path, [j]) | some j in unknown_elements(resource, list_path)],
	)
	ranges := array.concat(array.concat(single, listed), [[0, 65535] | count(port_unknowns) > 0])
	count(ranges) > 0
	sources := array.concat(
		maybe_single_source(resource, array.concat(prefix, ["source_address_prefix"]), "azure"),
		azure_maybe_prefixes(resource, array.concat(prefix, ["source_address_prefixes"])),
	)
	entry := {
		"address": resource.address, "type": resource.type, "name": resource.name,
		"protocol": proto, "ranges": ranges, "sources": sources,
		"unknowns": array.concat(array.concat(gates, unknown_paths(resource, [protocol_path])), port_unknowns),
	}
}

azure_maybe_prefixes(resource, path) := array.concat(known, unknown) if {
	list := object.get(resource.attributes, path, [])
	known := [{"path": array.concat(path, [j]), "value": value, "internet": network.azure_internet_bool(value)} |
		is_array(list)
		some j, value in list
		is_string(value)
	]
	unknown := array.concat(
		[unknown_source(path) | unknown_list(resource, path); unknown_cidr(resource, path)],
		[unknown_source(array.concat(path, [j])) |
			some j in unknown_elements(resource, path)
			unknown_cidr(resource, array.concat(path, [j]))
		],
	)
}

# " (0.0.0.0/0)": the known internet sources of possible exposures, for messages; "" when the
# sources are unknown.
known_sources_text(exposures) := sprintf(" (%s)", [concat(", ", sources)]) if {
	sources := sort({e.source | some e in exposures; is_string(e.source)})
	count(sources) > 0
}

known_sources_text(exposures) := "" if {
	count({e.source | some e in exposures; is_string(e.source)}) == 0
}
