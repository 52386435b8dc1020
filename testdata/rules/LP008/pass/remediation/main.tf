# The remediation from the metadata: a predefined role for the job.

variable "project_id" {
  type    = string
  default = "acme-prod"
}

resource "google_service_account" "deployer" {
  account_id = "deployer"
}

resource "google_project_iam_member" "deployer_run" {
  project = var.project_id
  role    = "roles/run.developer"
  member  = "serviceAccount:${google_service_account.deployer.email}"
}
