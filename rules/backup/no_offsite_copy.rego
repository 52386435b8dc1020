# METADATA
# title: No backup copy is off-site
# description: |
#   Backups in the same region and account as the data share its fate: a regional outage, a
#   compromised account or a mistaken account-wide deletion takes both. Fires on a data store
#   that has backups (docs/backup-posture.md) when none of its copies is in another region or
#   another account: no cross-region or cross-account AWS Backup `copy_action`, no
#   `aws_db_instance_automated_backups_replication`, no read replica or replication to a
#   bucket in another region or account, no DynamoDB global-table replica, no geo-redundant
#   backup storage (Azure `storage_account_type = "Geo"`, Cloud SQL backups in their default
#   multi-region), and for Kubernetes volumes no Velero backup storage location outside the
#   cluster (a location served from a `.svc` address is inside it).
#
#   Region and account come from the provider configuration each resource uses (or its own
#   `region`). When one that decides the answer is unknown (a provider region from a
#   variable, a copy to a vault whose ARN is unknown, a Velero location not among the scanned
#   files), the check is reported as undecided, never as a finding.
# related_resources:
#   - ref: https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-region-backup.html
#     description: AWS Backup, creating backup copies across AWS Regions
#   - ref: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReplicateBackups.html
#     description: Amazon RDS, replicating automated backups to another Region
#   - ref: https://velero.io/docs/main/locations/
#     description: Velero, backup storage locations
#   - docs/backup-posture.md
# custom:
#   id: BK003
#   severity: high
#   pillar: backup
#   layer: 4
#   controls: [CP-6, CP-9]
#   targets: [terraform, terraform-plan, kubernetes]
#   remediation: |
#     Copy every backup into a vault in another region (or account), through a second
#     provider configuration:
#
#     ```hcl
#     provider "aws" {
#       alias  = "dr"
#       region = "eu-central-1"
#     }
#
#     resource "aws_backup_vault" "dr" {
#       provider = aws.dr
#       name     = "dr"
#     }
#
#     resource "aws_backup_plan" "daily" {
#       name = "daily"
#       rule {
#         rule_name         = "daily"
#         target_vault_name = aws_backup_vault.main.name
#         schedule          = "cron(0 3 * * ? *)"
#         copy_action {
#           destination_vault_arn = aws_backup_vault.dr.arn
#         }
#       }
#     }
#     ```
package tenet.backup.no_offsite_copy

import data.tenet.lib.backup
import rego.v1

deny contains backup.entry(store, message) if {
	some store in backup.stores
	backup.has_backup(store)
	store.off_site == false
	backup.decided(store)
	message := sprintf("%s has %d backup source(s), all in its own region and account: none is off-site", [backup.label(store), count(store.sources)])
}

undecided contains backup.entry(store, message) if {
	some store in backup.stores
	backup.has_backup(store)
	store.off_site == null
	message := sprintf("whether any backup of %s is off-site depends on a region or account tenet cannot know statically", [backup.label(store)])
}

undecided contains backup.entry(store, message) if {
	some store in backup.stores
	backup.has_backup(store)
	store.off_site == false
	not backup.decided(store)
	message := sprintf("no known backup of %s is off-site, and unknown values could add one: %s", [backup.label(store), backup.unknowns(store)])
}
