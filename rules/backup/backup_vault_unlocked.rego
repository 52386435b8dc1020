# METADATA
# title: Backup vault without Vault Lock
# description: |
#   Backups are the copy an attacker with account access deletes first, before encrypting or
#   wiping the data they protect. AWS Backup Vault Lock makes the recovery points in a vault
#   write-once: nobody can delete them or shorten their retention below the lock's minimum,
#   and in compliance mode (`changeable_for_days` set) not even the root user can remove the
#   lock once its grace period is over. Fires on an `aws_backup_vault` when no
#   `aws_backup_vault_lock_configuration` in the same configuration (the root module and every
#   module it calls) refers to it through `backup_vault_name`, either by reference
#   (`aws_backup_vault.main.name`, directly or through module inputs and outputs) or by the
#   vault's name written as the same literal string. Reported on the vault.
#
#   It does not judge the lock's mode or retention limits. A lock configuration whose
#   `backup_vault_name` is unknown statically and refers to no resource (a variable without
#   default) may lock any vault, so while one exists no vault is reported; each vault it may
#   cover is listed as undecided instead. A vault whose `name` is unknown is likewise
#   undecided when a lock configuration names a vault by a literal string.
# related_resources:
#   - ref: https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html
#     description: AWS Backup Vault Lock
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault_lock_configuration
#     description: Terraform AWS provider, aws_backup_vault_lock_configuration
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault
#     description: Terraform AWS provider, aws_backup_vault
# custom:
#   id: BK006
#   severity: medium
#   pillar: backup
#   layer: 4
#   controls: [CP-9, SI-7]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Lock the vault. With `changeable_for_days`, the lock becomes immutable (compliance mode)
#     once that many days have passed; test the retention limits before that:
#
#     ```hcl
#     resource "aws_backup_vault" "main" {
#       name        = "main"
#       kms_key_arn = aws_kms_key.backup.arn
#     }
#
#     resource "aws_backup_vault_lock_configuration" "main" {
#       backup_vault_name   = aws_backup_vault.main.name
#       min_retention_days  = 7
#       max_retention_days  = 365
#       changeable_for_days = 3
#     }
#     ```
package tenet.backup.backup_vault_unlocked

import data.tenet.lib.terraform as tf
import rego.v1

vaults := tf.resources("aws_backup_vault")

locks := tf.resources("aws_backup_vault_lock_configuration")

# The vaults the lock configurations refer to, as a reference index (one set lookup per
# vault), and the vault names they write as literal strings.
locked_addresses := tf.address_index({address |
	some lock in locks
	some address in tf.referenced_by(lock, "backup_vault_name")
})

locked_names := {name |
	some lock in locks
	name := lock.attributes.backup_vault_name
	is_string(name)
}

locked(vault) if tf.indexed(vault.address, locked_addresses)

locked(vault) if vault.attributes.name in locked_names

# Lock configurations whose vault cannot be known: they may lock any vault.
lock_with_unknown_vault contains lock.address if {
	some lock in locks
	tf.unknown(lock, ["backup_vault_name"])
	count(tf.referenced_by(lock, "backup_vault_name")) == 0
}

# Vault names written literally by lock configurations that match no vault with a known name:
# they may name a vault whose name is unknown.
unmatched_names := locked_names - {name |
	some vault in vaults
	name := vault.attributes.name
	is_string(name)
}

deny contains finding if {
	count(lock_with_unknown_vault) == 0
	some vault in vaults
	not locked(vault)
	not name_may_match(vault)
	finding := {
		"resource": vault.address,
		"path": [],
		"message": sprintf("aws_backup_vault %q has no `aws_backup_vault_lock_configuration` referring to it: anyone allowed to manage the vault can delete its recovery points or shorten their retention", [vault.name]),
	}
}

undecided contains tf.undecided(vault, [], why) if {
	count(lock_with_unknown_vault) > 0
	some vault in vaults
	not locked(vault)
	why := sprintf("the `backup_vault_name` of %s is not known statically: it may lock this vault", [concat(", ", sort(lock_with_unknown_vault))])
}

undecided contains tf.undecided(vault, ["name"], why) if {
	count(lock_with_unknown_vault) == 0
	some vault in vaults
	not locked(vault)
	name_may_match(vault)
	why := sprintf("the vault's `name` is not known statically: a lock configuration for %s may lock it", [concat(", ", sort(unmatched_names))])
}

name_may_match(vault) if {
	count(unmatched_names) > 0
	tf.unknown(vault, ["name"])
	count(tf.referenced_by(vault, "name")) == 0
}
