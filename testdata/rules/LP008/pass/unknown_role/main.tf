# A role from a variable without default is unknown statically and not judged.

variable "role" {
  type = string
}

resource "google_project_iam_member" "from_variable" {
  project = "acme-prod"
  role    = var.role
  member  = "user:jane@acme.example"
}
