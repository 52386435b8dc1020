# Values tenet cannot know statically (variables without default) are never judged. Each
# one that would make the bucket public if it were the unsafe value is listed as undecided, at
# the unknown value (or at the enclosing block, for a dynamic block).

variable "acl" {
  type = string
}

variable "block" {
  type = bool
}

variable "member" {
  type = string
}

variable "members" {
  type = list(string)
}

variable "public" {
  type = bool
}

resource "aws_s3_bucket" "unknown_acl" {
  bucket = "example-unknown"
  acl    = var.acl # undecided: ZT007
}

resource "aws_s3_bucket_public_access_block" "unknown_flags" {
  bucket                  = aws_s3_bucket.unknown_acl.id
  block_public_acls       = var.block # undecided: ZT007
  block_public_policy     = var.block # undecided: ZT007
  ignore_public_acls      = var.block # undecided: ZT007
  restrict_public_buckets = var.block # undecided: ZT007
}

resource "google_storage_bucket_iam_member" "unknown_member" {
  bucket = "example-assets"
  role   = "roles/storage.objectViewer"
  member = var.member # undecided: ZT007
}

resource "google_storage_bucket_iam_binding" "unknown_members" {
  bucket  = "example-assets"
  role    = "roles/storage.objectViewer"
  members = var.members # undecided: ZT007
}

resource "azurerm_storage_account" "unknown" {
  name                            = "exampleunknown"
  resource_group_name             = "rg"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = var.public # undecided: ZT007
}

variable "grants" {
  type = list(object({ uri = string, permission = string }))
}

variable "owner_id" {
  type = string
}

resource "aws_s3_bucket_acl" "unknown_grants" {
  bucket = "example-grants"

  # undecided: ZT007
  access_control_policy {
    dynamic "grant" {
      for_each = var.grants
      content {
        grantee {
          type = "Group"
          uri  = grant.value.uri
        }
        permission = grant.value.permission
      }
    }

    owner {
      id = var.owner_id
    }
  }
}

# Unknown values that cannot change the verdict are not undecided: a member computed from a
# service account or a data source (it names that identity, never allUsers), and the owner of
# an ACL.

resource "google_service_account" "reader" {
  account_id = "reader"
}

resource "google_storage_bucket_iam_member" "service_account" {
  bucket = "example-assets"
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.reader.email}"
}

data "google_compute_default_service_account" "default" {}

resource "google_storage_bucket_iam_member" "default_service_account" {
  bucket = "example-assets"
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${data.google_compute_default_service_account.default.email}"
}

resource "google_storage_bucket_iam_binding" "service_accounts" {
  bucket  = "example-assets"
  role    = "roles/storage.objectViewer"
  members = [google_service_account.reader.member]
}

resource "aws_s3_bucket_acl" "unknown_owner" {
  bucket = "example-owner"

  access_control_policy {
    grant {
      grantee {
        type = "CanonicalUser"
        id   = var.owner_id
      }
      permission = "FULL_CONTROL"
    }

    owner {
      id = var.owner_id
    }
  }
}
