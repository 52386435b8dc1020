# METADATA
# title: Servers accept SSH logins
# description: |
#   A server or container people can log in to drifts from its code: fixes applied by hand,
#   debugging tools left behind, keys copied around. Immutable infrastructure replaces a
#   server instead of changing it, and reaches it for diagnosis through a session broker
#   (SSM Session Manager, `kubectl debug`) that logs every session. Fires on:
#
#   - Terraform: `aws_instance`, `aws_launch_template` and `aws_launch_configuration` with a
#     `key_name` (an SSH key pair installed on the instance);
#   - Kubernetes: a container of a workload declaring `containerPort: 22`;
#   - Dockerfile: `EXPOSE 22` (`22/tcp`), or a `RUN` that installs an SSH server
#     (`openssh-server`, `openssh` on Alpine, `dropbear`), also in a heredoc the shell runs
#     (`RUN <<EOT`).
#
#   A variable in `EXPOSE` takes the value an earlier `ENV` or `ARG` of the stage gives it.
#   Does not fire when `key_name` is null, or on an SSH client package (`openssh-client`).
#   When `key_name` is unknown statically (a variable without default, another resource's
#   attribute), a `containerPort` is a template or variable, or an `EXPOSE` uses a variable
#   without a value in the Dockerfile, the check is reported as undecided instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html
#     description: AWS Systems Manager Session Manager
#   - ref: https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/#ephemeral-container
#     description: Kubernetes, debugging with an ephemeral container
# custom:
#   id: IM005
#   severity: medium
#   pillar: immutability
#   layer: 3
#   controls: [CM-7, AC-17]
#   targets: [terraform, terraform-plan, kubernetes, dockerfile]
#   remediation: |
#     Remove the key pair and the SSH server; reach instances through Session Manager:
#
#     ```hcl
#     resource "aws_instance" "web" {
#       ami                  = "ami-0123456789abcdef0"
#       instance_type        = "t3.micro"
#       iam_instance_profile = aws_iam_instance_profile.ssm.name # AmazonSSMManagedInstanceCore
#     }
#     ```
package tenet.immutability.ssh_access_enabled

import data.tenet.lib.dockerfile as docker
import data.tenet.lib.kubernetes as k8s
import data.tenet.lib.terraform as tf
import rego.v1

deny contains finding if {
	some type in ["aws_instance", "aws_launch_template", "aws_launch_configuration"]
	some resource in tf.resources(type)
	key := resource.attributes.key_name
	is_string(key)
	key != ""
	finding := {
		"resource": resource.address,
		"path": ["key_name"],
		"message": sprintf("%s %q installs the SSH key pair %q: operators can log in and change the running server", [type, resource.name, key]),
	}
}

deny contains finding if {
	some entry in k8s.containers
	ports := object.get(entry.container, "ports", [])
	is_array(ports)
	some i, port in ports
	is_object(port)
	port.containerPort == 22
	finding := {
		"resource": entry.address,
		"path": array.concat(entry.path, ["ports", i, "containerPort"]),
		"message": sprintf("container %q listens on port 22 (SSH): people can log in and change the running container", [k8s.container_name(entry)]),
	}
}

deny contains finding if {
	some stage in docker.stages
	some entry in docker.instructions(stage, "EXPOSE")
	some port in split(docker.expand(stage, entry.index, docker.args_text(entry.instruction)), " ")
	port in {"22", "22/tcp"}
	finding := {
		"resource": stage.address,
		"path": ["instructions", entry.index],
		"message": sprintf("stage %s exposes port 22 (SSH): people can log in and change the running container", [docker.stage_label(stage)]),
	}
}

deny contains finding if {
	some stage in docker.stages
	some entry in docker.instructions(stage, "RUN")
	regex.match(`\b(apt(-get)?|yum|dnf|apk|zypper)\s+(-\S+\s+)*(install|add)\b[^;&|\n]*\b(openssh-server|openssh|dropbear)(\s|$|=|-server)`, docker.run_script(entry.instruction))
	finding := {
		"resource": stage.address,
		"path": ["instructions", entry.index],
		"message": sprintf("stage %s installs an SSH server: people can log in and change the running container", [docker.stage_label(stage)]),
	}
}

# Undecided: the key pair name, a container port or an exposed port is unknown statically.

undecided contains tf.undecided(resource, ["key_name"], why) if {
	some type in ["aws_instance", "aws_launch_template", "aws_launch_configuration"]
	some resource in tf.resources(type)
	tf.unknown(resource, ["key_name"])
	not tf.provider_computed(resource, ["key_name"])
	why := sprintf("`key_name` of %s %q is not known statically%s: whether an SSH key pair is installed cannot be decided", [type, resource.name, key_source(resource)])
}

# For messages: the key pairs the key name comes from, when it refers to any.
key_source(resource) := sprintf(" (it refers to %s)", [concat(", ", sort(pairs))]) if {
	pairs := key_pairs(resource)
	count(pairs) > 0
}

key_source(resource) := "" if count(key_pairs(resource)) == 0

key_pairs(resource) := [address |
	some address in tf.referenced_by(resource, "key_name")
	regex.match(`(^|\.)aws_key_pair\.`, address)
]

undecided contains entry if {
	some container in k8s.containers
	ports := object.get(container.container, "ports", [])
	is_array(ports)
	some i, port in ports
	is_object(port)
	value := port.containerPort
	is_string(value)
	k8s.placeholder(value)
	entry := {
		"resource": container.address,
		"path": array.concat(container.path, ["ports", i, "containerPort"]),
		"message": sprintf("container %q declares `containerPort: %s`, a template or variable: whether it listens on port 22 (SSH) cannot be decided", [k8s.container_name(container), value]),
	}
}

undecided contains entry if {
	some container in k8s.containers
	ports := container.container.ports
	is_string(ports)
	k8s.placeholder(ports)
	entry := {
		"resource": container.address,
		"path": array.concat(container.path, ["ports"]),
		"message": sprintf("container %q has `ports` that are a template or variable (%q): whether it listens on port 22 (SSH) cannot be decided", [k8s.container_name(container), ports]),
	}
}

undecided contains entry if {
	some stage in docker.stages
	some expose in docker.instructions(stage, "EXPOSE")
	some port in split(docker.expand(stage, expose.index, docker.args_text(expose.instruction)), " ")
	contains(port, "$")
	some ssh in ["22", "22/tcp"]
	regex.match(docker.value_pattern(port), ssh)
	entry := {
		"resource": stage.address,
		"path": ["instructions", expose.index],
		"message": sprintf("stage %s exposes %q and %s has no value set in the Dockerfile (a build argument without a default, or a variable of the base image): whether it exposes port 22 (SSH) cannot be decided", [docker.stage_label(stage), port, docker.variables_named(port)]),
	}
}
