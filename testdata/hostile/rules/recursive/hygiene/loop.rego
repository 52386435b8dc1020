# METADATA
# title: A rule that recurses forever
# description: |
#   Hostile on purpose: `loop` calls itself without end. tenet must reject it when it loads
#   (as OPA does), not overflow its stack while scanning.
# custom:
#   id: HY990
#   severity: low
#   pillar: hygiene
#   layer: 6
#   controls: [CM-8]
#   targets: [kubernetes]
#   remediation: |
#     Do not write recursive rules.
package tenet.hygiene.loop

import rego.v1

loop(x) if loop(x + 1)

deny contains finding if {
	some resource in input.resources
	loop(1)
	finding := {"resource": resource.address, "path": [], "message": "never"}
}
