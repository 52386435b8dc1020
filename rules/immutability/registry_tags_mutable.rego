# METADATA
# title: Registry lets tags be moved
# description: |
#   When a registry lets a pushed tag be overwritten, `app:1.4.2` can name different content
#   tomorrow: whoever can push (a CI job, a compromised token) replaces a reviewed image
#   under a name that deployments trust, and rollbacks pull the replacement. Fires on:
#
#   - `aws_ecr_repository` without `image_tag_mutability` (the provider's and ECR's default is
#     `MUTABLE`) or with `MUTABLE` (or `MUTABLE_WITH_EXCLUSION`, which keeps some tags
#     mutable);
#   - `google_artifact_registry_repository` of `format` `DOCKER` whose
#     `docker_config.immutable_tags` is missing or not `true` (the default is mutable).
#
#   Does not fire on Artifact Registry repositories of other formats. When the setting (or
#   `docker_config`, or the `format` of a repository whose tags are not made immutable) is
#   unknown statically, the check is reported as undecided instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
#     description: Amazon ECR, image tag mutability (MUTABLE by default)
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository
#   - ref: https://cloud.google.com/artifact-registry/docs/docker/manage-images#immutable_tags
#     description: Artifact Registry, immutable image tags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/artifact_registry_repository
# custom:
#   id: IM004
#   severity: medium
#   pillar: immutability
#   layer: 6
#   controls: [CM-2, SI-7]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Make tags immutable, so a version is pushed once:
#
#     ```hcl
#     resource "aws_ecr_repository" "app" {
#       name                 = "app"
#       image_tag_mutability = "IMMUTABLE"
#     }
#
#     resource "google_artifact_registry_repository" "app" {
#       repository_id = "app"
#       format        = "DOCKER"
#       docker_config {
#         immutable_tags = true
#       }
#     }
#     ```
package tenet.immutability.registry_tags_mutable

import data.tenet.lib.terraform as tf
import rego.v1

deny contains finding if {
	some repository in tf.resources("aws_ecr_repository")
	tf.unset(repository, ["image_tag_mutability"])
	finding := {
		"resource": repository.address,
		"path": [],
		"message": sprintf("aws_ecr_repository %q does not set `image_tag_mutability` (the default is MUTABLE): a pushed tag can be moved to other content", [repository.name]),
	}
}

deny contains finding if {
	some repository in tf.resources("aws_ecr_repository")
	mutability := repository.attributes.image_tag_mutability
	mutability in {"MUTABLE", "MUTABLE_WITH_EXCLUSION"}
	finding := {
		"resource": repository.address,
		"path": ["image_tag_mutability"],
		"message": sprintf("aws_ecr_repository %q sets `image_tag_mutability` to %q: a pushed tag can be moved to other content", [repository.name, mutability]),
	}
}

deny contains finding if {
	some repository in docker_repositories
	tf.unset(repository, ["docker_config"])
	finding := {
		"resource": repository.address,
		"path": [],
		"message": sprintf("google_artifact_registry_repository %q has no `docker_config` with `immutable_tags = true`: a pushed tag can be moved to other content", [repository.name]),
	}
}

deny contains finding if {
	some repository in docker_repositories
	some i, config in tf.list_or_empty(repository, ["docker_config"])
	is_object(config)
	path := ["docker_config", i, "immutable_tags"]
	tf.value_or_default(repository, path, false) != true
	finding := {
		"resource": repository.address,
		"path": path,
		"message": sprintf("google_artifact_registry_repository %q does not set `docker_config.immutable_tags = true`: a pushed tag can be moved to other content", [repository.name]),
	}
}

# Undecided: the mutability setting, the Artifact Registry `docker_config` block or its
# `immutable_tags`, or the repository `format` (when the tags are not known to be immutable)
# is unknown statically.

undecided contains tf.undecided(repository, ["image_tag_mutability"], why) if {
	some repository in tf.resources("aws_ecr_repository")
	tf.unknown(repository, ["image_tag_mutability"])
	why := sprintf("`image_tag_mutability` of aws_ecr_repository %q is not known statically: whether a pushed tag can be moved to other content cannot be decided", [repository.name])
}

undecided contains tf.undecided(repository, ["docker_config"], why) if {
	some repository in docker_repositories
	object.get(repository.attributes, "docker_config", null) == null
	tf.unknown(repository, ["docker_config"])
	why := sprintf("`docker_config` of google_artifact_registry_repository %q is not known statically: whether a pushed tag can be moved to other content cannot be decided", [repository.name])
}

undecided contains tf.undecided(repository, path, why) if {
	some repository in docker_repositories
	some i, config in tf.list_or_empty(repository, ["docker_config"])
	is_object(config)
	path := ["docker_config", i, "immutable_tags"]
	tf.unknown(repository, path)
	why := sprintf("`docker_config.immutable_tags` of google_artifact_registry_repository %q is not known statically: whether a pushed tag can be moved to other content cannot be decided", [repository.name])
}

undecided contains tf.undecided(repository, ["format"], why) if {
	some repository in tf.resources("google_artifact_registry_repository")
	tf.unknown(repository, ["format"])
	not immutable_tags(repository)
	why := sprintf("`format` of google_artifact_registry_repository %q is not known statically and its tags are not made immutable: if it is a Docker repository, a pushed tag can be moved to other content", [repository.name])
}

immutable_tags(repository) if {
	some config in tf.list_or_empty(repository, ["docker_config"])
	config.immutable_tags == true
}

docker_repositories contains repository if {
	some repository in tf.resources("google_artifact_registry_repository")
	repository.attributes.format == "DOCKER"
}
