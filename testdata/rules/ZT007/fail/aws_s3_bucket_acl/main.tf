# Canned public ACLs on the legacy bucket argument and on aws_s3_bucket_acl, and grants to
# the AllUsers / AuthenticatedUsers groups.

resource "aws_s3_bucket" "legacy" {
  bucket = "example-legacy"
  acl    = "public-read" # expect: ZT007
}

resource "aws_s3_bucket" "site" {
  bucket = "example-site"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read-write" # expect: ZT007
}

resource "aws_s3_bucket_acl" "any_account" {
  bucket = aws_s3_bucket.site.id
  acl    = "authenticated-read" # expect: ZT007
}

resource "aws_s3_bucket_acl" "grants" {
  bucket = aws_s3_bucket.site.id

  access_control_policy {
    grant {
      grantee {
        id   = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
        type = "CanonicalUser"
      }
      permission = "FULL_CONTROL"
    }

    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers" # expect: ZT007
      }
      permission = "READ"
    }

    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" # expect: ZT007
      }
      permission = "WRITE"
    }

    owner {
      id = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    }
  }
}
