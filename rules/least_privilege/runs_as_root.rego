# METADATA
# title: Container runs as root
# description: |
#   A process running as root (UID 0) inside a container is root on the node's kernel too:
#   any escape from the container, or any writable host mount, is then a node compromise, and
#   the process can change everything in its own filesystem.
#
#   Kubernetes: fires on every container (`containers`, `initContainers`,
#   `ephemeralContainers`) of a workload when the effective `runAsUser` is `0`, or when
#   neither the container nor the pod `securityContext` sets `runAsNonRoot: true` or a
#   non-zero `runAsUser` (missing, the image's `USER` decides, and that is root unless the
#   image says otherwise, which the manifest does not show). The container's value overrides
#   the pod's, field by field: a container `runAsNonRoot: false` overrides a pod `true`, and a
#   container `runAsUser: 1000` overrides a pod `0`. Does not fire when `runAsUser` or
#   `runAsNonRoot` holds something else than a number or a boolean. A template placeholder
#   there is unknown: a placeholder `runAsUser` in effect, or a placeholder `runAsNonRoot`
#   with no `runAsUser`, is reported as undecided.
#
#   Dockerfile: fires on the final stage when it has no `USER` instruction (the default user
#   is root) or when its last `USER` names root (`root`, `0`, `0:0`, `root:root`, any
#   `root:<group>` or `0:<group>`, or Windows `ContainerAdministrator`). A stage built on an
#   earlier stage (`FROM build AS final`) inherits that stage's last `USER`. Variables the
#   Dockerfile gives a value (`ENV APP_UID=10001`, `ARG APP_UID=10001`, also in the stages
#   built on) are put in first. Does not fire when the user in effect still contains a
#   variable (an `ARG` without a default, a variable of the base image): its value is unknown,
#   and the stage is reported as undecided (a variable only in the group, as in
#   `USER root:$GID`, still fires).
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#     description: Pod Security Standards, Restricted profile ("Running as Non-root")
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#   - https://docs.docker.com/reference/dockerfile/#user
# custom:
#   id: LP013
#   severity: medium
#   pillar: least_privilege
#   layer: 6
#   controls: [AC-6, AC-6(2)]
#   targets: [kubernetes, dockerfile]
#   remediation: |
#     Kubernetes: require a non-root user in the pod `securityContext` (containers inherit
#     it) and do not override it with `runAsUser: 0`:
#
#     ```yaml
#     spec:
#       securityContext:
#         runAsNonRoot: true
#         runAsUser: 10001
#         runAsGroup: 10001
#     ```
#
#     Dockerfile: create an unprivileged user and switch to it in the final stage:
#
#     ```dockerfile
#     FROM debian:bookworm-slim
#     RUN useradd --uid 10001 --no-create-home app
#     COPY --chown=app app /usr/local/bin/app
#     USER 10001:10001
#     ENTRYPOINT ["/usr/local/bin/app"]
#     ```
package tenet.least_privilege.runs_as_root

import data.tenet.lib.dockerfile as docker
import data.tenet.lib.kubernetes as k8s
import rego.v1

## Kubernetes

# runAsUser 0 is in effect (set on the container, or on the pod and not overridden).
deny contains finding if {
	some entry in k8s.containers
	user := k8s.effective_security_setting(entry, "runAsUser")
	is_number(user.value)
	user.value == 0
	finding := {
		"resource": entry.address,
		"path": user.path,
		"message": sprintf("container %q runs as root: runAsUser is 0%s", [k8s.container_name(entry), from_pod(user)]),
	}
}

# No runAsUser anywhere, and runAsNonRoot is false.
deny contains finding if {
	some entry in k8s.containers
	not k8s.effective_security_setting(entry, "runAsUser")
	non_root := k8s.effective_security_setting(entry, "runAsNonRoot")
	non_root.value == false
	finding := {
		"resource": entry.address,
		"path": non_root.path,
		"message": sprintf("container %q may run as root: runAsNonRoot is false%s and no runAsUser is set, so the image's user (root by default) is used", [k8s.container_name(entry), from_pod(non_root)]),
	}
}

# Neither runAsUser nor runAsNonRoot anywhere.
deny contains finding if {
	some entry in k8s.containers
	not k8s.effective_security_setting(entry, "runAsUser")
	not k8s.effective_security_setting(entry, "runAsNonRoot")
	finding := {
		"resource": entry.address,
		"path": array.concat(entry.path, ["securityContext", "runAsNonRoot"]),
		"message": sprintf("container %q may run as root: neither it nor the pod sets runAsNonRoot: true or a non-zero runAsUser, so the image's user (root by default) is used", [k8s.container_name(entry)]),
	}
}

# A placeholder `runAsUser` in effect could be 0.
undecided contains result if {
	some entry in k8s.containers
	user := k8s.effective_security_setting(entry, "runAsUser")
	placeholder_string(user.value)
	result := {
		"resource": entry.address,
		"path": user.path,
		"message": sprintf("container %q: runAsUser is a template placeholder%s, so whether it runs as root cannot be decided", [k8s.container_name(entry), from_pod(user)]),
	}
}

