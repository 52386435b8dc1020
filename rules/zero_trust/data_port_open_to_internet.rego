# METADATA
# title: Database, cache or queue port open to the internet
# description: |
#   Databases, caches, search engines and message brokers are meant to be reached by the
#   applications that use them, not by the internet. Their ports are scanned continuously,
#   and many of these services ship with no authentication or weak defaults (Redis,
#   Memcached, Elasticsearch, MongoDB), so an open port is often an open data store. Fires on
#   each internet source of an inbound allow rule whose protocol and destination ports include
#   one of these ports (TCP; Memcached also UDP, which is abused for amplification attacks):
#
#   1433 (SQL Server), 1521 (Oracle), 3306 (MySQL/MariaDB), 5432 (PostgreSQL), 5984 (CouchDB),
#   6379 (Redis), 7000-7001 (Cassandra inter-node), 8086 (InfluxDB), 9042 (Cassandra CQL),
#   9092 (Kafka), 9200 and 9300 (Elasticsearch/OpenSearch), 11211 (Memcached),
#   27017-27019 (MongoDB).
#
#   A port range that contains one of them fires, as does a rule for all protocols or all
#   ports (which ZT002 also reports). The rules read are those of the admin-port rule (ZT001):
#
#   - `aws_security_group` inline `ingress` blocks, `aws_security_group_rule` with
#     `type = "ingress"` and `aws_vpc_security_group_ingress_rule`;
#   - `aws_network_acl` inline `ingress` blocks with `action = "allow"` and
#     `aws_network_acl_rule` with `rule_action = "allow"` and `egress` false (the default);
#   - `google_compute_firewall` with `direction` INGRESS (the provider default) and not
#     `disabled`: an `allow` block without `ports` allows every port of its protocol;
#   - `azurerm_network_security_rule` and the inline `security_rule` blocks of
#     `azurerm_network_security_group` with `direction = "Inbound"` and `access = "Allow"`.
#
#   Internet sources are CIDRs with a prefix length of 0 (`0.0.0.0/0`, `::/0`) and, for Azure,
#   also `*`, `Internet` and `Any`. The finding points at the internet source and names the
#   ports it reaches.
#
#   Does not fire on egress and deny rules, on narrower sources (private ranges,
#   security-group, prefix-list, tag or service-account sources), on UDP rules for the TCP-only
#   services, or on any part of a rule that is unknown statically (protocol, ports, source,
#   direction, a `dynamic` block over a variable without default). Network ACL rules are
#   judged one by one: a lower-numbered deny rule that shadows an allow is not taken into
#   account. Network ACLs are stateless, so the inbound return-traffic rule for ephemeral
#   ports that AWS recommends (a range from 1024 or above up to 65535, such as `1024-65535`)
#   is not reported, though it contains data ports; the same range in a (stateful) security
#   group is. A `google_compute_firewall` without `source_ranges` does not fire: only an
#   explicit range is judged. A rule whose unknown values could open one of these ports to the
#   internet (an unknown source of a rule that reaches one, an unknown port, protocol, direction
#   or action of a rule from `0.0.0.0/0`) is listed as undecided, at the unknown value.
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
#   id: ZT003
#   severity: high
#   pillar: zero_trust
#   layer: 1
#   controls: [SC-7]
#   tenets: [2, 3]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Keep data stores on private subnets and let only the application's own security group
#     (or service account, or subnet) reach them:
#
#     ```hcl
#     resource "aws_security_group" "db" {
#       name   = "db"
#       vpc_id = var.vpc_id
#
#       ingress {
#         description     = "PostgreSQL from the application only"
#         from_port       = 5432
#         to_port         = 5432
#         protocol        = "tcp"
#         security_groups = [aws_security_group.app.id]
#       }
#     }
#     ```
package tenet.zero_trust.data_port_open_to_internet

import data.tenet.lib.network
import data.tenet.lib.network_unknown
import rego.v1

