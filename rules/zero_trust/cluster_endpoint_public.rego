# METADATA
# title: Kubernetes control plane reachable from the whole internet
# description: |
#   The Kubernetes API server is the control plane of the whole cluster. Reachable from any
#   address, it is exposed to credential stuffing, token leaks and every API-server
#   vulnerability before authentication even starts; zero trust keeps it on a private endpoint
#   or limits the public endpoint to known address ranges. Fires on:
#
#   - `aws_eks_cluster` whose `vpc_config.endpoint_public_access` is true or missing (the EKS
#     default is true) while `vpc_config.public_access_cidrs` is missing or empty (EKS then
#     applies `0.0.0.0/0`) or contains a CIDR of prefix length 0 (`0.0.0.0/0`, `::/0`);
#   - `google_container_cluster` without a `master_authorized_networks_config` block (the
#     public endpoint then accepts every address), or whose authorized `cidr_blocks` contain a
#     CIDR of prefix length 0, unless the public endpoint is off
#     (`private_cluster_config.enable_private_endpoint = true`, or
#     `control_plane_endpoints_config.ip_endpoints_config.enabled = false`);
#   - `azurerm_kubernetes_cluster` that is not private (`private_cluster_enabled` missing or
#     false, the default) and has no `api_server_access_profile.authorized_ip_ranges` (nor the
#     legacy `api_server_authorized_ip_ranges` of provider versions before 4.0), or whose
#     authorized ranges contain a CIDR of prefix length 0.
#
#   The finding points at the internet CIDR, or at the block where the address restriction is
#   missing (the resource when the block itself is missing). Does not fire on a private
#   endpoint, on ranges narrower than the whole internet, or when any of these values is
#   unknown statically (a variable without default, a `dynamic` block over one): an unknown
#   value that could leave the endpoint open to the whole internet (whether it is public, the
#   authorized ranges or one of them, other than a range computed from a managed resource) is
#   listed as undecided instead. A public endpoint restricted to a large but not universal
#   range is not judged here.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
#     description: Amazon EKS, cluster API server endpoint
#   - ref: https://docs.aws.amazon.com/eks/latest/APIReference/API_VpcConfigRequest.html
#     description: Amazon EKS API, VpcConfigRequest (defaults of endpointPublicAccess and publicAccessCidrs)
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster
#     description: Terraform AWS provider, aws_eks_cluster
#   - ref: https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks
#     description: GKE, authorized networks for control plane access
#   - ref: https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster
#     description: Terraform Google provider, google_container_cluster
#   - ref: https://learn.microsoft.com/en-us/azure/aks/api-server-authorized-ip-ranges
#     description: AKS, API server authorized IP ranges
#   - ref: https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
#     description: Terraform AzureRM provider, azurerm_kubernetes_cluster
#   - ref: https://csrc.nist.gov/pubs/sp/800/207/final
#     description: NIST SP 800-207, Zero Trust Architecture
# custom:
#   id: ZT016
#   severity: high
#   pillar: zero_trust
#   layer: 1
#   controls: [SC-7, AC-17]
#   tenets: [3, 6]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Turn the public endpoint off and reach the API server from inside the network (VPN,
#     bastion, CI runners in the VPC), or limit the public endpoint to the address ranges that
#     need it:
#
#     ```hcl
#     resource "aws_eks_cluster" "main" {
#       name     = "main"
#       role_arn = var.cluster_role_arn
#
#       vpc_config {
#         subnet_ids              = var.private_subnet_ids
#         endpoint_private_access = true
#         endpoint_public_access  = false
#       }
#     }
#     ```
#
#     On GKE, add `master_authorized_networks_config { cidr_blocks { cidr_block = "203.0.113.0/24" } }`
#     or `private_cluster_config { enable_private_endpoint = true }`; on AKS, set
#     `private_cluster_enabled = true` or `api_server_access_profile { authorized_ip_ranges = ["203.0.113.0/24"] }`.
package tenet.zero_trust.cluster_endpoint_public

