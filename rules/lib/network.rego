# Helpers for network ingress rules in Terraform: every way AWS, Google Cloud and Azure let
# traffic in, normalized to one shape so the zero-trust rules (admin ports, all ports, data
# ports open to the internet) judge them alike.
#
# `ingress_rules` holds one entry per rule that allows inbound traffic:
#
#   {
#     "address": resource address, "type": resource type, "name": resource name,
#     "protocol": "tcp" | "udp" | "icmp" | "icmpv6" | "all" | another protocol name/number,
#     "ranges": [[low, high], ...]   destination port ranges (all protocols: [[0, 65535]]),
#     "sources": [{"path": attribute path, "value": "0.0.0.0/0", "internet": true}, ...],
#   }
#
# An entry is left out when its protocol or ports are unknown; an unknown source (null) is
# left out of `sources`. Nothing is guessed.
package tenet.lib.network

import data.tenet.lib.terraform as tf
import rego.v1

all_ports := [[0, 65535]]

# --- internet sources ---------------------------------------------------------------------

# A CIDR whose prefix length is 0 (`0.0.0.0/0`, `::/0`) covers every address.
internet_cidr(value) if {
	is_string(value)
	parts := split(trim_space(value), "/")
	count(parts) == 2
	parts[1] == "0"
}

# Azure also names the internet with the `Internet` service tag and with `*`/`Any`.
azure_internet_prefix(value) if internet_cidr(value)

azure_internet_prefix(value) if {
	is_string(value)
	lower(trim_space(value)) in {"*", "internet", "any"}
}

# --- ports and protocols ------------------------------------------------------------------

port_number(value) := value if is_number(value)

port_number(value) := to_number(value) if {
	is_string(value)
	regex.match(`^[0-9]+$`, trim_space(value))
}

# A port range: "22", "20-25" (Google, Azure) or "*" (Azure: all ports). The attributes are
# strings; Terraform converts a number written there (`ports = [22]`) to its string, so a
# whole number is the same port.
port_text(value) := trim_space(value) if is_string(value)

port_text(value) := format_int(value, 10) if {
	is_number(value)
	value == floor(value)
}

port_range(value) := [0, 65535] if port_text(value) == "*"

port_range(value) := [n, n] if {
	text := port_text(value)
	regex.match(`^[0-9]+$`, text)
	n := to_number(text)
}

port_range(value) := [to_number(parts[0]), to_number(parts[1])] if {
	text := port_text(value)
	regex.match(`^[0-9]+-[0-9]+$`, text)
	parts := split(text, "-")
}

# A known string, lowercased; undefined for an unknown (null) value.
lower_text(value) := lower(trim_space(value)) if is_string(value)

protocol_text(value) := lower(trim_space(value)) if is_string(value)

protocol_text(value) := format_int(value, 10) if is_number(value)

protocol_aliases := {
	"-1": "all", "all": "all", "*": "all",
	"6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6",
}

protocol(value) := protocol_aliases[protocol_text(value)]

protocol(value) := text if {
	text := protocol_text(value)
	not protocol_aliases[text]
}

# True when the entry lets `proto` ("tcp", "udp") reach `port`.
reaches(entry, proto, port) if {
	entry.protocol in {proto, "all"}
	some range in entry.ranges
	range[0] <= port
	port <= range[1]
}

# --- sources -------------------------------------------------------------------------------

# The CIDR sources of a list attribute (`cidr_blocks`, `source_ranges`), with their paths.
cidr_sources(resource, prefix, key) := [source |
	list := tf.list_or_empty(resource, array.concat(prefix, [key]))
	some j, value in list
	is_string(value)
	source := {"path": array.concat(prefix, [key, j]), "value": value, "internet": internet_cidr_bool(value)}
]

internet_cidr_bool(value) := true if {
	internet_cidr(value)
} else := false

azure_internet_bool(value) := true if {
	azure_internet_prefix(value)
} else := false

