# Unit tests of the image-reference helpers (data.tenet.lib.image) that IM001 and IM002 use.
package tenet.immutability.image_mutable_tag_test

import data.tenet.lib.image
import rego.v1

digest := "sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"

test_tag_of_plain_references if {
	image.tag("nginx:1.27.0") == "1.27.0"
	image.tag("ghcr.io/org/app:v2") == "v2"
	image.tag("localhost:5000/team/app:2.1.0") == "2.1.0"
	image.tag(sprintf("app:latest@%s", [digest])) == "latest"
}

test_registry_port_is_not_a_tag if {
	not image.tag("localhost:5000/team/app")
	not image.tag("registry.example.com:443/app")
	not image.tag(sprintf("app@%s", [digest]))
}

test_pinned_needs_a_digest if {
	image.pinned(sprintf("nginx@%s", [digest]))
	image.pinned(sprintf("nginx:1.27.0@%s", [digest]))
	not image.pinned("nginx:1.27.0")
	not image.pinned("app:sha256-ca978112")
}

test_mutable_reason if {
	image.mutable_reason("nginx") == "has no tag, so `latest` is pulled"
	image.mutable_reason("nginx:latest") == "uses the tag `latest`"
	not image.mutable_reason("nginx:1.27.0")
	not image.mutable_reason(sprintf("nginx:latest@%s", [digest]))
	not image.mutable_reason("nginx:latest-alpine")
}

test_known_references if {
	image.known("nginx:1.27.0")
	not image.known("{{ .Values.image }}")
	not image.known("app:${TAG}")
	not image.known("")
	not image.known(null)
}

test_may_be_mutable if {
	image.may_be_mutable("app:${TAG}")
	image.may_be_mutable("{{ .Values.image }}")
	image.may_be_mutable("{{ .Values.repo }}:{{ .Values.tag | default \"latest\" }}")
	image.may_be_mutable("app-${SUFFIX}")
	image.may_be_mutable("${IMAGE:-app}")
	image.may_be_mutable("app@${DIGEST}")
	not image.may_be_mutable("${IMAGE}:1.4.2")
	not image.may_be_mutable(sprintf("app:${TAG}@%s", [digest]))
	not image.may_be_mutable("")
	not image.may_be_mutable(null)
}

test_may_be_mutable_agrees_with_mutable_reason_on_judged_references if {
	image.may_be_mutable("nginx")
	image.may_be_mutable("nginx:latest")
	image.may_be_mutable("localhost:5000/app")
	not image.may_be_mutable("nginx:1.27.0")
	not image.may_be_mutable("localhost:5000/app:2.0")
	not image.may_be_mutable(sprintf("nginx:latest@%s", [digest]))
}
