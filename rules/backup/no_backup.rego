# METADATA
# title: Data store has no backup
# description: |
#   A data store with no backup loses its data to one bad migration, one ransomware run, one
#   `terraform destroy` or one regional outage. tenet computes each store's backup posture
#   across resources (docs/backup-posture.md) and fires when the live data is the only copy:
#   no source of any kind covers the store. Sources are the store's own settings
#   (`backup_retention_period` other than 0, the API default of 1 day when it is missing on
#   RDS, DocumentDB and Neptune; DynamoDB `point_in_time_recovery`; ElastiCache
#   `snapshot_retention_limit` above 0; Redshift automated snapshots; S3 and Cloud Storage
#   versioning; Cloud SQL `backup_configuration`; Azure SQL and PostgreSQL flexible server
#   automated backups; geo-redundant storage), AWS Backup plans whose `aws_backup_selection`
#   selects the store (by reference, ARN, `*` or `selection_tag`), an EFS backup policy,
#   read replicas, replication and global-table replicas; for Kubernetes volumes
#   (`PersistentVolumeClaim`, `StatefulSet` `volumeClaimTemplates`), a Velero `Schedule`
#   whose namespaces include the volume's.
#
#   Undecided, not a finding, when an unknown value could add a source: a setting that
#   depends on a variable without value, a backup selection by an unknown list or tag, a
#   manifest without a namespace that only some Velero schedules include.
# related_resources:
#   - ref: https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html
#     description: AWS Backup, assigning resources to a backup plan
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html
#     description: Amazon RDS, automated backups (retention 0 disables them)
#   - ref: https://velero.io/docs/main/api-types/schedule/
#     description: Velero, Schedule API type
#   - docs/backup-posture.md
# custom:
#   id: BK001
#   severity: high
#   pillar: backup
#   layer: 4
#   controls: [CP-9]
#   targets: [terraform, terraform-plan, kubernetes]
#   remediation: |
#     Turn on the service's automated backups and put the store in a backup plan, or, for a
#     Kubernetes volume, back its namespace up with a Velero schedule:
#
#     ```hcl
#     resource "aws_db_instance" "orders" {
#       # ...
#       backup_retention_period = 14
#     }
#
#     resource "aws_backup_selection" "orders" {
#       name         = "orders"
#       plan_id      = aws_backup_plan.daily.id
#       iam_role_arn = aws_iam_role.backup.arn
#       resources    = [aws_db_instance.orders.arn]
#     }
#     ```
#
#     ```yaml
#     apiVersion: velero.io/v1
#     kind: Schedule
#     metadata: {name: shop-daily, namespace: velero}
#     spec:
#       schedule: "0 3 * * *"
#       template:
#         includedNamespaces: [shop]
#         ttl: 720h0m0s
#     ```
package tenet.backup.no_backup

import data.tenet.lib.backup
import rego.v1

deny contains backup.entry(store, message) if {
	some store in backup.stores
	not backup.has_backup(store)
	backup.decided(store)
	message := sprintf("%s has no backup: its live data is the only copy", [backup.label(store)])
}

undecided contains backup.entry(store, message) if {
	some store in backup.stores
	not backup.has_backup(store)
	not backup.decided(store)
	message := sprintf("whether %s has a backup depends on unknown values: %s", [backup.label(store), backup.unknowns(store)])
}
