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
#   `FROM <earlier stage>`, on a `FROM` whose image depends on an `ARG` without a default, on
#   a container without `image`, on an image that is unknown statically (a Terraform variable
#   without default), or on a reference whose last path component still holds a template or
#   a variable (`app:${TAG}`). An unknown part before it does not stop the judgement:
#   `registry.example.com/$PROJECT/app:latest` uses `latest` whatever the project is. Other
#   tags are not judged here; pinning by digest (IM001) covers them.
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
