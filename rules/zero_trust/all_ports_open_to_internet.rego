# METADATA
# title: Every port open to the internet
# description: |
#   A rule that lets the whole internet reach every port of a machine exposes every service it
#   runs, including the ones nobody meant to publish (databases, admin consoles, debug
#   endpoints, services started later). Zero trust grants access per service and per session,
#   never to a whole network location. Fires on each internet source of an inbound allow rule
#   that covers every port: protocol `-1`/`all` (AWS), `all` (Google Cloud) or `*` (Azure), or
#   a TCP, UDP or SCTP rule whose destination ports run from 0 (or 1, port 0 is reserved) to
#   65535. The rules read are those of the admin-port rule (ZT001):
#
#   - `aws_security_group` inline `ingress` blocks, `aws_security_group_rule` with
#     `type = "ingress"` and `aws_vpc_security_group_ingress_rule`;
#   - `aws_network_acl` inline `ingress` blocks with `action = "allow"` and
#     `aws_network_acl_rule` with `rule_action = "allow"` and `egress` false (the default);
#   - `google_compute_firewall` with `direction` INGRESS (the provider default) and not
#     `disabled`: an `allow` block without `ports` allows every port of its protocol;
#   - `azurerm_network_security_rule` and the inline `security_rule` blocks of
#     `azurerm_network_security_group` with `direction = "Inbound"` and `access = "Allow"`,
#     with destination port `*` or `0-65535`.
#
#   Internet sources are CIDRs with a prefix length of 0 (`0.0.0.0/0`, `::/0`) and, for Azure,
#   also `*`, `Internet` and `Any`. The finding points at the internet source.
#
#   Does not fire on protocols without ports (ICMP, ESP, AH: an `allow` of ICMP without
#   `ports` is not "every port"), on a range that leaves ports out (`1024-65535`; ZT001 and
#   ZT003 judge the ports such a range contains), on egress and deny rules, on narrower
#   sources, or on any part of a rule that is unknown statically (protocol, ports, source,
#   direction, a `dynamic` block over a variable without default). Network ACL rules are
#   judged one by one: a lower-numbered deny rule that shadows an allow is not taken into
#   account. A `google_compute_firewall` without `source_ranges` does not fire: only an
#   explicit range is judged. A rule whose unknown values could open every port to the internet
#   (an unknown source of an all-protocol rule, an unknown protocol or port bound of a rule
#   from `0.0.0.0/0`) is listed as undecided, at the unknown value.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#     description: Amazon VPC, security group rules
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
#     description: Amazon VPC, network ACL rules
#   - ref: https://cloud.google.com/firewall/docs/firewalls
#     description: Google Cloud VPC firewall rules
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
#     description: Azure network security groups
#   - ref: https://csrc.nist.gov/pubs/sp/800/207/final
#     description: NIST SP 800-207, Zero Trust Architecture
# custom:
#   id: ZT002
#   severity: critical
#   pillar: zero_trust
#   layer: 1
#   controls: [SC-7]
#   tenets: [2, 3]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Open only the ports the service needs, and only to the sources that need them. A public
#     web server needs HTTPS, not every port:
#
#     ```hcl
#     resource "aws_security_group" "web" {
#       name   = "web"
#       vpc_id = var.vpc_id
#
#       ingress {
#         description = "HTTPS from anywhere"
#         from_port   = 443
#         to_port     = 443
#         protocol    = "tcp"
#         cidr_blocks = ["0.0.0.0/0"]
#       }
#     }
#     ```
package tenet.zero_trust.all_ports_open_to_internet

import data.tenet.lib.network
import data.tenet.lib.network_unknown
import rego.v1

# Protocols that have ports: a rule for one of them covering 0/1-65535 covers every port.
port_protocols := {"tcp", "udp", "sctp"}

# One exposure per internet source and protocol that reaches every port.
exposures contains exposure if {
	some entry in network.ingress_rules
	every_port(entry)
	some source in entry.sources
	source.internet
	exposure := {
		"address": entry.address, "type": entry.type, "name": entry.name,
		"path": source.path, "source": source.value, "protocol": entry.protocol,
	}
}

every_port(entry) if entry.protocol == "all"

every_port(entry) if {
	entry.protocol in port_protocols
	some range in entry.ranges
	range[0] <= 1
	range[1] >= 65535
}

# The exposures grouped by resource and source, in one pass.
exposure_groups[key] contains exposure if {
	some exposure in exposures
	key := [exposure.address, exposure.path]
}

# One finding per internet source: several rules (Google `allow` blocks) can share a source.
deny contains finding if {
	some group in exposure_groups
	mine := [e | some e in group]
	first := mine[0]
	protocols := {e.protocol | some e in mine}
	finding := {
		"resource": first.address,
		"path": first.path,
		"message": sprintf(
			"%s %q lets the internet (%s) reach %s: open only the ports the service needs",
			[first.type, first.name, first.source, describe(protocols)],
		),
	}
}

describe(protocols) := "every port of every protocol" if "all" in protocols

describe(protocols) := sprintf("every %s port", [concat(" and ", sort({upper(p) | some p in protocols}))]) if {
	not "all" in protocols
}

# --- undecided: unknown sources, protocols, ports, directions and actions ---------------------

reported := {[e.address, e.path] | some e in exposures}

# One possible exposure per source that is unknown or the internet, of a rule that may cover
# every port, when unknown values decide it; `path` is the first of them.
maybe_exposures contains exposure if {
	some entry in network_unknown.ingress_candidates
	maybe_every_port(entry)
	some source in entry.sources
	unknowns := network_unknown.source_unknowns(entry, source)
	not [entry.address, source.path] in reported
	exposure := {"address": entry.address, "path": unknowns[0], "unknowns": unknowns, "source": source.value}
}

# An unknown protocol may be `all` (or, on Azure, `*`).
maybe_every_port(entry) if entry.protocol == null

maybe_every_port(entry) if every_port(entry)

# The possible exposures grouped by resource and reported path, in one pass.
maybe_groups[key] contains exposure if {
	some exposure in maybe_exposures
	key := [exposure.address, exposure.path]
}

undecided contains entry if {
	some key, group in maybe_groups
	mine := [e | some e in group]
	unknowns := array.concat([key[1]], sort({p | some e in mine; some p in e.unknowns; p != key[1]}))
	entry := {
		"resource": key[0],
		"path": key[1],
		"message": sprintf(
			"%s, so whether every port is open to the internet%s cannot be decided",
			[network_unknown.unknowns_text(unknowns), network_unknown.known_sources_text(mine)],
		),
	}
}
