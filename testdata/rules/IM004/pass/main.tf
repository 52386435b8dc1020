variable "mutability" {
  type = string
}

variable "immutable_tags" {
  type = bool
}

variable "format" {
  type = string
}

variable "docker_configs" {
  type = list(bool)
}

resource "aws_ecr_repository" "immutable" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}

resource "google_artifact_registry_repository" "immutable" {
  repository_id = "images"
  location      = "europe-west1"
  format        = "DOCKER"
  docker_config {
    immutable_tags = true
  }
}

resource "google_artifact_registry_repository" "python" {
  repository_id = "wheels"
  location      = "europe-west1"
  format        = "PYTHON"
}

# Unknown settings: the checks are undecided.
resource "aws_ecr_repository" "unknown" {
  name                 = "api"
  image_tag_mutability = var.mutability # undecided: IM004
}

resource "google_artifact_registry_repository" "unknown_immutable_tags" {
  repository_id = "unknown-tags"
  location      = "europe-west1"
  format        = "DOCKER"
  docker_config {
    immutable_tags = var.immutable_tags # undecided: IM004
  }
}

resource "google_artifact_registry_repository" "unknown_format" {
  repository_id = "unknown-format"
  location      = "europe-west1"
  format        = var.format # undecided: IM004
}

resource "google_artifact_registry_repository" "unknown_docker_config" { # undecided: IM004
  repository_id = "unknown-config"
  location      = "europe-west1"
  format        = "DOCKER"
  dynamic "docker_config" {
    for_each = var.docker_configs
    content {
      immutable_tags = docker_config.value
    }
  }
}

# An unknown format cannot matter when the tags are immutable anyway.
resource "google_artifact_registry_repository" "unknown_format_immutable" {
  repository_id = "unknown-format-immutable"
  location      = "europe-west1"
  format        = var.format
  docker_config {
    immutable_tags = true
  }
}
