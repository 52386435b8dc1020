# The remediation, keys KMS cannot rotate, and unknown settings.
variable "rotate" {
  type = bool
}

variable "spec" {
  type = string
}

variable "store" {
  type = string
}

variable "period" {
  type = string
}

variable "purpose" {
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

# Unknown settings the finding depends on: undecided.
resource "aws_kms_key" "unknown_rotation" {
  description         = "decided elsewhere"
  enable_key_rotation = var.rotate # undecided: HY002
}

resource "aws_kms_key" "unknown_spec" {
  description              = "spec decided elsewhere"
  customer_master_key_spec = var.spec # undecided: HY002
}

# Both unknown: each is reported.
resource "aws_kms_key" "unknown_both" {
  description              = "all decided elsewhere"
  customer_master_key_spec = var.spec   # undecided: HY002
  enable_key_rotation      = var.rotate # undecided: HY002
}

resource "aws_kms_key" "unknown_store" {
  description         = "store decided elsewhere"
  custom_key_store_id = var.store # undecided: HY002
}

# Unknown values that cannot change the verdict: rotation is on, or the key is asymmetric,
# or it is in a custom key store (a reference to one is set, whatever its id).
resource "aws_kms_key" "unknown_spec_rotated" {
  description              = "rotated whatever the spec"
  customer_master_key_spec = var.spec
  enable_key_rotation      = true
}

resource "aws_kms_key" "asymmetric_unknown_rotation" {
  description              = "signing"
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
  enable_key_rotation      = var.rotate
}

resource "aws_kms_custom_key_store" "hsm" {
  custom_key_store_name    = "hsm"
  cloud_hsm_cluster_id     = "cluster-1234567890a"
  key_store_password       = var.store
  trust_anchor_certificate = "-----BEGIN CERTIFICATE-----"
}

resource "aws_kms_key" "in_custom_store" {
  description         = "in a custom key store"
  custom_key_store_id = aws_kms_custom_key_store.hsm.id
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

resource "google_kms_crypto_key" "unknown_period" {
  name            = "unknown-period"
  key_ring        = "projects/p/locations/global/keyRings/main"
  rotation_period = var.period # undecided: HY002
}

resource "google_kms_crypto_key" "unknown_purpose" {
  name     = "unknown-purpose"
  key_ring = "projects/p/locations/global/keyRings/main"
  purpose  = var.purpose # undecided: HY002
}

# Rotated whatever the purpose.
resource "google_kms_crypto_key" "unknown_purpose_rotated" {
  name            = "unknown-purpose-rotated"
  key_ring        = "projects/p/locations/global/keyRings/main"
  purpose         = var.purpose
  rotation_period = "7776000s"
}
