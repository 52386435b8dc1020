# Private canned ACLs, grants to other accounts and to the log-delivery group, IAM grants to
# identified principals, a bucket without a public access block resource (S3 blocks public
# access on new buckets by default), and a storage account that leaves
# allow_nested_items_to_be_public to its default (false since provider 4.0; true before, so
# a missing value is not judged).

resource "aws_s3_bucket" "private" {
  bucket = "example-private"
  acl    = "private"
}

resource "aws_s3_bucket" "no_block" {
  bucket = "example-no-block"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.private.id
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket_acl" "partner" {
  bucket = aws_s3_bucket.private.id

  access_control_policy {
    grant {
      grantee {
        id   = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
        type = "CanonicalUser"
      }
      permission = "READ"
    }

    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/s3/LogDelivery"
      }
      permission = "WRITE"
    }

    owner {
      id = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    }
  }
}

resource "google_storage_bucket_iam_member" "team" {
  bucket = "example-assets"
  role   = "roles/storage.objectViewer"
  member = "group:data-team@example.com"
}

resource "google_storage_bucket_iam_binding" "admins" {
  bucket  = "example-assets"
  role    = "roles/storage.admin"
  members = ["serviceAccount:deployer@example.iam.gserviceaccount.com"]
}

resource "azurerm_storage_account" "defaults" {
  name                     = "exampledefaults"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
