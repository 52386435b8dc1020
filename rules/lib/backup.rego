# The backup posture of every data store in the document, computed by tenet across resources
# (its own settings, AWS Backup plans and selections, replicas, replication, Velero schedules):
# see docs/backup-posture.md for the counting rules. Each store:
#
#   {"store": address, "type": ..., "path": [..], "copies": n, "media": n,
#    "backup_media": ["service_snapshots", ...], "off_site": true | false | null,
#    "retention_days": n | "indefinite" | null, "sources": [...], "unknown": [why, ...],
#    "verdict": "3-2-1" | "partial" | "no backup" | "undecided"}
#
# `off_site` is null when a region or account it depends on is unknown; `unknown` lists the
# unknown values that could add a copy (a selection by an unknown list, an unknown setting).
package tenet.lib.backup

import rego.v1

# Every data store's posture.
stores := object.get(input, "backup_posture", [])

# Terraform stores only (the Kubernetes ones are volumes).
terraform_stores := [store | some store in stores; not kubernetes_volume(store)]

kubernetes_volume(store) if store.type in {"PersistentVolumeClaim", "StatefulSet"}

# The store has at least one backup source besides its live data.
has_backup(store) if count(store.sources) > 0

# No unknown value could add a copy: the count is final.
decided(store) if count(store.unknown) == 0

# A readable name for messages.
label(store) := store.store

# The unknown values that keep a verdict open, for undecided messages.
unknowns(store) := concat("; ", store.unknown)

# The finding (or undecided entry) for a store: the resource and, for a StatefulSet volume
# claim template, the path to it.
entry(store, message) := {"resource": store.store, "path": store.path, "message": message}

# The shortest longest-retention accepted, in days (`tenet.toml` `[backup] min-retention-days`).
default min_retention_days := 7

min_retention_days := days if {
	days := data.tenet.config.backup.min_retention_days
	is_number(days)
	days > 0
}