# --- AWS -----------------------------------------------------------------------------------

# Destination ports of an AWS rule (`from_port`/`to_port`, ignored for all protocols).
aws_ranges(proto, _) := all_ports if proto == "all"

aws_ranges(proto, rule) := [[port_number(rule.from_port), port_number(rule.to_port)]] if proto != "all"

aws_cidr_sources(resource, prefix) := array.concat(
	cidr_sources(resource, prefix, "cidr_blocks"),
	cidr_sources(resource, prefix, "ipv6_cidr_blocks"),
)

# aws_security_group: inline `ingress` blocks.
ingress_rules contains entry if {
	some resource in tf.resources("aws_security_group")
	some i, block in tf.list_or_empty(resource, ["ingress"])
	is_object(block)
	proto := protocol(block.protocol)
	entry := {
		"address": resource.address, "type": resource.type, "name": resource.name,
		"protocol": proto, "ranges": aws_ranges(proto, block),
		"sources": aws_cidr_sources(resource, ["ingress", i]),
	}
}

# aws_security_group_rule with type "ingress".
ingress_rules contains entry if {
	some resource in tf.resources("aws_security_group_rule")
	resource.attributes.type == "ingress"
	proto := protocol(resource.attributes.protocol)
	entry := {
		"address": resource.address, "type": resource.type, "name": resource.name,
		"protocol": proto, "ranges": aws_ranges(proto, resource.attributes),
		"sources": aws_cidr_sources(resource, []),
	}
}

# aws_vpc_security_group_ingress_rule: one `cidr_ipv4` or `cidr_ipv6` per rule.
ingress_rules contains entry if {
	some resource in tf.resources("aws_vpc_security_group_ingress_rule")
	proto := protocol(resource.attributes.ip_protocol)
	entry := {
		"address": resource.address, "type": resource.type, "name": resource.name,
		"protocol": proto, "ranges": aws_ranges(proto, resource.attributes),
		"sources": [source |
			some key in ["cidr_ipv4", "cidr_ipv6"]
			value := resource.attributes[key]
			is_string(value)
			source := {"path": [key], "value": value, "internet": internet_cidr_bool(value)}
		],
	}
}

# Network ACLs (stateless, per subnet). Rules are judged one by one: a lower-numbered `deny`
# rule of the same ACL that would shadow an `allow` is not taken into account. Because a
# network ACL is stateless, the replies to the subnet's own outbound connections need an
# inbound rule for the ephemeral ports, from any address: a range that starts at 1024 or above
# and runs to 65535 (`1024-65535`, `32768-65535`, `49152-65535`, as the AWS documentation
# recommends) is that return-traffic rule, and it is left out of the entry's `ranges`.

# aws_network_acl: inline `ingress` blocks with `action = "allow"`.
ingress_rules contains entry if {
	some resource in tf.resources("aws_network_acl")
	some i, block in tf.list_or_empty(resource, ["ingress"])
	is_object(block)
	lower_text(block.action) == "allow"
	proto := protocol(block.protocol)
	entry := {
		"address": resource.address, "type": resource.type, "name": resource.name,
		"protocol": proto, "ranges": nacl_ranges(proto, block),
		"sources": nacl_sources(block, ["ingress", i]),
	}
}

# aws_network_acl_rule: `egress` defaults to false (an inbound rule), `rule_action = "allow"`.
ingress_rules contains entry if {
	some resource in tf.resources("aws_network_acl_rule")
	tf.value_or_default(resource, ["egress"], false) in {false, "false"}
	lower_text(resource.attributes.rule_action) == "allow"
	proto := protocol(resource.attributes.protocol)
	entry := {
		"address": resource.address, "type": resource.type, "name": resource.name,
		"protocol": proto, "ranges": nacl_ranges(proto, resource.attributes),
		"sources": nacl_sources(resource.attributes, []),
	}
}

