# METADATA
# title: Administrative port open to the internet
# description: |
#   SSH (TCP 22) and RDP (TCP and UDP 3389) give an interactive shell or desktop on the
#   machine. Reachable from the whole internet, they are scanned within minutes and exposed to
#   credential stuffing, brute force and every future vulnerability of the daemon; zero trust
#   grants administrative access per session through a broker (SSM Session Manager, IAP, Azure
#   Bastion), never by network location. Fires on each internet source of an inbound allow
#   rule whose protocol and destination ports include TCP 22 or TCP/UDP 3389:
#
#   - `aws_security_group` inline `ingress` blocks, `aws_security_group_rule` with
#     `type = "ingress"` (`cidr_blocks`, `ipv6_cidr_blocks`, `from_port`..`to_port`) and
#     `aws_vpc_security_group_ingress_rule` (`cidr_ipv4`, `cidr_ipv6`); protocol `-1`/`all`
#     means every protocol and port;
#   - network ACLs: `aws_network_acl` inline `ingress` blocks and `aws_network_acl_rule`
#     (`egress` false, the default) with an `allow` action, from `cidr_block` or
#     `ipv6_cidr_block`. Each rule is judged on its own (a lower-numbered deny that shadows it
#     is not taken into account), and the ephemeral return-traffic range every stateless ACL
#     needs (a range from 1024 or above to 65535) is not counted;
#   - `google_compute_firewall` with `direction` INGRESS (the provider default) and not
#     `disabled`: each `allow` block against `source_ranges`; an `allow` without `ports` (or
#     with protocol `all`) allows every port;
#   - `azurerm_network_security_rule` and the inline `security_rule` blocks of
#     `azurerm_network_security_group` with `direction = "Inbound"` and `access = "Allow"`:
#     `source_address_prefix(es)` against `destination_port_range(s)` (`22`, `20-30`, `*`);
#     protocol `*` means every protocol.
#
#   Internet sources are CIDRs with a prefix length of 0 (`0.0.0.0/0`, `::/0`) and, for Azure,
#   also `*`, `Internet` and `Any`. A port range that contains 22 or 3389 fires, as does a rule
#   for all protocols. The finding points at the internet source and names the ports.
#
#   Does not fire on egress rules, deny rules, narrower sources (including private ranges and
#   security-group, prefix-list, tag or service-account sources), or on any part of a rule that
#   is unknown statically: a protocol, a port, a source, a direction or a whole `dynamic` block
#   that depends on a variable without default is not judged. A `google_compute_firewall`
#   without `source_ranges` does not fire either: the provider requires a source for ingress
#   rules, and only an explicit range is judged. AWS defaults are not involved: protocol and
#   ports are required arguments of every AWS rule type. A rule whose unknown values could open
#   SSH or RDP to the internet (an unknown source of a rule that reaches port 22, an unknown
#   port, protocol or direction of a rule from `0.0.0.0/0`) is listed as undecided, at the
#   unknown value; an unknown CIDR computed from a managed resource (such as a VPC's
#   `cidr_block`) is never the internet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#     description: Amazon VPC, security group rules
#   - ref: https://cloud.google.com/firewall/docs/firewalls
#     description: Google Cloud VPC firewall rules
#   - ref: https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview
#     description: Azure network security groups
#   - ref: https://csrc.nist.gov/pubs/sp/800/207/final
#     description: NIST SP 800-207, Zero Trust Architecture
# custom:
#   id: ZT001
#   severity: critical
#   pillar: zero_trust
#   layer: 1
#   controls: [SC-7, AC-17]
#   tenets: [2, 3]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Do not open SSH or RDP to the internet. Reach the machines through a session broker
#     (AWS Systems Manager Session Manager, Google IAP TCP forwarding, Azure Bastion) and remove
#     the rule, or limit it to the address ranges that really need it:
#
#     ```hcl
#     resource "aws_security_group" "bastion" {
#       name   = "bastion"
#       vpc_id = var.vpc_id
#
#       ingress {
#         description = "SSH from the corporate VPN only"
#         from_port   = 22
#         to_port     = 22
#         protocol    = "tcp"
#         cidr_blocks = ["10.20.0.0/16"]
#       }
#     }
#     ```
package tenet.zero_trust.admin_port_open_to_internet

import data.tenet.lib.network
import data.tenet.lib.network_unknown
import rego.v1

admin_services := [
	{"service": "SSH", "port": 22, "protocols": ["tcp"]},
	{"service": "RDP", "port": 3389, "protocols": ["tcp", "udp"]},
]

# One exposure per internet source, service and protocol.
exposures contains exposure if {
	some entry in network.ingress_rules
	some source in entry.sources
	source.internet
	some admin in admin_services
	some proto in admin.protocols
	network.reaches(entry, proto, admin.port)
	exposure := {
		"address": entry.address, "type": entry.type, "name": entry.name,
		"path": source.path, "source": source.value,
		"service": admin.service, "port": admin.port, "protocol": proto,
	}
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
	services := {e.service | some e in mine}
	reached := concat(" and ", [describe(mine, a.service) | some a in admin_services; a.service in services])
	finding := {
		"resource": first.address,
		"path": first.path,
		"message": sprintf(
			"%s %q lets the internet (%s) reach %s: administrative ports must be reached through a session broker, not from anywhere",
			[first.type, first.name, first.source, reached],
		),
	}
}

# "SSH (TCP 22)", "RDP (TCP and UDP 3389)".
describe(exposures_of_source, service) := sprintf("%s (%s %d)", [service, protocols, port]) if {
	protocols := concat(" and ", sort({upper(e.protocol) | some e in exposures_of_source; e.service == service}))
	port := [e.port | some e in exposures_of_source; e.service == service][0]
}

# --- undecided: unknown sources, protocols, ports, directions and actions ---------------------

reported := {[e.address, e.path] | some e in exposures}

# One possible exposure per source that is unknown or the internet, service and protocol the
# rule may reach, when unknown values decide it; `path` is the first of them.
maybe_exposures contains exposure if {
	some entry in network_unknown.ingress_candidates
	some source in entry.sources
	unknowns := network_unknown.source_unknowns(entry, source)
	not [entry.address, source.path] in reported
	some admin in admin_services
	some proto in admin.protocols
	network_unknown.maybe_reaches(entry, proto, admin.port)
	exposure := {
		"address": entry.address, "path": unknowns[0], "unknowns": unknowns, "source": source.value,
		"service": admin.service, "port": admin.port, "protocol": proto,
	}
}

# The possible exposures grouped by resource and reported path, in one pass.
maybe_groups[key] contains exposure if {
	some exposure in maybe_exposures
	key := [exposure.address, exposure.path]
}

undecided contains entry if {
	some key, group in maybe_groups
	mine := [e | some e in group]
	services := {e.service | some e in mine}
	unknowns := array.concat([key[1]], sort({p | some e in mine; some p in e.unknowns; p != key[1]}))
	reached := concat(" or ", [describe(mine, a.service) | some a in admin_services; a.service in services])
	entry := {
		"resource": key[0],
		"path": key[1],
		"message": sprintf(
			"%s, so whether %s is open to the internet%s cannot be decided",
			[network_unknown.unknowns_text(unknowns), reached, network_unknown.known_sources_text(mine)],
		),
	}
}