import data.tenet.lib.aws_encryption as enc
import data.tenet.lib.network
import data.tenet.lib.network_unknown
import data.tenet.lib.terraform as tf
import rego.v1

# --- Amazon EKS ----------------------------------------------------------------------------

deny contains finding if {
	some resource in tf.resources("aws_eks_cluster")
	some i, _ in tf.list_or_empty(resource, ["vpc_config"])
	tf.value_or_default(resource, ["vpc_config", i, "endpoint_public_access"], true) in {true, "true"}
	cidrs := tf.list_or_empty(resource, ["vpc_config", i, "public_access_cidrs"])
	count(cidrs) == 0
	finding := {
		"resource": resource.address,
		"path": ["vpc_config", i, "public_access_cidrs"],
		"message": sprintf(
			"aws_eks_cluster %q has a public API endpoint without `public_access_cidrs`: EKS then allows 0.0.0.0/0, the whole internet",
			[resource.name],
		),
	}
}

deny contains finding if {
	some resource in tf.resources("aws_eks_cluster")
	some i, _ in tf.list_or_empty(resource, ["vpc_config"])
	tf.value_or_default(resource, ["vpc_config", i, "endpoint_public_access"], true) in {true, "true"}
	some j, cidr in tf.list_or_empty(resource, ["vpc_config", i, "public_access_cidrs"])
	network.internet_cidr(cidr)
	finding := {
		"resource": resource.address,
		"path": ["vpc_config", i, "public_access_cidrs", j],
		"message": sprintf(
			"aws_eks_cluster %q lets the whole internet (%s) reach its public API endpoint",
			[resource.name, cidr],
		),
	}
}

# --- Google Kubernetes Engine ----------------------------------------------------------------

# The public endpoint is off with a private endpoint only, or with IP endpoints disabled.
gke_public_endpoint(resource) if {
	tf.value_or_default(resource, ["private_cluster_config", 0, "enable_private_endpoint"], false) in {false, "false"}
	tf.value_or_default(
		resource,
		["control_plane_endpoints_config", 0, "ip_endpoints_config", 0, "enabled"],
		true,
	) in {true, "true"}
}

deny contains finding if {
	some resource in tf.resources("google_container_cluster")
	gke_public_endpoint(resource)
	# Missing, or a `dynamic` block with no instance (an empty list).
	count(tf.list_or_empty(resource, ["master_authorized_networks_config"])) == 0
	finding := {
		"resource": resource.address,
		"path": ["master_authorized_networks_config"],
		"message": sprintf(
			"google_container_cluster %q has a public control plane endpoint and no `master_authorized_networks_config`: any address on the internet can reach the API server",
			[resource.name],
		),
	}
}

deny contains finding if {
	some resource in tf.resources("google_container_cluster")
	gke_public_endpoint(resource)
	some i, _ in tf.list_or_empty(resource, ["master_authorized_networks_config"])
	some j, block in tf.list_or_empty(resource, ["master_authorized_networks_config", i, "cidr_blocks"])
	is_object(block)
	network.internet_cidr(block.cidr_block)
	finding := {
		"resource": resource.address,
		"path": ["master_authorized_networks_config", i, "cidr_blocks", j, "cidr_block"],
		"message": sprintf(
			"google_container_cluster %q authorizes the whole internet (%s) to reach its control plane endpoint",
			[resource.name, block.cidr_block],
		),
	}
}

# --- Azure Kubernetes Service ----------------------------------------------------------------

aks_public(resource) if tf.value_or_default(resource, ["private_cluster_enabled"], false) in {false, "false"}

