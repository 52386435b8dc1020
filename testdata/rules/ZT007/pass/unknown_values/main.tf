# Values tenet cannot know statically (variables without default) are never judged.

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
  acl    = var.acl
}

resource "aws_s3_bucket_public_access_block" "unknown_flags" {
  bucket                  = aws_s3_bucket.unknown_acl.id
  block_public_acls       = var.block
  block_public_policy     = var.block
  ignore_public_acls      = var.block
  restrict_public_buckets = var.block
}

resource "google_storage_bucket_iam_member" "unknown_member" {
  bucket = "example-assets"
  role   = "roles/storage.objectViewer"
  member = var.member
}

resource "google_storage_bucket_iam_binding" "unknown_members" {
  bucket  = "example-assets"
  role    = "roles/storage.objectViewer"
  members = var.members
}

resource "azurerm_storage_account" "unknown" {
  name                            = "exampleunknown"
  resource_group_name             = "rg"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = var.public
}
