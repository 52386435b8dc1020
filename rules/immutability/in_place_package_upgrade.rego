# METADATA
# title: Packages upgraded or installed at build or boot time
# description: |
#   `apt-get upgrade` in a Dockerfile, or packages installed from the distribution's
#   repositories when a server boots, make the content depend on the day the image was built
#   or the server started, not on the code: two builds of one commit differ, and a fleet is
#   a mix of versions nobody chose. Fires on:
#
#   - Dockerfile: a `RUN` that upgrades every installed package (`apt-get upgrade`,
#     `apt-get dist-upgrade`, `apt full-upgrade`, `yum update`/`upgrade` and `dnf upgrade`
#     without a package name, `apk upgrade`, `zypper update`);
#   - Terraform: the user data of an `aws_instance` or `aws_launch_template` (also
#     `aws_launch_configuration`) that upgrades packages as above or installs them
#     (`apt-get install`, `yum install`, `dnf install`, `apk add`, `zypper install`, or
#     cloud-init's `packages:`, `package_update: true`, `package_upgrade: true`).
#
#   Installing named packages in a Dockerfile is how images are built and is not reported
#   here (pin their versions for reproducible builds). User data that is unknown statically
#   (a `cloudinit_config` data source, a template file outside the scanned path) is reported
#   as undecided instead.
#
#   A `RUN` heredoc that a shell runs is read as part of the `RUN` (as IM008 reads it), and
#   line continuations are joined.
# related_resources:
#   - ref: https://docs.docker.com/build/building/best-practices/#apt-get
#     description: Docker, best practices for apt-get (avoid upgrade)
#   - ref: https://cloudinit.readthedocs.io/en/latest/reference/modules.html#package-update-upgrade-install
#     description: cloud-init, package update/upgrade/install
# custom:
#   id: IM009
#   severity: low
#   pillar: immutability
#   layer: 6
#   controls: [CM-2]
#   targets: [dockerfile, terraform, terraform-plan]
#   remediation: |
#     Build a new base image (or AMI) with the updates instead, and move to it with a
#     reviewed change; install what a server needs when its image is baked, not at boot:
#
#     ```dockerfile
#     # instead of `RUN apt-get update && apt-get upgrade -y`
#     FROM debian:12.7-slim@sha256:…   # a newer patched base image
#     ```
package tenet.immutability.in_place_package_upgrade

import data.tenet.lib.dockerfile as docker
import data.tenet.lib.shell
import data.tenet.lib.user_data
import rego.v1

deny contains finding if {
	some stage in docker.stages
	some entry in docker.instructions(stage, "RUN")
	shell.upgrades_packages(docker.run_script(entry.instruction))
	finding := {
		"resource": stage.address,
		"path": ["instructions", entry.index],
		"message": sprintf("stage %s upgrades every installed package: the image depends on the day it is built", [docker.stage_label(stage)]),
	}
}

deny contains finding if {
	some script in user_data.scripts
	boot_changes(script.text)
	resource := script.resource
	finding := {
		"resource": resource.address,
		"path": script.path,
		"message": sprintf("%s %q: its user data installs or upgrades packages at boot, so each server's content depends on the day it starts", [resource.type, resource.name]),
	}
}

boot_changes(text) if shell.upgrades_packages(text)

boot_changes(text) if shell.installs_packages(text)

# Undecided: the user data is unknown statically.
undecided contains entry if {
	some script in user_data.unknown_scripts
	resource := script.resource
	entry := {
		"resource": resource.address,
		"path": script.path,
		"message": sprintf("`%s` of %s %q is not known statically: whether it installs or upgrades packages at boot cannot be decided", [script.path[0], resource.type, resource.name]),
	}
}