# With no runAsUser, a placeholder runAsNonRoot could be false.
undecided contains result if {
	some entry in k8s.containers
	not k8s.effective_security_setting(entry, "runAsUser")
	non_root := k8s.effective_security_setting(entry, "runAsNonRoot")
	placeholder_string(non_root.value)
	result := {
		"resource": entry.address,
		"path": non_root.path,
		"message": sprintf("container %q: runAsNonRoot is a template placeholder%s and no runAsUser is set, so whether it may run as root cannot be decided", [k8s.container_name(entry), from_pod(non_root)]),
	}
}

placeholder_string(value) if {
	is_string(value)
	k8s.placeholder(value)
}

from_pod(setting) := " (inherited from the pod securityContext)" if setting.from_pod

from_pod(setting) := "" if not setting.from_pod

## Dockerfile

# The final stage's own last USER is root.
deny contains finding if {
	some stage in docker.final_stages
	last := docker.last_instruction(stage, "USER")
	written := docker.args_text(last.instruction)
	user := docker.expand(stage, last.index, written)
	root_user(user)
	finding := {
		"resource": stage.address,
		"path": ["instructions", last.index],
		"message": sprintf("final stage %s runs as root: its last USER is %s", [docker.stage_label(stage), shown(written, user)]),
	}
}

# The final stage has no USER but builds on an earlier stage whose last USER is root.
deny contains finding if {
	some stage in docker.final_stages
	not docker.last_instruction(stage, "USER")
	ancestor := nearest_user_stage(stage)
	inherited := docker.last_instruction(ancestor, "USER")
	written := docker.args_text(inherited.instruction)
	user := docker.expand(ancestor, inherited.index, written)
	root_user(user)
	finding := {
		"resource": stage.address,
		"path": [],
		"message": sprintf("final stage %s runs as root: it has no USER and inherits USER %s from stage %s", [docker.stage_label(stage), shown(written, user), docker.stage_label(ancestor)]),
	}
}

# No USER in the final stage nor in any stage it builds on.
deny contains finding if {
	some stage in docker.final_stages
	not docker.last_instruction(stage, "USER")
	not nearest_user_stage(stage)
	finding := {
		"resource": stage.address,
		"path": [],
		"message": sprintf("final stage %s has no USER instruction, so it runs as the base image's default user: root unless that image sets another", [docker.stage_label(stage)]),
	}
}

# The final stage's last USER is a variable.
undecided contains result if {
	some stage in docker.final_stages
	last := docker.last_instruction(stage, "USER")
	written := docker.args_text(last.instruction)
	user := docker.expand(stage, last.index, written)
	variable_user(user)
	result := {
		"resource": stage.address,
		"path": ["instructions", last.index],
		"message": sprintf("final stage %s: its last USER %q uses %s, which the Dockerfile gives no value, so whether it runs as root cannot be decided", [docker.stage_label(stage), written, docker.variables_named(user_name(user))]),
	}
}

# The final stage inherits a USER that is a variable.
undecided contains result if {
	some stage in docker.final_stages
	not docker.last_instruction(stage, "USER")
	ancestor := nearest_user_stage(stage)
	inherited := docker.last_instruction(ancestor, "USER")
	written := docker.args_text(inherited.instruction)
	user := docker.expand(ancestor, inherited.index, written)
	variable_user(user)
	result := {
		"resource": stage.address,
		"path": [],
		"message": sprintf("final stage %s has no USER and inherits USER %q from stage %s, which uses %s, which the Dockerfile gives no value, so whether it runs as root cannot be decided", [docker.stage_label(stage), written, docker.stage_label(ancestor), docker.variables_named(user_name(user))]),
	}
}

# The closest stage that `stage` builds on (directly or through others) with a USER.
nearest_user_stage(stage) := ancestor if {
	with_user := [s |
		some s in docker.lineage(stage)
		s.attributes.index != stage.attributes.index
		docker.last_instruction(s, "USER")
	]
	count(with_user) > 0
	ancestor := docker.max_by_index(with_user)
}

# `user` as written after USER; quotes are removed as BuildKit does (`USER "root"`). A variable
# in the group does not change the user.
root_user(user) if {
	name := user_name(user)
	not contains(name, "$")
	root_name(name)
}

# `"root"`, or `"$ROOT_USER" ("root")` when a variable the Dockerfile sets was put in.
shown(written, user) := sprintf("%q", [written]) if written == user

shown(written, user) := sprintf("%q (%q)", [written, user]) if written != user

# The user (after `docker.expand`) is still given by a variable (`$APP_UID`, `${UID}:${GID}`):
# a build argument without a default, or a variable of the base image.
variable_user(user) if contains(user_name(user), "$")

user_name(user) := trim(split(trim(user, "\"'"), ":")[0], "\"'")

root_name(name) if name == "root"

root_name(name) if regex.match(`^0+$`, name)

root_name(name) if lower(name) == "containeradministrator"
