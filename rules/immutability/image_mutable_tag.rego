# METADATA
# title: Image uses a mutable tag
# description: |
#   An image referenced without a tag gets `latest`, and `latest` is by convention moved to
#   every new push: the workload or the build silently changes with whatever was pushed
#   last, rollbacks do not roll back, and nobody can tell which code runs. Fires on every
#   image reference that has no digest and either no tag or the tag `latest`:
#
#   - Kubernetes: the `image` of every container (`containers`, `initContainers`,
#     `ephemeralContainers`) of a workload;
#   - Dockerfile: every `FROM`, after `ARG` substitution (the `ARG` default is used);
#   - Terraform: every `image` of an `aws_ecs_task_definition`'s `container_definitions`
#     (reported on that attribute), and of every container and init container of the
#     Kubernetes provider's workloads (`kubernetes_pod`, `kubernetes_deployment`,
#     `kubernetes_stateful_set`, `kubernetes_daemonset`, `kubernetes_job`,
#     `kubernetes_cron_job`, `kubernetes_replication_controller` and their `_v1` forms).
#
#   A reference with a digest (`@sha256:...`) does not fire, whatever its tag, and a `:` in
#   a registry host (`localhost:5000/app`) is not a tag. Does not fire on `FROM scratch`, on
#   `FROM <earlier stage>` (also one chosen by a variable, `FROM base-${TARGETARCH}`), or on a
#   container without `image`. A reference is judged on what is known of it:
#   `registry.example.com/$PROJECT/app:latest`, or a `FROM` whose registry is an `ARG`
#   without a default, uses `latest` whatever the unknown part is. When the tag itself is
#   unknown (a template or variable in the last path component, as in `app:${TAG}` or
#   `{{ .Values.image }}`; a `FROM` of an `ARG` without a default; a Terraform image that is
#   unknown statically), the check is reported as undecided instead, unless a digest or a
#   release tag is written out (`${IMAGE}:1.4.2`). Other tags are not judged here; pinning
#   by digest (IM001) covers them.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/overview/#container-images
#     description: Kubernetes configuration best practices, container images
#   - https://kubernetes.io/docs/concepts/containers/images/#image-names
#   - https://docs.docker.com/reference/dockerfile/#from
# custom:
#   id: IM002
#   severity: high
#   pillar: immutability
#   layer: 6
#   controls: [CM-2, SI-7]
#   targets: [kubernetes, dockerfile, terraform, terraform-plan]
#   remediation: |
#     Name a specific release tag, and preferably pin its digest as well:
#
#     ```yaml
#     containers:
#       - name: web
#         image: nginx:1.27.0
#     ```
#
#     ```dockerfile
#     FROM python:3.12.4-slim-bookworm
#     ```
package tenet.immutability.image_mutable_tag

import data.tenet.lib.dockerfile as docker
import data.tenet.lib.image
import data.tenet.lib.kubernetes as k8s
import data.tenet.lib.terraform_images
import rego.v1

deny contains finding if {
	some entry in k8s.containers
	ref := entry.container.image
	image.judged(ref)
	reason := image.mutable_reason(ref)
	finding := {
		"resource": entry.address,
		"path": array.concat(entry.path, ["image"]),
		"message": sprintf("container %q uses image %q, which %s: the image changes with every push", [k8s.container_name(entry), ref, reason]),
	}
}

deny contains finding if {
	some stage in docker.stages
	ref := docker.external_image(stage)
	reason := image.mutable_reason(ref)
	finding := {
		"resource": stage.address,
		"path": ["from", "image"],
		"message": sprintf("stage %s is built FROM %q, which %s: the build changes with every push", [docker.stage_label(stage), ref, reason]),
	}
}

# A `FROM` that uses an `ARG` without a default is judged on what is known of it:
# `${REGISTRY}/python:latest` uses `latest` whatever the registry is.
deny contains finding if {
	some stage in docker.stages
	ref := docker.unresolved_image(stage)
	image.judged(ref)
	reason := image.mutable_reason(ref)
	finding := {
		"resource": stage.address,
		"path": ["from", "image"],
		"message": sprintf("stage %s is built FROM %q, which %s whatever %s is: the build changes with every push", [docker.stage_label(stage), stage.attributes.from.raw, reason, docker.variables_named(ref)]),
	}
}

deny contains finding if {
	some entry in terraform_images.images
	ref := entry.image
	image.judged(ref)
	reason := image.mutable_reason(ref)
	finding := {
		"resource": entry.address,
		"path": entry.path,
		"message": sprintf("container %q uses image %q, which %s: the image changes with every push", [entry.container, ref, reason]),
	}
}

# Undecided: the reference's tag holds a template or variable (Kubernetes, ECS and Kubernetes
# provider images), the `FROM` uses an `ARG` without a default, or the Terraform value holding
# the image is unknown. Not when what is known settles it: a digest, or a written tag other
# than `latest` (`${REGISTRY}/app:1.4.2`).

undecided contains entry if {
	some container in k8s.containers
	ref := container.container.image
	not image.judged(ref)
	image.may_be_mutable(ref)
	entry := {
		"resource": container.address,
		"path": array.concat(container.path, ["image"]),
		"message": sprintf("container %q uses image %q, which holds a template or variable where its tag would be: whether the tag is `latest` or missing cannot be decided", [k8s.container_name(container), ref]),
	}
}

undecided contains entry if {
	some stage in docker.stages
	ref := docker.unresolved_image(stage)
	not image.judged(ref)
	image.may_be_mutable(ref)
	entry := {
		"resource": stage.address,
		"path": ["from", "image"],
		"message": sprintf("stage %s is built FROM %q and %s has no value (a build argument without a default): whether its tag is `latest` or missing cannot be decided", [docker.stage_label(stage), stage.attributes.from.raw, docker.variables_named(ref)]),
	}
}

undecided contains entry if {
	some container in terraform_images.images
	ref := container.image
	not image.judged(ref)
	image.may_be_mutable(ref)
	entry := {
		"resource": container.address,
		"path": container.path,
		"message": sprintf("container %q uses image %q, which holds a template or variable where its tag would be: whether the tag is `latest` or missing cannot be decided", [container.container, ref]),
	}
}

undecided contains entry if {
	some unknown in terraform_images.unknown_images
	entry := {
		"resource": unknown.address,
		"path": unknown.path,
		"message": sprintf("%s is not known statically: whether an image uses the tag `latest` or none cannot be decided", [unknown.what]),
	}
}
