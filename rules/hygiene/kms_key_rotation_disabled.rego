# METADATA
# title: Encryption key is never rotated
# description: |
#   A key whose material never changes protects every piece of data it ever encrypted: one
#   leak of the material (a backup of an HSM, an over-broad grant used to export data keys)
#   exposes all of it, and there is no cut-off after which older material is retired. Fires on:
#
#   - `aws_kms_key` without `enable_key_rotation` (the provider's default is `false`) or with
#     `enable_key_rotation = false`, for symmetric encryption keys only
#     (`customer_master_key_spec` `SYMMETRIC_DEFAULT` and `key_usage` `ENCRYPT_DECRYPT`,
#     both the defaults) outside a custom key store: AWS KMS cannot rotate asymmetric keys,
#     HMAC keys or keys in a CloudHSM or external key store;
#   - `google_kms_crypto_key` without `rotation_period`, for keys of `purpose`
#     `ENCRYPT_DECRYPT` (the default; Cloud KMS rotates no other purpose automatically) that
#     are not `import_only`.
#
#   Does not fire when the setting, the key spec or the purpose is unknown statically.
# related_resources:
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
#     description: AWS KMS, rotating keys (symmetric encryption keys only)
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key#enable_key_rotation
#     description: Terraform AWS provider, aws_kms_key (enable_key_rotation defaults to false)
#   - ref: https://cloud.google.com/kms/docs/key-rotation
#     description: Cloud KMS, key rotation
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/kms_crypto_key
# custom:
#   id: HY002
#   severity: medium
#   pillar: hygiene
#   layer: 2
#   controls: [SC-12]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Turn on automatic rotation (AWS rotates yearly by default; `rotation_period_in_days` sets
#     90 to 2560 days), and give Cloud KMS keys a rotation period:
#
#     ```hcl
#     resource "aws_kms_key" "data" {
#       description         = "data at rest"
#       enable_key_rotation = true
#     }
#
#     resource "google_kms_crypto_key" "data" {
#       name            = "data"
#       key_ring        = google_kms_key_ring.main.id
#       rotation_period = "7776000s" # 90 days
#     }
#     ```
package tenet.hygiene.kms_key_rotation_disabled

import data.tenet.lib.terraform as tf
import rego.v1

deny contains finding if {
	some key in tf.resources("aws_kms_key")
	aws_rotatable(key)
	tf.unset(key, ["enable_key_rotation"])
	finding := {
		"resource": key.address,
		"path": [],
		"message": sprintf("aws_kms_key %q does not set `enable_key_rotation` (the default is false): its key material is never rotated", [key.name]),
	}
}

deny contains finding if {
	some key in tf.resources("aws_kms_key")
	aws_rotatable(key)
	key.attributes.enable_key_rotation == false
	finding := {
		"resource": key.address,
		"path": ["enable_key_rotation"],
		"message": sprintf("aws_kms_key %q sets `enable_key_rotation = false`: its key material is never rotated", [key.name]),
	}
}

deny contains finding if {
	some key in tf.resources("google_kms_crypto_key")
	tf.value_or_default(key, ["purpose"], "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
	tf.value_or_default(key, ["import_only"], false) == false
	tf.unset(key, ["rotation_period"])
	finding := {
		"resource": key.address,
		"path": [],
		"message": sprintf("google_kms_crypto_key %q has no `rotation_period`: its key material is never rotated", [key.name]),
	}
}

# A symmetric encryption key in AWS KMS's own key store: the only kind KMS rotates.
aws_rotatable(key) if {
	tf.value_or_default(key, ["customer_master_key_spec"], "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	tf.value_or_default(key, ["key_usage"], "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
	tf.unset(key, ["custom_key_store_id"])
}
