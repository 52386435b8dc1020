# METADATA
# title: Image not pinned by digest
# description: |
#   A tag is a movable name: whoever can push to the repository (or the registry itself) can
#   point it at other content, so the same manifest or Dockerfile can run or build on code
#   nobody reviewed, and two deployments of one commit can differ. A digest (`@sha256:...`)
#   names the content itself. Fires on every image reference without an `@sha256:` digest
#   (an OCI `@sha512:` digest also counts as pinned):
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
#   Does not fire on `FROM scratch`, on `FROM <earlier stage>` (also one chosen by a variable,
#   `FROM base-${TARGETARCH}`), or on a container without `image`. A reference is judged on
#   what is known of it: `registry.example.com/$PROJECT/app:1.4`, or a `FROM` whose registry
#   is an `ARG` without a default, has no digest whatever the unknown part is. When the last
#   path component (where tag and digest live) still holds a template or a variable
#   (`{{ .Values.image }}`, `app:${TAG}`, a `FROM` of such an `ARG`), or the image is unknown
#   statically in Terraform (a variable without default, `container_definitions` built from
#   one), the check is reported as undecided instead, unless a digest is written out.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/containers/images/#image-names
#     description: Kubernetes, image names, tags and digests
#   - https://docs.docker.com/reference/dockerfile/#from
#   - https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests
# custom:
#   id: IM001
#   severity: medium
#   pillar: immutability
#   layer: 6
#   controls: [CM-2, SI-7]
#   targets: [kubernetes, dockerfile, terraform, terraform-plan]
#   remediation: |
#     Reference the image by digest (keep the tag for readers; the digest wins). Get the
#     digest with `docker buildx imagetools inspect <image>:<tag>` or `crane digest`, and let
#     a bot such as Renovate or Dependabot update it:
#
#     ```yaml
#     containers:
#       - name: web
#         # the digest of the tag you reviewed (this one is an example)
#         image: nginx:1.27.0@sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb
#     ```
#
#     ```dockerfile
#     # the digest of the tag you reviewed (this one is an example)
#     FROM python:3.12-slim@sha256:3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d
#     ```
package tenet.immutability.image_not_pinned_by_digest

import data.tenet.lib.dockerfile as docker
import data.tenet.lib.image
import data.tenet.lib.kubernetes as k8s
import data.tenet.lib.terraform_images
import rego.v1

deny contains finding if {
	some entry in k8s.containers
	ref := entry.container.image
	image.judged(ref)
	not image.pinned(ref)
	finding := {
		"resource": entry.address,
		"path": array.concat(entry.path, ["image"]),
		"message": sprintf("container %q uses image %q, which is not pinned by digest (@sha256:...): the tag can be moved to other content", [k8s.container_name(entry), ref]),
	}
}

deny contains finding if {
	some stage in docker.stages
	ref := docker.external_image(stage)
	not image.pinned(ref)
	finding := {
		"resource": stage.address,
		"path": ["from", "image"],
		"message": sprintf("stage %s is built FROM %q, which is not pinned by digest (@sha256:...): the tag can be moved to other content", [docker.stage_label(stage), ref]),
	}
}

# A `FROM` that uses an `ARG` without a default is judged on what is known of it:
# `${REGISTRY}/python:3.12` has no digest whatever the registry is.
deny contains finding if {
	some stage in docker.stages
	ref := docker.unresolved_image(stage)
	image.judged(ref)
	not image.pinned(ref)
	finding := {
		"resource": stage.address,
		"path": ["from", "image"],
		"message": sprintf("stage %s is built FROM %q, which is not pinned by digest (@sha256:...) whatever %s is: the tag can be moved to other content", [docker.stage_label(stage), stage.attributes.from.raw, docker.variables_named(ref)]),
	}
}

deny contains finding if {
	some entry in terraform_images.images
	ref := entry.image
	image.judged(ref)
	not image.pinned(ref)
	finding := {
		"resource": entry.address,
		"path": entry.path,
		"message": sprintf("container %q uses image %q, which is not pinned by digest (@sha256:...): the tag can be moved to other content", [entry.container, ref]),
	}
}

# Undecided: the reference's tag and digest hold a template or variable (Kubernetes, ECS and
# Kubernetes provider images), the `FROM` uses an `ARG` without a default, or the Terraform
# value holding the image is unknown. Not when a digest is written out whatever the rest is.

undecided contains entry if {
	some container in k8s.containers
	ref := container.container.image
	is_string(ref)
	trim_space(ref) != ""
	not image.judged(ref)
	not image.pinned(ref)
	entry := {
		"resource": container.address,
		"path": array.concat(container.path, ["image"]),
		"message": sprintf("container %q uses image %q, which holds a template or variable where its tag and digest would be: whether it is pinned by digest cannot be decided", [k8s.container_name(container), ref]),
	}
}

undecided contains entry if {
	some stage in docker.stages
	ref := docker.unresolved_image(stage)
	not image.judged(ref)
	not image.pinned(ref)
	entry := {
		"resource": stage.address,
		"path": ["from", "image"],
		"message": sprintf("stage %s is built FROM %q and %s has no value (a build argument without a default): whether the image is pinned by digest cannot be decided", [docker.stage_label(stage), stage.attributes.from.raw, docker.variables_named(ref)]),
	}
}

undecided contains entry if {
	some container in terraform_images.images
	ref := container.image
	is_string(ref)
	trim_space(ref) != ""
	not image.judged(ref)
	not image.pinned(ref)
	entry := {
		"resource": container.address,
		"path": container.path,
		"message": sprintf("container %q uses image %q, which holds a template or variable where its tag and digest would be: whether it is pinned by digest cannot be decided", [container.container, ref]),
	}
}

undecided contains entry if {
	some unknown in terraform_images.unknown_images
	entry := {
		"resource": unknown.address,
		"path": unknown.path,
		"message": sprintf("%s is not known statically: whether the image is pinned by digest cannot be decided", [unknown.what]),
	}
}
