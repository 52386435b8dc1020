# METADATA
# title: All backups sit on one medium
# description: |
#   Backups on one storage system fail together: a service-wide bug, a deleted snapshot
#   set, or an account compromise that deletes "all snapshots" removes every copy. Fires on a
#   Terraform data store that has backups when all of them sit on one medium
#   (docs/backup-posture.md): only the service's own snapshots or automated backups, only
#   AWS Backup vaults, only object versions or replicas of the store itself. Media are the
#   service's snapshots, an AWS Backup vault, object storage in another bucket, archive
#   storage (S3 Glacier classes) and the store itself (versions, replicas).
#
#   Undecided when unknown values could add a source on another medium.
# related_resources:
#   - ref: https://docs.aws.amazon.com/aws-backup/latest/devguide/whatisbackup.html
#     description: AWS Backup, a vault separate from the service's own snapshots
#   - docs/backup-posture.md
# custom:
#   id: BK005
#   severity: medium
#   pillar: backup
#   layer: 4
#   controls: [CP-9]
#   targets: [terraform, terraform-plan]
#   remediation: |
#     Keep the service's own backups and add copies in an AWS Backup vault (or replicate to
#     archive storage), so that no single storage system holds every copy:
#
#     ```hcl
#     resource "aws_dynamodb_table" "orders" {
#       # ...
#       point_in_time_recovery {
#         enabled = true # medium 1: DynamoDB's own backups
#       }
#     }
#
#     resource "aws_backup_selection" "orders" { # medium 2: the backup vault
#       name         = "orders"
#       plan_id      = aws_backup_plan.daily.id
#       iam_role_arn = aws_iam_role.backup.arn
#       resources    = [aws_dynamodb_table.orders.arn]
#     }
#     ```
package tenet.backup.single_backup_medium

import data.tenet.lib.backup
import rego.v1

deny contains backup.entry(store, message) if {
	some store in backup.terraform_stores
	backup.has_backup(store)
	count(store.backup_media) < 2
	backup.decided(store)
	message := sprintf("every backup of %s sits on one medium (%s)", [backup.label(store), concat(", ", store.backup_media)])
}

undecided contains backup.entry(store, message) if {
	some store in backup.terraform_stores
	backup.has_backup(store)
	count(store.backup_media) < 2
	not backup.decided(store)
	message := sprintf("%s's known backups sit on one medium; unknown values could add another: %s", [backup.label(store), backup.unknowns(store)])
}