# The destination ports of a network ACL rule, without the ephemeral return-traffic range.
nacl_ranges(proto, rule) := [range |
	some range in aws_ranges(proto, rule)
	not ephemeral_range(range)
]

ephemeral_range(range) if {
	range[0] >= 1024
	range[1] == 65535
}

# A network ACL rule has one `cidr_block` or `ipv6_cidr_block`.
nacl_sources(rule, prefix) := [source |
	some key in ["cidr_block", "ipv6_cidr_block"]
	value := object.get(rule, key, null)
	is_string(value)
	source := {"path": array.concat(prefix, [key]), "value": value, "internet": internet_cidr_bool(value)}
]

# --- Google Cloud --------------------------------------------------------------------------

# google_compute_firewall: `direction` defaults to INGRESS; a `disabled` rule is not enforced.
# Each `allow` block is one entry; `ports` missing or empty means every port.
ingress_rules contains entry if {
	some resource in tf.resources("google_compute_firewall")
	upper(tf.value_or_default(resource, ["direction"], "INGRESS")) == "INGRESS"
	tf.value_or_default(resource, ["disabled"], false) == false
	some i, allow in tf.list_or_empty(resource, ["allow"])
	is_object(allow)
	proto := protocol(allow.protocol)
	ranges := gcp_ranges(resource, i, proto)
	entry := {
		"address": resource.address, "type": resource.type, "name": resource.name,
		"protocol": proto, "ranges": ranges,
		"sources": cidr_sources(resource, [], "source_ranges"),
	}
}

gcp_ranges(_, _, proto) := all_ports if proto == "all"

gcp_ranges(resource, i, proto) := ranges if {
	proto != "all"
	ports := tf.list_or_empty(resource, ["allow", i, "ports"])
	ranges := port_ranges_or_all(ports)
}

port_ranges_or_all(ports) := all_ports if count(ports) == 0

port_ranges_or_all(ports) := [port_range(p) | some p in ports] if count(ports) > 0

# --- Azure ---------------------------------------------------------------------------------

# azurerm_network_security_rule (one rule) and azurerm_network_security_group (inline
# `security_rule` blocks): Inbound + Allow rules.
ingress_rules contains entry if {
	some resource in tf.resources("azurerm_network_security_rule")
	entry := azure_entry(resource, [], resource.attributes)
}

ingress_rules contains entry if {
	some resource in tf.resources("azurerm_network_security_group")
	some i, rule in tf.list_or_empty(resource, ["security_rule"])
	is_object(rule)
	entry := azure_entry(resource, ["security_rule", i], rule)
}

azure_entry(resource, prefix, rule) := entry if {
	lower_text(rule.direction) == "inbound"
	lower_text(rule.access) == "allow"
	proto := protocol(rule.protocol)
	ranges := azure_ranges(resource, prefix, rule)
	count(ranges) > 0
	entry := {
		"address": resource.address, "type": resource.type, "name": resource.name,
		"protocol": proto, "ranges": ranges,
		"sources": azure_sources(resource, prefix, rule),
	}
}

azure_ranges(resource, prefix, rule) := array.concat(single, multiple) if {
	single := [port_range(rule.destination_port_range) | rule.destination_port_range != null]
	list := tf.list_or_empty(resource, array.concat(prefix, ["destination_port_ranges"]))
	multiple := [port_range(p) | some p in list]
}

azure_sources(resource, prefix, rule) := array.concat(single, multiple) if {
	single := [source |
		value := rule.source_address_prefix
		is_string(value)
		source := {
			"path": array.concat(prefix, ["source_address_prefix"]),
			"value": value, "internet": azure_internet_bool(value),
		}
	]
	list := object.get(rule, "source_address_prefixes", [])
	multiple := [source |
		is_array(list)
		some j, value in list
		is_string(value)
		source := {
			"path": array.concat(prefix, ["source_address_prefixes", j]),
			"value": value, "internet": azure_internet_bool(value),
		}
	]
}
