# The remediation, keys KMS cannot rotate, and unknown settings.
variable "rotate" {
  type = bool
}

variable "spec" {
  type = string
}

resource "aws_kms_key" "rotated" {
  description         = "data at rest"
  enable_key_rotation = true
}

resource "aws_kms_key" "asymmetric" {
  description              = "signing"
  customer_master_key_spec = "RSA_4096"
  key_usage                = "SIGN_VERIFY"
}

resource "aws_kms_key" "hmac" {
  description              = "tokens"
  customer_master_key_spec = "HMAC_256"
  key_usage                = "GENERATE_VERIFY_MAC"
}

resource "aws_kms_key" "cloudhsm" {
  description         = "in a custom key store"
  custom_key_store_id = "cks-1234567890abcdef0"
}

resource "aws_kms_key" "unknown_rotation" {
  description         = "decided elsewhere"
  enable_key_rotation = var.rotate
}

resource "aws_kms_key" "unknown_spec" {
  description              = "spec decided elsewhere"
  customer_master_key_spec = var.spec
}

resource "google_kms_crypto_key" "rotated" {
  name            = "data"
  key_ring        = "projects/p/locations/global/keyRings/main"
  rotation_period = "7776000s"
}

resource "google_kms_crypto_key" "signing" {
  name     = "signing"
  key_ring = "projects/p/locations/global/keyRings/main"
  purpose  = "ASYMMETRIC_SIGN"
  version_template {
    algorithm = "EC_SIGN_P256_SHA256"
  }
}

resource "google_kms_crypto_key" "imported" {
  name        = "imported"
  key_ring    = "projects/p/locations/global/keyRings/main"
  import_only = true
}
