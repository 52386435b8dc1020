# Not judged: viewer, predefined and custom roles, removing an owner grant, owner on a single
# bucket, and an authoritative policy from data "google_iam_policy" (not rendered).

resource "google_project_iam_member" "viewer" {
  project = "acme-prod"
  role    = "roles/viewer"
  member  = "group:auditors@acme.example"
}

resource "google_project_iam_binding" "custom" {
  project = "acme-prod"
  role    = "projects/acme-prod/roles/deployer"
  members = ["serviceAccount:ci@acme-prod.iam.gserviceaccount.com"]
}

resource "google_project_iam_member_remove" "no_default_editor" {
  project = "acme-prod"
  role    = "roles/editor"
  member  = "serviceAccount:123456789012-compute@developer.gserviceaccount.com"
}

resource "google_storage_bucket_iam_member" "bucket_owner" {
  bucket = "acme-reports"
  role   = "roles/storage.legacyBucketOwner"
  member = "user:jane@acme.example"
}

data "google_iam_policy" "folder" {
  binding {
    role    = "roles/editor"
    members = ["user:jane@acme.example"]
  }
}

resource "google_folder_iam_policy" "folder" {
  folder      = "folders/123456789"
  policy_data = data.google_iam_policy.folder.policy_data
}
