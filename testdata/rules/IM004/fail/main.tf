# expect: IM004
resource "aws_ecr_repository" "default_mutability" {
  name = "app"
}

resource "aws_ecr_repository" "mutable" {
  name                 = "api"
  image_tag_mutability = "MUTABLE" # expect: IM004
}

# expect: IM004
resource "google_artifact_registry_repository" "no_docker_config" {
  repository_id = "images"
  location      = "europe-west1"
  format        = "DOCKER"
}

resource "google_artifact_registry_repository" "mutable_tags" {
  repository_id = "more-images"
  location      = "europe-west1"
  format        = "DOCKER"
  docker_config {
    immutable_tags = false # expect: IM004
  }
}
