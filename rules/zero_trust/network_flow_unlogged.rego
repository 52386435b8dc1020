# METADATA
# title: Network flows are not logged
# description: |
#   Without flow logs, nobody can reconstruct which hosts talked to which, on what ports, or
#   spot lateral movement and exfiltration after the fact; zero trust monitors every flow and
#   feeds what it sees back into policy. Fires on:
#
#   - `aws_vpc` when no `aws_flow_log` in the same configuration (the root module and every
#     module it calls) has a `vpc_id` that refers to it, directly or through module inputs
#     and outputs. Reported on the VPC. A flow log whose `vpc_id` is unknown and refers to no
#     resource (a variable without default) may log any VPC, so while one exists no VPC is
#     reported. A `vpc_id` written as a literal ID cannot name a VPC created here;
#   - `google_compute_subnetwork` without a `log_config` block (flow logs are off unless the
#     block is present), unless its `purpose` is not a VM subnet (`REGIONAL_MANAGED_PROXY`,
#     `GLOBAL_MANAGED_PROXY`, `INTERNAL_HTTPS_LOAD_BALANCER`, `PRIVATE_SERVICE_CONNECT`,
#     `PRIVATE_NAT` and the like cannot have flow logs). Only subnetworks whose `purpose` is
#     missing (the default, `PRIVATE`), `PRIVATE` or `PRIVATE_RFC_1918` are judged.
#
#   Unknown values are never judged: a `purpose` or a `log_config` block that depends on a
#   variable without default is not reported, but listed as undecided, and so is each VPC
#   without a flow log of its own while a flow log's `vpc_id` is unknown. A `purpose` chosen
#   by an unknown condition between known values (`global ? "GLOBAL_MANAGED_PROXY" :
#   "REGIONAL_MANAGED_PROXY"`) is judged on those values: not reported when none is a VM
#   subnet's, reported when all are.
# related_resources:
#   - ref: https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html
#     description: Amazon VPC, flow logs
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/flow_log
#     description: Terraform AWS provider, aws_flow_log
#   - ref: https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_subnetwork#log_config
#     description: Terraform Google provider, google_compute_subnetwork log_config
#   - ref: https://cloud.google.com/vpc/docs/flow-logs
#     description: Google Cloud VPC Flow Logs
# custom:
#   id: ZT010
#   severity: medium
#   pillar: zero_trust
#   layer: 1
#   controls: [AU-12, SI-4]
#   tenets: [5, 7]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Record the VPC's traffic with a flow log, and turn on flow logs for each Google subnetwork:
#
#     ```hcl
#     resource "aws_vpc" "main" {
#       cidr_block = "10.0.0.0/16"
#     }
#
#     resource "aws_flow_log" "main" {
#       vpc_id               = aws_vpc.main.id
#       traffic_type         = "ALL"
#       log_destination_type = "cloud-watch-logs"
#       log_destination      = aws_cloudwatch_log_group.flow.arn
#       iam_role_arn         = aws_iam_role.flow.arn
#     }
#
#     resource "google_compute_subnetwork" "app" {
#       name          = "app"
#       network       = google_compute_network.main.id
#       region        = "europe-west1"
#       ip_cidr_range = "10.10.0.0/20"
#
#       log_config {
#         aggregation_interval = "INTERVAL_5_SEC"
#         flow_sampling        = 0.5
#         metadata             = "INCLUDE_ALL_METADATA"
#       }
#     }
#     ```
package tenet.zero_trust.network_flow_unlogged

import data.tenet.lib.aws_encryption as enc
import data.tenet.lib.terraform as tf
import rego.v1

target_types := {"aws_vpc", "aws_flow_log", "google_compute_subnetwork"}

# The only pass over input.resources.
candidates := [r |
	some r in input.resources
	r.type in target_types
	tf.managed(r)
]

of_type(type) := [r | some r in candidates; r.type == type]

deny contains finding if {
	some issue in issues
	finding := {
		"resource": issue.resource.address,
		"path": issue.path,
		"message": sprintf("%s %q %s", [issue.resource.type, issue.resource.name, issue.reason]),
	}
}

# aws_vpc without an aws_flow_log that refers to it. The referenced addresses are collected
# once into a set, so each VPC is a set lookup.

