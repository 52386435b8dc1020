# A role from a variable without default is unknown statically: not judged but reported as
# undecided. A role taken from a custom role of the configuration is never a primitive role.

variable "role" {
  type = string
}

resource "google_project_iam_member" "from_variable" {
  project = "acme-prod"
  role    = var.role # undecided: LP008
  member  = "user:jane@acme.example"
}

variable "grants" {
  type = map(string)
}

resource "google_folder_iam_binding" "from_for_each" {
  for_each = var.grants
  folder   = "folders/1234567890"
  role     = each.key # undecided: LP008
  members  = [each.value]
}

resource "google_project_iam_custom_role" "deployer" {
  project     = "acme-prod"
  role_id     = "deployer"
  title       = "Deployer"
  permissions = ["run.services.update"]
}

resource "google_project_iam_member" "custom" {
  project = "acme-prod"
  role    = google_project_iam_custom_role.deployer.id
  member  = "serviceAccount:deployer@acme-prod.iam.gserviceaccount.com"
}