# The authorized ranges from the current and the legacy attribute; undefined when either is
# unknown.
aks_ranges(resource) := array.concat(current, legacy) if {
	current := [{"path": ["api_server_access_profile", i, "authorized_ip_ranges", j], "value": v} |
		some i, _ in tf.list_or_empty(resource, ["api_server_access_profile"])
		some j, v in tf.list_or_empty(resource, ["api_server_access_profile", i, "authorized_ip_ranges"])
	]
	not profile_ranges_unknown(resource)
	legacy := [{"path": ["api_server_authorized_ip_ranges", j], "value": v} |
		some j, v in tf.list_or_empty(resource, ["api_server_authorized_ip_ranges"])
	]
	not tf.unknown(resource, ["api_server_authorized_ip_ranges"])
}

profile_ranges_unknown(resource) if tf.unknown(resource, ["api_server_access_profile"])

profile_ranges_unknown(resource) if {
	some i, _ in tf.list_or_empty(resource, ["api_server_access_profile"])
	tf.unknown(resource, ["api_server_access_profile", i, "authorized_ip_ranges"])
}

# Where the missing ranges belong: inside the profile block when there is one.
aks_missing_path(resource) := ["api_server_access_profile", 0, "authorized_ip_ranges"] if {
	count(tf.list_or_empty(resource, ["api_server_access_profile"])) > 0
} else := ["api_server_access_profile"]

deny contains finding if {
	some resource in tf.resources("azurerm_kubernetes_cluster")
	aks_public(resource)
	ranges := aks_ranges(resource)
	count(ranges) == 0
	finding := {
		"resource": resource.address,
		"path": aks_missing_path(resource),
		"message": sprintf(
			"azurerm_kubernetes_cluster %q is not private and has no `authorized_ip_ranges`: any address on the internet can reach the API server",
			[resource.name],
		),
	}
}

deny contains finding if {
	some resource in tf.resources("azurerm_kubernetes_cluster")
	aks_public(resource)
	some range in aks_ranges(resource)
	network.internet_cidr(range.value)
	finding := {
		"resource": resource.address,
		"path": range.path,
		"message": sprintf(
			"azurerm_kubernetes_cluster %q authorizes the whole internet (%s) to reach its API server",
			[resource.name, range.value],
		),
	}
}

# --- undecided ---------------------------------------------------------------------------------
#
# Each cluster (EKS: each `vpc_config`) is read as a `gate`, the unknown values that decide
# whether its public endpoint is on (empty when it is known to be on; undefined when it is
# known to be off), `exposed` (true when the known address restriction lets the whole
# internet in: missing, empty, or with an internet CIDR), and `open_questions`, the unknown
# parts of the address restriction (a block, a list or one CIDR), each of which may let the
# whole internet in. An undecided check is reported at the first unknown gate value of an
# exposed cluster, and at each unknown part of the restriction of a cluster whose endpoint
# is or may be public.

undecided contains tf.undecided(c.resource, c.gate[0], message) if {
	some c in clusters
	count(c.gate) > 0
	c.exposed
	message := sprintf("%s, so whether the API endpoint is public and reachable from the whole internet cannot be decided", [enc.unknowns_text(c.gate)])
}

undecided contains tf.undecided(c.resource, path, message) if {
	some c in clusters
	some path in c.open_questions
	message := sprintf("%s, so whether the API endpoint is reachable from the whole internet cannot be decided", [enc.unknowns_text(array.concat([path], c.gate))])
}

# The unknown prefix of `path` (a block that is unknown as a whole, or the value itself).
unknown_prefix(resource, path) := [prefix |
	some n in numbers.range(1, count(path))
	prefix := array.slice(path, 0, n)
	tf.display_path(prefix) in object.get(resource, "unknown", [])
][0]

# A gate value: [] when it is known to open the endpoint (or not set, with a default that
# opens it), [its unknown prefix] when it is unknown, undefined when it closes the endpoint.
gate(resource, path, _, _) := [unknown_prefix(resource, path)] if tf.unknown(resource, path)

