# METADATA
# title: Code from the network runs without an integrity check
# description: |
#   A script or archive fetched at build or boot time and run as is executes whatever the
#   server (or anyone between it and the build) serves that day: the image or server content
#   is not what was reviewed, and a compromised download host owns every build. Fires on:
#
#   - Dockerfile: `ADD http(s)://…` without `--checksum=sha256:…` (also a URL that an earlier
#     `ENV` or `ARG` default gives a variable), and a `RUN` that pipes or substitutes a
#     download into a shell (`curl … | sh`, `wget -qO- … | sudo bash`, `bash <(curl …)`,
#     `sh -c "$(curl …)"`, or a download kept in a variable and run from it:
#     `s=$(curl …)` then `bash <(echo "$s")`, `sh -c "$s"` or `eval "$s"`);
#   - Terraform: the same download-into-a-shell in the user data of an `aws_instance`,
#     `aws_launch_configuration` (`user_data`, `user_data_base64`) or `aws_launch_template`
#     (`user_data`, base64-decoded).
#
#   A `RUN` heredoc that a shell runs (`RUN <<EOT`, `RUN <<EOT bash`, `RUN bash -e <<EOT`)
#   is read as part of the `RUN`, and a line continuation (a backslash ending a line) joins
#   the next line, in `RUN` heredocs and user data alike; a heredoc fed to another program
#   (`python3 <<EOF`) or written to a file (`cat <<EOF > f`) is data and is not read.
#
#   Does not fire on a download saved to a file and checked (`sha256sum -c`) before it runs.
#   User data that is unknown statically (a `cloudinit_config` data source, a template file
#   outside the scanned path), and an `ADD` whose source is a variable without a value in the
#   Dockerfile (it may be a URL), are reported as undecided instead.
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
	text := docker.expand(stage, entry.index, docker.args_text(entry.instruction))
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
	shell.downloads_and_runs(docker.run_script(entry.instruction))
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

# Undecided: the user data is unknown statically, or an `ADD` source is a variable without a
# value in the Dockerfile (it may be a URL).

undecided contains entry if {
	some script in user_data.unknown_scripts
	resource := script.resource
	entry := {
		"resource": resource.address,
		"path": script.path,
		"message": sprintf("`%s` of %s %q is not known statically: whether it pipes a download into a shell at boot cannot be decided", [script.path[0], resource.type, resource.name]),
	}
}

undecided contains entry if {
	some stage in docker.stages
	some add in docker.instructions(stage, "ADD")
	object.get(add.instruction, ["flags", "checksum"], null) == null
	not regex.match(`(^|\s)https?://`, docker.expand(stage, add.index, docker.args_text(add.instruction)))
	some source in add_sources(add.instruction)
	expanded := docker.expand(stage, add.index, source)
	startswith(expanded, "$")
	entry := {
		"resource": stage.address,
		"path": ["instructions", add.index],
		"message": sprintf("stage %s ADDs %q without --checksum and %s has no value set in the Dockerfile: whether it downloads a URL unverified cannot be decided", [docker.stage_label(stage), source, docker.variables_named(expanded)]),
	}
}

# The sources of an `ADD`: every argument but the last (the destination).
add_sources(instruction) := array.slice(instruction.exec, 0, count(instruction.exec) - 1) if is_array(instruction.exec)

add_sources(instruction) := array.slice(words, 0, count(words) - 1) if {
	not is_array(instruction.exec)
	words := [word | some word in split(docker.args_text(instruction), " "); word != ""]
}
