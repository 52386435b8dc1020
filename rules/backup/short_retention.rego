# METADATA
# title: Backups are kept too briefly
# description: |
#   A corruption or a deletion noticed after the last backup expired cannot be undone: the
#   backups hold only the damaged data. Fires when a Terraform data store has backups but the
#   longest retention among them (docs/backup-posture.md) is below the configured minimum:
#   7 days unless `tenet.toml` sets `[backup] min-retention-days`. A missing
#   `backup_retention_period` on RDS, DocumentDB and Neptune is the API default of 1 day;
#   AWS Backup rules without a `lifecycle` keep recovery points indefinitely; versioning
#   keeps old versions until a lifecycle rule's noncurrent-version expiration removes them.
#
#   Does not fire when no retention is known (a source whose retention is unknown and none
#   known to be long enough): that check is reported as undecided.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html#USER_WorkingWithAutomatedBackups.BackupRetention
#     description: Amazon RDS, backup retention period (default 1 day with the API)
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_plan#lifecycle
#     description: Terraform AWS provider, aws_backup_plan lifecycle
#   - docs/backup-posture.md
# custom:
#   id: BK002
#   severity: low
#   pillar: backup
#   layer: 4
#   controls: [CP-9]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Keep at least one copy for longer than the time it takes to notice a problem:
#
#     ```hcl
#     resource "aws_db_instance" "orders" {
#       # ...
#       backup_retention_period = 14
#     }
#
#     resource "aws_backup_plan" "daily" {
#       name = "daily"
#       rule {
#         rule_name         = "daily"
#         target_vault_name = aws_backup_vault.main.name
#         schedule          = "cron(0 3 * * ? *)"
#         lifecycle {
#           delete_after = 35
#         }
#       }
#     }
#     ```
package tenet.backup.short_retention

import data.tenet.lib.backup
import rego.v1

deny contains backup.entry(store, message) if {
	some store in backup.terraform_stores
	backup.has_backup(store)
	is_number(store.retention_days)
	store.retention_days < backup.min_retention_days
	not unknown_retention(store)
	message := sprintf("%s keeps its longest-kept backup %d day(s), below the minimum of %d days", [backup.label(store), store.retention_days, backup.min_retention_days])
}

undecided contains backup.entry(store, message) if {
	some store in backup.terraform_stores
	backup.has_backup(store)
	not long_enough(store)
	unknown_retention(store)
	message := sprintf("how long %s's backups are kept is unknown for some of its sources", [backup.label(store)])
}

# A source whose retention is unknown might keep copies longer.
unknown_retention(store) if {
	some source in store.sources
	source.retention_days == null
	source.medium != "store"
}

long_enough(store) if store.retention_days == "indefinite"

long_enough(store) if {
	is_number(store.retention_days)
	store.retention_days >= backup.min_retention_days
}
