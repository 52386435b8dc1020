# METADATA
# title: A rule that allocates a billion numbers
# description: |
#   Hostile on purpose: one built-in call that would allocate 24 GB at once. tenet must stop
#   it and name the rule, not abort.
# custom:
#   id: HY991
#   severity: low
#   pillar: hygiene
#   layer: 6
#   controls: [CM-8]
#   targets: [kubernetes]
#   remediation: |
#     Do not build huge ranges.
package tenet.hygiene.huge_range

import rego.v1

deny contains finding if {
	some resource in input.resources
	count(numbers.range(1, 1e9)) > 0
	finding := {"resource": resource.address, "path": [], "message": "never"}
}
