# Owner and editor on a project, a folder and an organization, as members and bindings; an IAM
# condition does not make a primitive role narrower.

variable "member" {
  type = string
}

resource "google_project_iam_member" "ci_owner" {
  project = "acme-prod"
  role    = "roles/owner" # expect: LP008
  member  = "serviceAccount:ci@acme-prod.iam.gserviceaccount.com"
}

resource "google_project_iam_binding" "editors" {
  project = "acme-prod"
  role    = "roles/editor" # expect: LP008
  members = ["group:developers@acme.example", "user:jane@acme.example"]

  condition {
    title      = "until-2027"
    expression = "request.time < timestamp(\"2027-01-01T00:00:00Z\")"
  }
}

resource "google_folder_iam_member" "someone" {
  folder = "folders/123456789"
  role   = "roles/editor" # expect: LP008
  member = var.member
}

resource "google_folder_iam_binding" "owners" {
  folder  = "folders/123456789"
  role    = "roles/owner" # expect: LP008
  members = ["group:platform@acme.example"]
}

resource "google_organization_iam_member" "org_owner" {
  org_id = "123456789012"
  role   = "roles/owner" # expect: LP008
  member = "user:admin@acme.example"
}

resource "google_organization_iam_binding" "org_editors" {
  org_id  = "123456789012"
  role    = "roles/editor" # expect: LP008
  members = ["group:ops@acme.example"]
}
