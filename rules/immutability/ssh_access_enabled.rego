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
#     (`openssh-server`, `openssh` on Alpine, `dropbear`).
#
#   Does not fire when `key_name` is null or unknown statically (a variable without
#   default), or on an SSH client package (`openssh-client`).
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
	some i, port in object.get(entry.container, "ports", [])
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
	some port in split(docker.args_text(entry.instruction), " ")
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
	regex.match(`\b(apt(-get)?|yum|dnf|apk|zypper)\s+(-\S+\s+)*(install|add)\b[^;&|\n]*\b(openssh-server|openssh|dropbear)(\s|$|=|-server)`, docker.args_text(entry.instruction))
	finding := {
		"resource": stage.address,
		"path": ["instructions", entry.index],
		"message": sprintf("stage %s installs an SSH server: people can log in and change the running container", [docker.stage_label(stage)]),
	}
}
