variable "mutability" {
  type = string
}

resource "aws_ecr_repository" "immutable" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository" "unknown" {
  name                 = "api"
  image_tag_mutability = var.mutability
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
