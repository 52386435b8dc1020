# allUsers and allAuthenticatedUsers on a Cloud Storage bucket.

resource "google_storage_bucket_iam_member" "public_read" {
  bucket = "example-assets"
  role   = "roles/storage.objectViewer"
  member = "allUsers" # expect: ZT007
}

resource "google_storage_bucket_iam_binding" "viewers" {
  bucket = "example-assets"
  role   = "roles/storage.objectViewer"
  members = [
    "group:data-team@example.com",
    "allAuthenticatedUsers", # expect: ZT007
  ]
}