flow_logs := of_type("aws_flow_log")

logged_vpcs := enc.reference_index({address |
	some flow_log in flow_logs
	some address in enc.referenced_addresses(flow_log, "vpc_id")
})

# A flow log whose VPC cannot be known may log any VPC.
flow_log_with_unknown_vpc if {
	some flow_log in flow_logs
	tf.unknown(flow_log, ["vpc_id"])
	count(enc.referenced_addresses(flow_log, "vpc_id")) == 0
}

issues contains {
	"resource": vpc,
	"path": [],
	"reason": "has no `aws_flow_log` whose `vpc_id` refers to it: traffic in the VPC is not recorded",
} if {
	not flow_log_with_unknown_vpc
	some vpc in of_type("aws_vpc")
	not enc.referenced_in(vpc.address, logged_vpcs)
}

# Undecided: a VPC that no flow log refers to while a flow log's `vpc_id` is unknown and
# refers to no resource: that flow log may be the VPC's.
undecided contains tf.undecided(vpc, [], message) if {
	flow_log_with_unknown_vpc
	some vpc in of_type("aws_vpc")
	not enc.referenced_in(vpc.address, logged_vpcs)
	message := sprintf("the `vpc_id` of %s is unknown, so whether it records the traffic of this VPC (no other flow log refers to it) cannot be decided", [concat(", ", unknown_vpc_flow_logs)])
}

unknown_vpc_flow_logs := sort([flow_log.address |
	some flow_log in flow_logs
	tf.unknown(flow_log, ["vpc_id"])
	count(enc.referenced_addresses(flow_log, "vpc_id")) == 0
])

# google_compute_subnetwork without log_config.

# Purposes of subnetworks that carry VM traffic and can have flow logs.
vm_purposes := {"PRIVATE", "PRIVATE_RFC_1918"}

issues contains {
	"resource": subnet,
	"path": ["log_config"],
	"reason": "has no `log_config`: VPC flow logs are off for the subnetwork",
} if {
	some subnet in of_type("google_compute_subnetwork")
	vm_purpose(subnet)
	no_log_config(subnet)
}

vm_purpose(subnet) if enc.upper_or_default(subnet, ["purpose"], "PRIVATE") in vm_purposes

# An unknown `purpose` whose every possible value is a VM subnet's.
vm_purpose(subnet) if {
	values := tf.alternatives(subnet, ["purpose"])
	every value in values {
		is_string(value)
		upper(value) in vm_purposes
	}
}

# An unknown `purpose` whose every possible value is a subnet without VM traffic (a proxy-only
# subnet chosen by a flag: `global ? "GLOBAL_MANAGED_PROXY" : "REGIONAL_MANAGED_PROXY"`).
not_vm_purpose(subnet) if {
	values := tf.alternatives(subnet, ["purpose"])
	every value in values {
		is_string(value)
		not upper(value) in vm_purposes
	}
}

no_log_config(subnet) if tf.unset(subnet, ["log_config"])

no_log_config(subnet) if subnet.attributes.log_config == []

# Undecided: a subnetwork without `log_config` whose `purpose` is unknown, and a subnetwork
# whose `log_config` is unknown (a `dynamic` block over a variable without default).
undecided contains tf.undecided(subnet, ["purpose"], message) if {
	some subnet in of_type("google_compute_subnetwork")
	tf.unknown(subnet, ["purpose"])
	not vm_purpose(subnet)
	not not_vm_purpose(subnet)
	no_log_config(subnet)
	message := "`purpose` is unknown, so whether this subnetwork carries VM traffic without flow logs (it has no `log_config`) cannot be decided"
}

undecided contains tf.undecided(subnet, path, message) if {
	some subnet in of_type("google_compute_subnetwork")
	maybe_vm_purpose(subnet)
	some path in enc.unknown_blocks(subnet, ["log_config"])
	message := sprintf("`%s` is unknown, so whether VPC flow logs are on for the subnetwork cannot be decided", [tf.display_path(path)])
}

maybe_vm_purpose(subnet) if enc.upper_or_default(subnet, ["purpose"], "PRIVATE") in vm_purposes

maybe_vm_purpose(subnet) if {
	tf.unknown(subnet, ["purpose"])
	not not_vm_purpose(subnet)
}
