# METADATA
# title: Code from the network runs without an integrity check
# description: |
#   A script or archive fetched at build or boot time and run as is executes whatever the
#   server (or anyone between it and the build) serves that day: the image or server content
#   is not what was reviewed, and a compromised download host owns every build. Fires on:
#
#   - Dockerfile: `ADD http(s)://…` without `--checksum=sha256:…`, and a `RUN` that pipes or
#     substitutes a download into a shell (`curl … | sh`, `wget -qO- … | sudo bash`,
#     `bash <(curl …)`, `sh -c "$(curl …)"`);
#   - Terraform: the same download-into-a-shell in the user data of an `aws_instance`,
#     `aws_launch_configuration` (`user_data`, `user_data_base64`) or `aws_launch_template`
#     (`user_data`, base64-decoded).
#
#   Does not fire on a download saved to a file and checked (`sha256sum -c`) before it runs,
#   or on user data that is unknown statically.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#add---checksum
#     description: Dockerfile reference, ADD --checksum
#   - ref: https://slsa.dev/spec/v1.0/threats
#     description: SLSA, supply-chain threats (compromised build dependencies)
# custom:
#   id: IM008
#   severity: high
#   pillar: immutability
#   layer: 6
#   controls: [SI-7, SR-11]
#   targets: [dockerfile, terraform, terraform-plan]
#   remediation: |
#     Pin what you download and check it before it runs:
#
#     ```dockerfile
#     ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \
#         https://example.com/tool-1.4.2.tar.gz /tmp/
#     RUN curl -fsSLo /tmp/install.sh https://example.com/install-1.4.2.sh \
#      && echo "3f5d…  /tmp/install.sh" | sha256sum -c - \
#      && sh /tmp/install.sh
#     ```
package tenet.immutability.remote_code_without_verification

import data.tenet.lib.dockerfile as docker
import data.tenet.lib.shell
import data.tenet.lib.user_data
import rego.v1

deny contains finding if {
	some stage in docker.stages
	some entry in docker.instructions(stage, "ADD")
	text := docker.args_text(entry.instruction)
	regex.match(`(^|\s)https?://`, text)
	object.get(entry.instruction, ["flags", "checksum"], null) == null
	finding := {
		"resource": stage.address,
		"path": ["instructions", entry.index],
		"message": sprintf("stage %s ADDs a URL without --checksum: the download is used as served, unverified", [docker.stage_label(stage)]),
	}
}

deny contains finding if {
	some stage in docker.stages
	some entry in docker.instructions(stage, "RUN")
	shell.downloads_and_runs(docker.args_text(entry.instruction))
	finding := {
		"resource": stage.address,
		"path": ["instructions", entry.index],
		"message": sprintf("stage %s runs a downloaded script straight from the network (download piped into a shell): nothing checks what it executes", [docker.stage_label(stage)]),
	}
}

deny contains finding if {
	some script in user_data.scripts
	shell.downloads_and_runs(script.text)
	resource := script.resource
	finding := {
		"resource": resource.address,
		"path": script.path,
		"message": sprintf("%s %q: its user data pipes a download into a shell at boot: nothing checks what it executes", [resource.type, resource.name]),
	}
}
