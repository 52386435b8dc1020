package tenet.zero_trust.admin_port_open_to_internet_test

import data.tenet.zero_trust.admin_port_open_to_internet as zt001
import rego.v1

resource(type, attributes) := {
	"address": sprintf("%s.test", [type]),
	"type": type,
	"name": "test",
	"mode": "managed",
	"attributes": attributes,
}

plan(resources) := {"kind": "terraform-plan", "resources": resources}

# Plan JSON lists every attribute of a nested block, unset ones as null or [].
test_plan_security_group if {
	sg := resource("aws_security_group", {"ingress": [{
		"cidr_blocks": ["0.0.0.0/0"], "description": "", "from_port": 22, "to_port": 22,
		"ipv6_cidr_blocks": [], "prefix_list_ids": [], "protocol": "tcp",
		"security_groups": [], "self": false,
	}]})
	result := zt001.deny with input as plan([sg])
	count(result) == 1
	some finding in result
	finding.path == ["ingress", 0, "cidr_blocks", 0]
}

test_plan_gcp_empty_ports_is_every_port if {
	fw := resource("google_compute_firewall", {
		"direction": "INGRESS", "disabled": false, "source_ranges": ["0.0.0.0/0"],
		"allow": [{"protocol": "tcp", "ports": []}], "deny": [],
	})
	result := zt001.deny with input as plan([fw])
	count(result) == 1
	some finding in result
	contains(finding.message, "SSH (TCP 22) and RDP (TCP 3389)")
}

test_plan_azure_group_prefixes if {
	nsg := resource("azurerm_network_security_group", {"security_rule": [{
		"direction": "Inbound", "access": "Allow", "protocol": "Tcp",
		"destination_port_range": "", "destination_port_ranges": ["3389"],
		"source_address_prefix": "", "source_address_prefixes": ["0.0.0.0/0"],
	}]})
	result := zt001.deny with input as plan([nsg])
	count(result) == 1
	some finding in result
	finding.path == ["security_rule", 0, "source_address_prefixes", 0]
}

test_prefix_zero_is_internet if {
	rule := resource("aws_vpc_security_group_ingress_rule", {"cidr_ipv4": "10.0.0.0/0", "ip_protocol": "tcp", "from_port": 3389, "to_port": 3389})
	count(zt001.deny) == 1 with input as plan([rule])
}

test_icmp_and_private_pass if {
	icmp := resource("aws_vpc_security_group_ingress_rule", {"cidr_ipv4": "0.0.0.0/0", "ip_protocol": "icmp", "from_port": -1, "to_port": -1})
	private := resource("aws_security_group_rule", {"type": "ingress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["10.0.0.0/8"]})
	count(zt001.deny) == 0 with input as plan([icmp, private])
}

# In a plan, `ingress` of a security group without inline rules is computed by the provider:
# not set, so not undecided. The same unknown list in HCL (a dynamic block over a variable) is.
test_plan_provider_computed_ingress_is_not_undecided if {
	sg := object.union(resource("aws_security_group", {"ingress": null}), {"unknown": ["ingress"]})
	count(zt001.undecided) == 0 with input as plan([sg])
	count(zt001.undecided) == 1 with input as {"kind": "terraform", "resources": [sg]}
}

# A network ACL rule with an unknown action, and one with an unknown upper port bound (it may
# or may not be the ephemeral return-traffic range).
test_nacl_unknown_action_and_bound if {
	action := object.union(
		resource("aws_network_acl_rule", {"rule_action": null, "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_block": "0.0.0.0/0"}),
		{"unknown": ["rule_action"]},
	)
	bound := object.union(
		resource("aws_network_acl_rule", {"rule_action": "allow", "protocol": "tcp", "from_port": 1024, "to_port": null, "cidr_block": "0.0.0.0/0"}),
		{"address": "aws_network_acl_rule.bound", "unknown": ["to_port"]},
	)
	result := zt001.undecided with input as plan([action, bound])
	{[u.resource, u.path] | some u in result} == {["aws_network_acl_rule.test", ["rule_action"]], ["aws_network_acl_rule.bound", ["to_port"]]}
}
