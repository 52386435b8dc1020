# METADATA
# title: Fewer than three copies of the data
# description: |
#   With two copies, one failure during a restore (a corrupt snapshot, an expired recovery
#   point) leaves nothing. The 3-2-1 rule keeps three. Fires on a data store that has backups
#   when its copy count (docs/backup-posture.md) is below 3: the live data counts as one,
#   and each source adds one: the service's automated backups, each AWS Backup vault a plan
#   writes to or copies into, each read replica, replica or replication destination, object
#   versioning, and each Velero schedule covering a volume. Stores with no backup at all are
#   BK001's.
#
#   Undecided when unknown values could add a copy.
# related_resources:
#   - ref: https://docs.aws.amazon.com/prescriptive-guidance/latest/backup-recovery/backup-recovery.pdf
#     description: AWS Prescriptive Guidance, backup and recovery approaches
#   - ref: https://www.cisa.gov/sites/default/files/publications/data_backup_options.pdf
#     description: CISA, data backup options (the 3-2-1 rule)
#   - docs/backup-posture.md
# custom:
#   id: BK004
#   severity: medium
#   pillar: backup
#   layer: 4
#   controls: [CP-9]
#   targets: [terraform, terraform-plan, kubernetes]
#   remediation: |
#     Add a backup-plan copy beside the service's own backups, so the data exists three times:
#
#     ```hcl
#     resource "aws_db_instance" "orders" {
#       # ...
#       backup_retention_period = 14 # copy 2: RDS automated backups
#     }
#
#     resource "aws_backup_selection" "orders" { # copy 3: the backup vault
#       name         = "orders"
#       plan_id      = aws_backup_plan.daily.id
#       iam_role_arn = aws_iam_role.backup.arn
#       resources    = [aws_db_instance.orders.arn]
#     }
#     ```
package tenet.backup.fewer_than_three_copies

import data.tenet.lib.backup
import rego.v1

deny contains backup.entry(store, message) if {
	some store in backup.stores
	backup.has_backup(store)
	store.copies < 3
	backup.decided(store)
	message := sprintf("%s exists in %d copies (the live data and %d backup): 3 are needed", [backup.label(store), store.copies, count(store.sources)])
}

undecided contains backup.entry(store, message) if {
	some store in backup.stores
	backup.has_backup(store)
	store.copies < 3
	not backup.decided(store)
	message := sprintf("%s has %d known copies; unknown values could add more: %s", [backup.label(store), store.copies, backup.unknowns(store)])
}
