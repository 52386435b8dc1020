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
#   When the rotation setting, the key spec, usage or store, or the purpose is unknown
#   statically (and the finding would otherwise fire), the check is reported as undecided
#   instead. In a plan, a setting the provider computes because the configuration leaves it
#   out is read as not set.
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
	not_set(key, "enable_key_rotation")
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
	setting(key, "purpose", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
	setting(key, "import_only", false) == false
	not_set(key, "rotation_period")
	finding := {
		"resource": key.address,
		"path": [],
		"message": sprintf("google_kms_crypto_key %q has no `rotation_period`: its key material is never rotated", [key.name]),
	}
}

# Undecided: a setting the finding depends on is unknown statically, and every other one
# allows the finding (holds, or is unknown too). One entry per unknown setting.
undecided contains tf.undecided(key, [attribute], why) if {
	some type, attributes in deciding
	some key in tf.resources(type)
	some attribute in attributes
	unknown(key, attribute)
	every other in attributes {
		possible(key, other)
	}
	why := sprintf("`%s` of %s %q is not known statically: %s", [attribute, type, key.name, consequence[attribute]])
}

# The settings each finding depends on.
deciding := {
	"aws_kms_key": ["enable_key_rotation", "customer_master_key_spec", "key_usage", "custom_key_store_id"],
	"google_kms_crypto_key": ["rotation_period", "purpose", "import_only"],
}

consequence := {
	"enable_key_rotation": "whether its key material is rotated cannot be decided",
	"customer_master_key_spec": "whether it is a symmetric key, which AWS KMS rotates, cannot be decided, and its rotation is not known to be on",
	"key_usage": "whether it is an encryption key, which AWS KMS rotates, cannot be decided, and its rotation is not known to be on",
	"custom_key_store_id": "whether it is in AWS KMS's own key store, where it can be rotated, cannot be decided, and its rotation is not known to be on",
	"rotation_period": "whether its key material is rotated cannot be decided",
	"purpose": "whether it is an encryption key, which Cloud KMS rotates, cannot be decided, and it has no known `rotation_period`",
	"import_only": "whether its material is only imported (and so never rotated) cannot be decided, and it has no known `rotation_period`",
}

possible(key, attribute) if holds(key, attribute)

possible(key, attribute) if unknown(key, attribute)

# The setting allows the finding (the clauses of the `deny` rules above).
holds(key, "enable_key_rotation") if not_set(key, "enable_key_rotation")

holds(key, "enable_key_rotation") if key.attributes.enable_key_rotation == false

holds(key, "customer_master_key_spec") if setting(key, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"

holds(key, "key_usage") if setting(key, "key_usage", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"

holds(key, "custom_key_store_id") if not_set(key, "custom_key_store_id")

holds(key, "rotation_period") if not_set(key, "rotation_period")

holds(key, "purpose") if setting(key, "purpose", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"

holds(key, "import_only") if setting(key, "import_only", false) == false

# Unknown statically (in a plan, not one the provider computes because the configuration
# leaves it out: that is not set). A custom key store id that refers only to custom key
# stores (`aws_kms_custom_key_store.hsm.id`) is set, whatever its value.
unknown(key, attribute) if {
	attribute != "custom_key_store_id"
	tf.unknown(key, [attribute])
	not tf.provider_computed(key, [attribute])
}

unknown(key, "custom_key_store_id") if {
	tf.unknown(key, ["custom_key_store_id"])
	not tf.provider_computed(key, ["custom_key_store_id"])
	not custom_store_reference(key)
}

custom_store_reference(key) if {
	addresses := tf.referenced_by(key, "custom_key_store_id")
	count(addresses) > 0
	every address in addresses {
		regex.match(`(^|\.)aws_kms_custom_key_store\.`, address)
	}
}

# The value of a setting as written, or its default when it is not set (in a plan, also when
# the provider computes it because the configuration leaves it out). Undefined when unknown.
setting(key, attribute, default_value) := tf.value_or_default(key, [attribute], default_value)

setting(key, attribute, default_value) := default_value if tf.provider_computed(key, [attribute])

not_set(key, attribute) if tf.unset(key, [attribute])

not_set(key, attribute) if tf.provider_computed(key, [attribute])

# A symmetric encryption key in AWS KMS's own key store: the only kind KMS rotates.
aws_rotatable(key) if {
	setting(key, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	setting(key, "key_usage", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
	not_set(key, "custom_key_store_id")
}
