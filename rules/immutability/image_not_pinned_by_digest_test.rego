# Unit tests of the Dockerfile variable helpers (data.tenet.lib.dockerfile) that IM001, IM002,
# IM005 and IM008 use for their undecided checks.
package tenet.immutability.image_not_pinned_by_digest_test

import data.tenet.lib.dockerfile as docker
import rego.v1

instruction(word, args) := {"instruction": word, "line": 1, "args": args, "form": "shell", "flags": {}}

stage(index, name, raw, instructions) := {
	"address": sprintf("stage.%d", [index]),
	"type": "stage",
	"attributes": {
		"index": index,
		"name": name,
		"final": false,
		"from": {"raw": raw, "image": null, "resolved": false, "stage": null, "scratch": false},
		"instructions": array.concat([instruction("FROM", raw)], instructions),
	},
}

document(global_args, stages) := {"kind": "dockerfile", "resources": stages, "global_args": global_args}

test_unresolved_image_puts_in_global_defaults if {
	s := stage(0, null, "${REGISTRY}/python:${PY}-slim", [])
	doc := document([instruction("ARG", "REGISTRY"), instruction("ARG", "PY=3.12")], [s])
	docker.unresolved_image(s) == "${REGISTRY}/python:3.12-slim" with input as doc
}

test_last_global_default_wins if {
	s := stage(0, null, "${REGISTRY}/python:${PY}", [])
	doc := document([instruction("ARG", "PY=3.11"), instruction("ARG", `PY="3.12"`), instruction("ARG", "REGISTRY")], [s])
	docker.unresolved_image(s) == "${REGISTRY}/python:3.12" with input as doc
}

test_stage_selected_by_a_variable_is_no_image if {
	amd := object.union(stage(0, "base-amd64", "alpine:3.20", []), {"attributes": {"from": {"resolved": true, "image": "alpine:3.20"}}})
	selected := stage(1, "final", "base-${TARGETARCH}", [])
	whole := stage(2, null, "${BASE}", [])
	doc := document([instruction("ARG", "BASE")], [amd, selected, whole])
	not docker.unresolved_image(selected) with input as doc
	docker.unresolved_image(whole) == "${BASE}" with input as doc
}

test_expand_uses_env_and_arg_of_the_stage if {
	s := stage(0, null, "debian:12", [
		instruction("ENV", "HTTP=8080 ADMIN=\"9090\""),
		instruction("ENV", "LEGACY 7000"),
		instruction("ARG", "PORT"),
		instruction("EXPOSE", "$HTTP ${ADMIN} $LEGACY $PORT ${OTHER:-22}"),
	])
	doc := document([instruction("ARG", "PORT=8443")], [s])
	docker.expand(s, 4, "$HTTP ${ADMIN} $LEGACY $PORT ${OTHER:-22}") == "8080 9090 7000 8443 ${OTHER:-22}" with input as doc
}

test_value_pattern if {
	docker.value_pattern("base-${TARGETARCH}") == "(?i)^base-.*$"
	docker.value_pattern("${P:-22}/tcp") == "(?i)^.*/tcp$"
	not docker.value_pattern("a b")
}