data_services := [
	{"service": "SQL Server", "low": 1433, "high": 1433, "protocols": ["tcp"]},
	{"service": "Oracle", "low": 1521, "high": 1521, "protocols": ["tcp"]},
	{"service": "MySQL", "low": 3306, "high": 3306, "protocols": ["tcp"]},
	{"service": "PostgreSQL", "low": 5432, "high": 5432, "protocols": ["tcp"]},
	{"service": "CouchDB", "low": 5984, "high": 5984, "protocols": ["tcp"]},
	{"service": "Redis", "low": 6379, "high": 6379, "protocols": ["tcp"]},
	{"service": "Cassandra", "low": 7000, "high": 7001, "protocols": ["tcp"]},
	{"service": "InfluxDB", "low": 8086, "high": 8086, "protocols": ["tcp"]},
	{"service": "Cassandra CQL", "low": 9042, "high": 9042, "protocols": ["tcp"]},
	{"service": "Kafka", "low": 9092, "high": 9092, "protocols": ["tcp"]},
	{"service": "Elasticsearch", "low": 9200, "high": 9200, "protocols": ["tcp"]},
	{"service": "Elasticsearch transport", "low": 9300, "high": 9300, "protocols": ["tcp"]},
	{"service": "Memcached", "low": 11211, "high": 11211, "protocols": ["tcp", "udp"]},
	{"service": "MongoDB", "low": 27017, "high": 27019, "protocols": ["tcp"]},
]

# One exposure per internet source, service, protocol and port.
exposures contains exposure if {
	some entry in network.ingress_rules
	some source in entry.sources
	source.internet
	some index, svc in data_services
	some proto in svc.protocols
	some port in numbers.range(svc.low, svc.high)
	network.reaches(entry, proto, port)
	exposure := {
		"address": entry.address, "type": entry.type, "name": entry.name,
		"path": source.path, "source": source.value,
		"index": index, "protocol": proto, "port": port,
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
	finding := {
		"resource": first.address,
		"path": first.path,
		"message": sprintf(
			"%s %q lets the internet (%s) reach %s: data stores must only be reachable from their applications",
			[first.type, first.name, first.source, reached(mine)],
		),
	}
}

# Every service reached over TCP: a short summary instead of the whole list.
reached(mine) := "every database, cache and queue port (1433, 1521, 3306, 5432, 5984, 6379, 7000-7001, 8086, 9042, 9092, 9200, 9300, 11211, 27017-27019)" if {
	count({e.index | some e in mine; e.protocol == "tcp"}) == count(data_services)
}

reached(mine) := concat(", ", [describe(mine, i) | some i in sort({e.index | some e in mine})]) if {
	count({e.index | some e in mine; e.protocol == "tcp"}) < count(data_services)
}

# "PostgreSQL (TCP 5432)", "Memcached (TCP and UDP 11211)", "MongoDB (TCP 27017-27019)".
describe(mine, index) := sprintf("%s (%s %s)", [data_services[index].service, protocols, ports]) if {
	protocols := concat(" and ", sort({upper(e.protocol) | some e in mine; e.index == index}))
	ports := port_label({e.port | some e in mine; e.index == index})
}

port_label(ports) := format_int(min(ports), 10) if count(ports) == 1

port_label(ports) := sprintf("%d-%d", [min(ports), max(ports)]) if count(ports) > 1

# --- undecided: unknown sources, protocols, ports, directions and actions ---------------------

reported := {[e.address, e.path] | some e in exposures}

# One possible exposure per source that is unknown or the internet, service, protocol and
# port the rule may reach, when unknown values decide it; `path` is the first of them.
maybe_exposures contains exposure if {
	some entry in network_unknown.ingress_candidates
	some source in entry.sources
	unknowns := network_unknown.source_unknowns(entry, source)
	not [entry.address, source.path] in reported
	some index, svc in data_services
	some proto in svc.protocols
	some port in numbers.range(svc.low, svc.high)
	network_unknown.maybe_reaches(entry, proto, port)
	exposure := {
		"address": entry.address, "path": unknowns[0], "unknowns": unknowns, "source": source.value,
		"index": index, "protocol": proto, "port": port,
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
	unknowns := array.concat([key[1]], sort({p | some e in mine; some p in e.unknowns; p != key[1]}))
	entry := {
		"resource": key[0],
		"path": key[1],
		"message": sprintf(
			"%s, so whether %s is open to the internet%s cannot be decided",
			[network_unknown.unknowns_text(unknowns), reached_or(mine), network_unknown.known_sources_text(mine)],
		),
	}
}

# `reached` with "or": the services an undecided rule may open.
reached_or(mine) := "any database, cache or queue port" if {
	count({e.index | some e in mine; e.protocol == "tcp"}) == count(data_services)
}

reached_or(mine) := concat(" or ", [describe(mine, i) | some i in sort({e.index | some e in mine})]) if {
	count({e.index | some e in mine; e.protocol == "tcp"}) < count(data_services)
}