gate(resource, path, default_value, open) := [] if {
	tf.value_or_default(resource, path, default_value) in open
}

# EKS
clusters contains {"resource": resource, "gate": g, "exposed": eks_exposed(resource, i), "open_questions": questions} if {
	some resource in tf.resources("aws_eks_cluster")
	some i, config in tf.list_or_empty(resource, ["vpc_config"])
	is_object(config)
	g := gate(resource, ["vpc_config", i, "endpoint_public_access"], true, {true, "true"})
	questions := cidr_questions(resource, enc.unknown_blocks(resource, ["vpc_config", i, "public_access_cidrs"]))
}

# Unknown CIDRs (or lists of them), except those computed from a managed resource (a VPC's
# or subnet's range, an address), which never name the whole internet.
cidr_questions(resource, paths) := [path |
	some path in paths
	not network_unknown.computed_from_resource(resource, path)
]

clusters contains {"resource": resource, "gate": [], "exposed": false, "open_questions": enc.unknown_blocks(resource, ["vpc_config"])} if {
	some resource in tf.resources("aws_eks_cluster")
}

eks_exposed(resource, i) := true if {
	cidrs := tf.list_or_empty(resource, ["vpc_config", i, "public_access_cidrs"])
	count(cidrs) == 0
} else := true if {
	some cidr in tf.list_or_empty(resource, ["vpc_config", i, "public_access_cidrs"])
	network.internet_cidr(cidr)
} else := false

# GKE
clusters contains {"resource": resource, "gate": g, "exposed": gke_exposed(resource), "open_questions": cidr_questions(resource, gke_questions(resource))} if {
	some resource in tf.resources("google_container_cluster")
	g := array.concat(
		gate(resource, ["private_cluster_config", 0, "enable_private_endpoint"], false, {false, "false"}),
		gate(resource, ["control_plane_endpoints_config", 0, "ip_endpoints_config", 0, "enabled"], true, {true, "true"}),
	)
}

gke_exposed(resource) := true if {
	count(tf.list_or_empty(resource, ["master_authorized_networks_config"])) == 0
} else := true if {
	some i, _ in tf.list_or_empty(resource, ["master_authorized_networks_config"])
	some block in tf.list_or_empty(resource, ["master_authorized_networks_config", i, "cidr_blocks"])
	is_object(block)
	network.internet_cidr(block.cidr_block)
} else := false

gke_questions(resource) := array.concat(enc.unknown_blocks(resource, ["master_authorized_networks_config"]), [path |
	some i, config in tf.list_or_empty(resource, ["master_authorized_networks_config"])
	is_object(config)
	blocks := ["master_authorized_networks_config", i, "cidr_blocks"]
	some path in array.concat(enc.unknown_blocks(resource, blocks), [p |
		some j, block in tf.list_or_empty(resource, blocks)
		is_object(block)
		p := array.concat(blocks, [j, "cidr_block"])
		tf.unknown(resource, p)
	])
])

# AKS
clusters contains {"resource": resource, "gate": g, "exposed": aks_exposed(resource), "open_questions": cidr_questions(resource, aks_questions(resource))} if {
	some resource in tf.resources("azurerm_kubernetes_cluster")
	g := gate(resource, ["private_cluster_enabled"], false, {false, "false"})
}

aks_exposed(resource) := true if {
	count(aks_ranges(resource)) == 0
} else := true if {
	some range in aks_ranges(resource)
	network.internet_cidr(range.value)
} else := false

aks_questions(resource) := array.concat(
	array.concat(
		enc.unknown_blocks(resource, ["api_server_access_profile"]),
		[path |
			some i, profile in tf.list_or_empty(resource, ["api_server_access_profile"])
			is_object(profile)
			some path in enc.unknown_blocks(resource, ["api_server_access_profile", i, "authorized_ip_ranges"])
		],
	),
	enc.unknown_blocks(resource, ["api_server_authorized_ip_ranges"]),
)
