# expect: HY002
resource "aws_kms_key" "default_rotation" {
  description = "rotation not set: the provider's default is false"
}

resource "aws_kms_key" "explicit_false" {
  description              = "rotation turned off"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  enable_key_rotation      = false # expect: HY002
}

# expect: HY002
resource "google_kms_crypto_key" "no_rotation" {
  name     = "data"
  key_ring = "projects/p/locations/global/keyRings/main"
}
