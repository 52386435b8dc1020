//! AWS data stores: their own backup settings, replicas and replication, and AWS Backup plans
//! that select them by reference, ARN or tag.

use std::collections::HashMap;

use serde_json::Value;

use super::terraform::{Location, Module, Read, blocks, read};
use super::{Draft, Medium, Retention, Source};
use crate::ir::Resource;

/// RDS-like stores whose automated backups default to one day when
/// `backup_retention_period` is not set (the API default).
const RETENTION_PERIOD_STORES: [&str; 4] = [
    "aws_db_instance",
    "aws_rds_cluster",
    "aws_docdb_cluster",
    "aws_neptune_cluster",
];

/// Every AWS data store type the posture covers.
pub(super) const STORES: [&str; 13] = [
    "aws_db_instance",
    "aws_rds_cluster",
    "aws_docdb_cluster",
    "aws_neptune_cluster",
    "aws_dynamodb_table",
    "aws_s3_bucket",
    "aws_efs_file_system",
    "aws_ebs_volume",
    "aws_elasticache_replication_group",
    "aws_redshift_cluster",
    "aws_fsx_lustre_file_system",
    "aws_fsx_windows_file_system",
    "aws_fsx_ontap_file_system",
];

fn is_store(resource_type: &str) -> bool {
    STORES.contains(&resource_type) || resource_type == "aws_fsx_openzfs_file_system"
}

/// The sources a store configures itself (and its replicas), or `None` when `resource` is
/// not an AWS data store (or is a replica, counted as a copy of its primary).
pub(super) fn own_sources(
    module: &Module<'_>,
    index: &Index<'_>,
    store: &Resource,
) -> Option<Draft> {
    let kind = store.resource_type.as_str();
    if !is_store(kind) || is_replica(index, store) {
        return None;
    }
    let mut draft = Draft::default();
    if RETENTION_PERIOD_STORES.contains(&kind) {
        retention_period(module, store, "backup_retention_period", 1, &mut draft);
        replicas(module, store, &mut draft);
    }
    match kind {
        "aws_dynamodb_table" => dynamodb(module, store, &mut draft),
        "aws_s3_bucket" => s3(module, index, store, &mut draft),
        "aws_efs_file_system" => efs(module, store, &mut draft),
        "aws_elasticache_replication_group" => {
            retention_period(module, store, "snapshot_retention_limit", 0, &mut draft);
        }
        "aws_redshift_cluster" => redshift(module, store, &mut draft),
        "aws_ebs_volume" => index
            .snapshot_policies
            .add_sources(module, store, &mut draft),
        "aws_fsx_windows_file_system" => {
            retention_period(
                module,
                store,
                "automatic_backup_retention_days",
                7,
                &mut draft,
            );
        }
        "aws_fsx_lustre_file_system" => {
            retention_period(
                module,
                store,
                "automatic_backup_retention_days",
                0,
                &mut draft,
            );
        }
        "aws_fsx_ontap_file_system" | "aws_fsx_openzfs_file_system" => {
            match read(store, "automatic_backup_retention_days") {
                Read::Unset => draft.unknown.push(format!(
                    "{}: `automatic_backup_retention_days` is not set; its default is not documented by the provider",
                    store.address
                )),
                _ => retention_period(
                    module,
                    store,
                    "automatic_backup_retention_days",
                    0,
                    &mut draft,
                ),
            }
        }
        _ => {}
    }
    Some(draft)
}

/// A read replica or a replication destination bucket holds a copy of another store's data:
/// it is a source of that store, not a store of its own.
fn is_replica(index: &Index<'_>, store: &Resource) -> bool {
    let set = |path| !read(store, path).is_unset() || store.references.contains_key(path);
    match store.resource_type.as_str() {
        "aws_db_instance" => set("replicate_source_db"),
        "aws_rds_cluster" => set("replication_source_identifier"),
        "aws_s3_bucket" => index.replica_buckets.contains(store.address.as_str()),
        _ => false,
    }
}

/// Every S3 replication rule of the module: (the resource holding it, the rule's path, the
/// bucket it replicates).
fn replication_rules<'d>(module: &Module<'d>) -> Vec<(&'d Resource, String, &'d Resource)> {
    let mut rules = Vec::new();
    for bucket in module.of_type("aws_s3_bucket") {
        for (path, _) in blocks(bucket, "replication_configuration[0].rules") {
            rules.push((*bucket, path, *bucket));
        }
    }
    for replication in module.of_type("aws_s3_bucket_replication_configuration") {
        let source = module.targets(replication, "bucket");
        let source = source.first().copied().or_else(|| {
            read(replication, "bucket")
                .as_str()
                .and_then(|name| module.named("aws_s3_bucket", "bucket", name))
        });
        if let Some(source) = source {
            for (path, _) in blocks(replication, "rule") {
                rules.push((*replication, path, source));
            }
        }
    }
    rules
}

/// The bucket a replication rule's `destination` names: by reference, else by the bucket
/// name in its ARN (`arn:aws:s3:::name`).
fn destination_bucket<'d>(
    module: &Module<'d>,
    holder: &Resource,
    destination: &str,
) -> Option<&'d Resource> {
    let bucket = format!("{destination}.bucket");
    module
        .targets(holder, &bucket)
        .first()
        .copied()
        .or_else(|| {
            read(holder, &bucket)
                .as_str()
                .and_then(|arn| arn.strip_prefix("arn:aws:s3:::"))
                .and_then(|name| module.named("aws_s3_bucket", "bucket", name))
        })
}

/// The service's automated backups, kept `attribute` days (`default_days` when not set).
fn retention_period(
    module: &Module<'_>,
    store: &Resource,
    attribute: &str,
    default_days: u64,
    draft: &mut Draft,
) {
    let (days, note) = match read(store, attribute) {
        Read::Unknown => {
            draft
                .unknown
                .push(format!("{}: `{attribute}` is unknown", store.address));
            return;
        }
        Read::Unset => (default_days, " (the default when not set)"),
        value => match value.as_u64() {
            Some(days) => (days, ""),
            None => return,
        },
    };
    if days > 0 {
        draft.sources.push(module.source(
            format!("automated backups, {attribute} = {days}{note}"),
            store,
            Medium::ServiceSnapshots,
            Some(false),
            Some(Retention::Days(days)),
        ));
    }
}

/// Read replicas and cross-region automated-backup replication of an RDS store.
fn replicas(module: &Module<'_>, store: &Resource, draft: &mut Draft) {
    let here = module.location(store);
    let (replica_type, attribute) = match store.resource_type.as_str() {
        "aws_db_instance" => ("aws_db_instance", "replicate_source_db"),
        "aws_rds_cluster" => ("aws_rds_cluster", "replication_source_identifier"),
        _ => return,
    };
    for replica in module.referring(store, replica_type, attribute) {
        draft.add_replica(module.source(
            "read replica".to_string(),
            replica,
            Medium::Store,
            here.off_site(&module.location(replica)),
            None,
        ));
    }
    if store.resource_type == "aws_db_instance" {
        for replication in module.referring(
            store,
            "aws_db_instance_automated_backups_replication",
            "source_db_instance_arn",
        ) {
            let days = read(replication, "retention_period").as_u64().unwrap_or(7);
            // The API replicates automated backups to another region only.
            draft.sources.push(module.source(
                format!("automated backups replicated to another region ({days} days)"),
                replication,
                Medium::ServiceSnapshots,
                Some(here.off_site(&module.location(replication)) != Some(false)),
                Some(Retention::Days(days)),
            ));
        }
    }
}

fn dynamodb(module: &Module<'_>, table: &Resource, draft: &mut Draft) {
    match read(table, "point_in_time_recovery[0].enabled") {
        Read::Unknown => draft.unknown.push(format!(
            "{}: `point_in_time_recovery.enabled` is unknown",
            table.address
        )),
        value if value.as_bool() == Some(true) => {
            let days = read(table, "point_in_time_recovery[0].recovery_period_in_days")
                .as_u64()
                .unwrap_or(35);
            draft.sources.push(module.source(
                format!("point-in-time recovery ({days} days)"),
                table,
                Medium::ServiceSnapshots,
                Some(false),
                Some(Retention::Days(days)),
            ));
        }
        _ => {}
    }
    // Global-table replicas live in other regions by definition.
    for (path, _) in blocks(table, "replica") {
        let region = read(table, &format!("{path}.region_name")).as_str();
        draft.sources.push(module.source(
            format!(
                "global table replica in {}",
                region.unwrap_or("another region")
            ),
            table,
            Medium::Store,
            Some(true),
            None,
        ));
    }
    if read(table, "replica").is_unknown() {
        draft
            .unknown
            .push(format!("{}: `replica` is unknown", table.address));
    }
    for replica in module.referring(table, "aws_dynamodb_table_replica", "global_table_arn") {
        draft.sources.push(module.source(
            "global table replica".to_string(),
            replica,
            Medium::Store,
            Some(true),
            None,
        ));
    }
}

fn s3(module: &Module<'_>, index: &Index<'_>, bucket: &Resource, draft: &mut Draft) {
    let here = module.location(bucket);
    // Versioning keeps overwritten and deleted objects in the bucket itself.
    let mut versioned = read(bucket, "versioning[0].enabled").as_bool() == Some(true);
    let mut versioning_unknown = read(bucket, "versioning[0].enabled").is_unknown();
    for versioning in index.bucket_settings(module, bucket, "aws_s3_bucket_versioning") {
        match read(versioning, "versioning_configuration[0].status") {
            Read::Set(Value::String(status)) if status == "Enabled" => versioned = true,
            Read::Unknown => versioning_unknown = true,
            _ => {}
        }
    }
    if versioned {
        draft.sources.push(module.source(
            "object versions".to_string(),
            bucket,
            Medium::Store,
            Some(false),
            Some(noncurrent_retention(module, index, bucket)),
        ));
    } else if versioning_unknown {
        draft.unknown.push(format!(
            "{}: whether versioning is enabled is unknown",
            bucket.address
        ));
    }
    let rules = index
        .replication
        .get(bucket.address.as_str())
        .map_or(&[][..], Vec::as_slice);
    for (holder, rule) in rules {
        let holder: &Resource = holder;
        match read(holder, &format!("{rule}.status")).as_str() {
            Some("Enabled") => {}
            Some(_) => continue,
            None => {
                draft.unknown.push(format!(
                    "{}: the status of replication rule `{rule}` is unknown",
                    holder.address
                ));
                continue;
            }
        }
        let destination = format!("{rule}.destination[0]");
        let class = read(holder, &format!("{destination}.storage_class")).as_str();
        let medium = match class {
            Some("GLACIER" | "DEEP_ARCHIVE" | "GLACIER_IR") => Medium::ArchiveStorage,
            _ => Medium::ObjectStorage,
        };
        let target = destination_bucket(module, holder, &destination);
        let account = read(holder, &format!("{destination}.account")).as_str();
        let off_site = match target {
            Some(target) => here.off_site(&module.location(target)),
            None => match account {
                Some(account) if here.account.as_deref().is_some_and(|a| a != account) => {
                    Some(true)
                }
                _ => None,
            },
        };
        let named = target.map_or_else(|| "a bucket".to_string(), |t| t.address.clone());
        draft.add_replica(module.source(
            format!(
                "replication to {named}{}",
                class.map(|c| format!(" ({c})")).unwrap_or_default()
            ),
            holder,
            medium,
            off_site,
            None,
        ));
    }
}

/// How long versioning keeps old versions: the shortest `noncurrent_version_expiration` of an
/// enabled lifecycle rule, else indefinitely.
fn noncurrent_retention(module: &Module<'_>, index: &Index<'_>, bucket: &Resource) -> Retention {
    let mut shortest: Option<u64> = None;
    let lifecycles = index.bucket_settings(module, bucket, "aws_s3_bucket_lifecycle_configuration");
    let rules = blocks(bucket, "lifecycle_rule")
        .into_iter()
        .map(|(path, _)| {
            (
                bucket,
                format!("{path}.enabled"),
                format!("{path}.noncurrent_version_expiration[0].days"),
            )
        })
        .chain(lifecycles.into_iter().flat_map(|lifecycle| {
            blocks(lifecycle, "rule").into_iter().map(move |(path, _)| {
                (
                    lifecycle,
                    format!("{path}.status"),
                    format!("{path}.noncurrent_version_expiration[0].noncurrent_days"),
                )
            })
        }));
    for (holder, status, days) in rules {
        let enabled = match read(holder, &status) {
            Read::Set(Value::Bool(b)) => *b,
            Read::Set(Value::String(s)) => s == "Enabled" || s == "true",
            _ => false,
        };
        if let (true, Some(days)) = (enabled, read(holder, &days).as_u64()) {
            shortest = Some(shortest.map_or(days, |s| s.min(days)));
        }
    }
    shortest.map_or(Retention::Indefinite, Retention::Days)
}

fn efs(module: &Module<'_>, file_system: &Resource, draft: &mut Draft) {
    let here = module.location(file_system);
    for policy in module.referring(file_system, "aws_efs_backup_policy", "file_system_id") {
        match read(policy, "backup_policy[0].status").as_str() {
            Some("ENABLED") => draft.sources.push(module.source(
                "automatic backups to AWS Backup (35 days)".to_string(),
                policy,
                Medium::BackupVault,
                Some(false),
                Some(Retention::Days(35)),
            )),
            Some(_) => {}
            None => draft.unknown.push(format!(
                "{}: the backup policy status is unknown",
                policy.address
            )),
        }
    }
    for replication in module.referring(
        file_system,
        "aws_efs_replication_configuration",
        "source_file_system_id",
    ) {
        let off_site = match read(replication, "destination[0].region") {
            Read::Set(Value::String(region)) => here.region.as_ref().map(|own| own != region),
            Read::Unset => Some(false),
            _ => None,
        };
        draft.add_replica(module.source(
            "replica file system".to_string(),
            replication,
            Medium::Store,
            off_site,
            None,
        ));
    }
}

fn redshift(module: &Module<'_>, cluster: &Resource, draft: &mut Draft) {
    retention_period(
        module,
        cluster,
        "automated_snapshot_retention_period",
        1,
        draft,
    );
    let here = module.location(cluster);
    let mut copies: Vec<(&Resource, String)> = blocks(cluster, "snapshot_copy")
        .into_iter()
        .map(|(path, _)| (cluster, path))
        .collect();
    for copy in module.referring(cluster, "aws_redshift_snapshot_copy", "cluster_identifier") {
        copies.push((copy, String::new()));
    }
    for (holder, path) in copies {
        let field = |name: &str| {
            if path.is_empty() {
                name.to_string()
            } else {
                format!("{path}.{name}")
            }
        };
        let region = read(holder, &field("destination_region")).as_str();
        let days = read(holder, &field("retention_period"))
            .as_u64()
            .unwrap_or(7);
        let off_site = match (region, &here.region) {
            (Some(to), Some(from)) => Some(to != from),
            _ => None,
        };
        draft.sources.push(module.source(
            format!(
                "snapshot copy to {} ({days} days)",
                region.unwrap_or("another region")
            ),
            holder,
            Medium::ServiceSnapshots,
            off_site,
            Some(Retention::Days(days)),
        ));
    }
}

/// What AWS stores share, found once per module: backup selections, and S3 replication rules
/// by source bucket and the buckets they replicate into.
pub(super) struct Index<'d> {
    selections: Selections<'d>,
    snapshot_policies: SnapshotPolicies<'d>,
    /// Source bucket address → (resource holding the rule, rule path).
    replication: HashMap<&'d str, Vec<(&'d Resource, String)>>,
    /// Buckets that are a replication destination: copies, not stores.
    replica_buckets: std::collections::HashSet<&'d str>,
    /// Bucket-level resources (`aws_s3_bucket_versioning`, `…_lifecycle_configuration`) by
    /// (type, bucket name written as text).
    by_bucket_name: HashMap<(&'d str, &'d str), Vec<&'d Resource>>,
}

/// Resources that configure a bucket through its `bucket` argument.
const BUCKET_SETTINGS: [&str; 2] = [
    "aws_s3_bucket_versioning",
    "aws_s3_bucket_lifecycle_configuration",
];

impl<'d> Index<'d> {
    pub fn new(module: &Module<'d>) -> Index<'d> {
        let mut replication: HashMap<&str, Vec<(&Resource, String)>> = HashMap::new();
        let mut replica_buckets = std::collections::HashSet::new();
        for (holder, rule, source) in replication_rules(module) {
            if let Some(destination) =
                destination_bucket(module, holder, &format!("{rule}.destination[0]"))
            {
                replica_buckets.insert(destination.address.as_str());
            }
            replication
                .entry(source.address.as_str())
                .or_default()
                .push((holder, rule));
        }
        let mut by_bucket_name: HashMap<(&str, &str), Vec<&Resource>> = HashMap::new();
        for kind in BUCKET_SETTINGS {
            for setting in module.of_type(kind) {
                if let Some(name) = setting.attributes.get("bucket").and_then(Value::as_str) {
                    by_bucket_name
                        .entry((kind, name))
                        .or_default()
                        .push(*setting);
                }
            }
        }
        Index {
            selections: Selections::new(module),
            snapshot_policies: SnapshotPolicies::new(module),
            replication,
            replica_buckets,
            by_bucket_name,
        }
    }

    /// The `kind` resources that configure `bucket`: by reference, or by its name as text.
    fn bucket_settings<'m>(
        &self,
        module: &Module<'m>,
        bucket: &Resource,
        kind: &'static str,
    ) -> Vec<&'m Resource>
    where
        'd: 'm,
    {
        let mut found = module.referring(bucket, kind, "bucket");
        if let Some(name) = bucket.attributes.get("bucket").and_then(Value::as_str) {
            for setting in self.by_bucket_name.get(&(kind, name)).into_iter().flatten() {
                if !found.iter().any(|f| f.address == setting.address) {
                    found.push(setting);
                }
            }
        }
        found
    }

    /// Adds the vault copies of every plan whose selection covers `store`, or an unknown when
    /// a selection might.
    pub fn add_plan_sources(&self, module: &Module<'_>, store: &Resource, draft: &mut Draft) {
        if !is_store(&store.resource_type) || self.selections.all.is_empty() {
            return;
        }
        let mut copies: HashMap<String, Source> = HashMap::new();
        for index in self.selections.candidates(module, store) {
            let Some(selection) = self.selections.all.get(index) else {
                continue;
            };
            match selection.covers(module, store) {
                Some(true) => {}
                Some(false) => continue,
                None => {
                    draft.unknown.push(format!(
                        "{}: whether it selects {} is unknown",
                        selection.resource.address, store.address
                    ));
                    continue;
                }
            }
            plan_copies(module, selection.resource, store, &mut copies);
        }
        let mut copies: Vec<Source> = copies.into_values().collect();
        copies.sort_by(|a, b| (&a.resource, &a.kind).cmp(&(&b.resource, &b.kind)));
        draft.sources.extend(copies);
    }
}

/// Every `aws_backup_selection` of the module, read once and indexed, so that each store is
/// checked only against the selections that may select it: those that refer to it, those
/// whose `selection_tag` one of its tags matches, and the few that select by ARN pattern or
/// by unknown values. The posture stays linear in stores and selections.
struct Selections<'d> {
    all: Vec<Selection<'d>>,
    by_reference: HashMap<&'d str, Vec<usize>>,
    by_tag: HashMap<(&'d str, &'d str), Vec<usize>>,
    /// Selections with a known `selection_tag`: candidates of a store whose tags are unknown.
    tagged: Vec<usize>,
    /// Selections by ARN or `*`, or with unknown `resources` or tags: candidates of every store.
    broad: Vec<usize>,
}

/// One `aws_backup_selection`, read once.
struct Selection<'d> {
    resource: &'d Resource,
    /// Stores `not_resources` refers to.
    excluded: Vec<&'d str>,
    /// Stores `resources` refers to.
    referenced: Vec<&'d str>,
    /// ARNs (or `*`) written as text in `resources`.
    arns: Vec<&'d str>,
    /// `selection_tag` blocks: the key and value, or `None` when either is unknown.
    tags: Vec<Option<(&'d str, &'d str)>>,
    /// `resources` or `selection_tag` holds values unknown statically.
    unknown: bool,
    /// `condition` tests every selected resource must pass as well; `None` for one with an
    /// unknown operator, key or value.
    conditions: Vec<Option<Condition<'d>>>,
}

/// One test of a selection's `condition` block on a resource tag (`aws:ResourceTag/<key>`).
struct Condition<'d> {
    operator: &'d str,
    tag: &'d str,
    value: &'d str,
}

impl<'d> Selections<'d> {
    fn new(module: &Module<'d>) -> Self {
        let mut index = Selections {
            all: Vec::new(),
            by_reference: HashMap::new(),
            by_tag: HashMap::new(),
            tagged: Vec::new(),
            broad: Vec::new(),
        };
        for (n, resource) in module.of_type("aws_backup_selection").iter().enumerate() {
            let selection = Selection::new(module, resource);
            for address in &selection.referenced {
                index.by_reference.entry(address).or_default().push(n);
            }
            for (key, value) in selection.tags.iter().flatten() {
                index.by_tag.entry((key, value)).or_default().push(n);
            }
            if selection.tags.iter().any(Option::is_some) {
                index.tagged.push(n);
            }
            if !selection.arns.is_empty()
                || selection.unknown
                || selection.tags.iter().any(Option::is_none)
            {
                index.broad.push(n);
            }
            index.all.push(selection);
        }
        index
    }

    /// The selections that may select `store`, in the module's order.
    fn candidates(&self, module: &Module<'_>, store: &Resource) -> Vec<usize> {
        let mut found: Vec<usize> = self.broad.clone();
        if let Some(list) = self.by_reference.get(store.address.as_str()) {
            found.extend(list);
        }
        let tags = store_tags(module, store);
        if tags.unknown {
            found.extend(&self.tagged);
        }
        for (key, value) in &tags.known {
            if let Some(list) = self.by_tag.get(&(key.as_str(), value.as_str())) {
                found.extend(list);
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

impl<'d> Selection<'d> {
    fn new(module: &Module<'d>, resource: &'d Resource) -> Self {
        let addresses = |attribute| -> Vec<&'d str> {
            module
                .targets(resource, attribute)
                .into_iter()
                .map(|r| r.address.as_str())
                .collect()
        };
        let referenced = addresses("resources");
        let mut arns = Vec::new();
        let mut unknown = false;
        match read(resource, "resources") {
            Read::Set(Value::Array(items)) => {
                for item in items {
                    match item {
                        Value::String(arn) => arns.push(arn.as_str()),
                        // An element from a reference to another resource is not a store
                        // this selection reaches by text.
                        Value::Null if referenced.is_empty() => unknown = true,
                        _ => {}
                    }
                }
            }
            Read::Unknown if referenced.is_empty() => unknown = true,
            _ => {}
        }
        let tags = blocks(resource, "selection_tag")
            .into_iter()
            .map(|(path, _)| {
                let key = read(resource, &format!("{path}.key")).as_str();
                let value = read(resource, &format!("{path}.value")).as_str();
                key.zip(value)
            })
            .collect();
        if read(resource, "selection_tag").is_unknown() {
            unknown = true;
        }
        let mut conditions = Vec::new();
        for (block, _) in blocks(resource, "condition") {
            for operator in [
                "string_equals",
                "string_not_equals",
                "string_like",
                "string_not_like",
            ] {
                for (test, _) in blocks(resource, &format!("{block}.{operator}")) {
                    let key = read(resource, &format!("{test}.key")).as_str();
                    let value = read(resource, &format!("{test}.value")).as_str();
                    conditions.push(key.zip(value).and_then(|(key, value)| {
                        Some(Condition {
                            operator,
                            tag: key.strip_prefix("aws:ResourceTag/")?,
                            value,
                        })
                    }));
                }
                if read(resource, &format!("{block}.{operator}")).is_unknown() {
                    conditions.push(None);
                }
            }
        }
        if read(resource, "condition").is_unknown() {
            conditions.push(None);
        }
        Selection {
            resource,
            excluded: addresses("not_resources"),
            referenced,
            arns,
            tags,
            unknown,
            conditions,
        }
    }

    /// Whether `store` passes every `condition` test; `None` when that depends on unknown
    /// values.
    fn conditions_hold(&self, module: &Module<'_>, store: &Resource) -> Option<bool> {
        let mut unknown = false;
        for condition in &self.conditions {
            let Some(condition) = condition else {
                unknown = true;
                continue;
            };
            let tag = match store_tag(module, store, condition.tag) {
                Read::Set(Value::String(tag)) => Some(tag.as_str()),
                Read::Unknown => {
                    unknown = true;
                    continue;
                }
                _ => None,
            };
            let like = match tag {
                Some(tag) => wildcard_match(condition.value, tag),
                None => Some(false),
            };
            let holds = match condition.operator {
                "string_equals" => Some(tag == Some(condition.value)),
                "string_not_equals" => Some(tag != Some(condition.value)),
                "string_like" => like,
                _ => like.map(|like| !like),
            };
            match holds {
                Some(true) => {}
                Some(false) => return Some(false),
                None => unknown = true,
            }
        }
        if unknown { None } else { Some(true) }
    }

    /// Whether this selection selects `store`: by reference or ARN in `resources`, or by a
    /// `selection_tag` (the store's own tags, else its provider's `default_tags`); `None` when
    /// that depends on unknown values.
    fn covers(&self, module: &Module<'_>, store: &Resource) -> Option<bool> {
        let address = store.address.as_str();
        if self.excluded.contains(&address) {
            return Some(false);
        }
        // A backup plan protects resources of its own region and account only.
        let elsewhere = module
            .location(self.resource)
            .off_site(&module.location(store));
        if elsewhere == Some(true) {
            return Some(false);
        }
        let selected = self.selects(module, store)?;
        if selected && elsewhere.is_none() {
            return None;
        }
        Some(selected)
    }

    /// Whether the selection's resources, tags and conditions pick `store`, wherever it is.
    fn selects(&self, module: &Module<'_>, store: &Resource) -> Option<bool> {
        let address = store.address.as_str();
        if self.referenced.contains(&address) || self.arns.iter().any(|arn| arn_selects(arn, store))
        {
            return self.conditions_hold(module, store);
        }
        let mut unknown = self.unknown;
        for tag in &self.tags {
            let Some((key, value)) = tag else {
                unknown = true;
                continue;
            };
            match store_tag(module, store, key) {
                Read::Set(Value::String(tag)) if tag == value => {
                    return self.conditions_hold(module, store);
                }
                Read::Unknown => unknown = true,
                _ => {}
            }
        }
        if unknown { None } else { Some(false) }
    }
}

/// The tags of a store as a selection sees them: its own `tags` over its provider's
/// `default_tags` (and, in a plan, `tags_all`, which holds both).
struct StoreTags {
    known: Vec<(String, String)>,
    /// Some tag may be unknown statically.
    unknown: bool,
}

fn store_tags(module: &Module<'_>, store: &Resource) -> StoreTags {
    let mut tags = StoreTags {
        known: Vec::new(),
        unknown: false,
    };
    for source in tag_sources(module, store) {
        match source {
            Read::Set(Value::Object(map)) => {
                for (key, value) in map {
                    match value {
                        Value::String(value) => tags.known.push((key.clone(), value.clone())),
                        Value::Null => tags.unknown = true,
                        _ => {}
                    }
                }
            }
            Read::Unknown => tags.unknown = true,
            _ => {}
        }
    }
    tags
}

/// The value of the tag `key` on `store`, from the first of its tag sources that has it; unknown
/// when a source before that one is unknown.
fn store_tag<'a>(module: &Module<'a>, store: &'a Resource, key: &str) -> Read<'a> {
    for source in tag_sources(module, store) {
        match source {
            Read::Unknown => return Read::Unknown,
            Read::Set(Value::Object(map)) => match map.get(key) {
                Some(Value::Null) => return Read::Unknown,
                Some(value) => return Read::Set(value),
                None => {}
            },
            _ => {}
        }
    }
    Read::Unset
}

/// Where a store's tags come from, first wins: its own `tags`, a plan's `tags_all`, its
/// provider's `default_tags`.
fn tag_sources<'a>(module: &Module<'a>, store: &'a Resource) -> [Read<'a>; 3] {
    [
        read(store, "tags"),
        read(store, "tags_all"),
        module.default_tags(store),
    ]
}

/// The EBS snapshot policies of the module (`aws_dlm_lifecycle_policy` of volumes), indexed by
/// the target tags that pick volumes: a volume is checked only against the policies one of its
/// tags names (and those whose targets are unknown).
struct SnapshotPolicies<'d> {
    all: Vec<&'d Resource>,
    by_tag: HashMap<(&'d str, &'d str), Vec<usize>>,
    /// Enabled volume policies whose target tags are unknown: they may pick any volume.
    unknown: Vec<usize>,
}

impl<'d> SnapshotPolicies<'d> {
    fn new(module: &Module<'d>) -> Self {
        let mut index = SnapshotPolicies {
            all: Vec::new(),
            by_tag: HashMap::new(),
            unknown: Vec::new(),
        };
        for policy in module.of_type("aws_dlm_lifecycle_policy") {
            if !snapshots_volumes(policy) {
                continue;
            }
            let n = index.all.len();
            match read(policy, "policy_details[0].target_tags") {
                Read::Set(Value::Object(tags)) => {
                    for (key, value) in tags {
                        match value {
                            Value::String(value) => index
                                .by_tag
                                .entry((key.as_str(), value.as_str()))
                                .or_default()
                                .push(n),
                            _ => index.unknown.push(n),
                        }
                    }
                }
                Read::Unknown => index.unknown.push(n),
                _ => continue,
            }
            index.all.push(policy);
        }
        index
    }

    /// The snapshots of `volume` the policies take: one copy per policy that targets one of its
    /// tags (the longest retention of its schedules), and one per region its schedules copy
    /// snapshots into.
    fn add_sources(&self, module: &Module<'_>, volume: &Resource, draft: &mut Draft) {
        if self.all.is_empty() {
            return;
        }
        let tags = store_tags(module, volume);
        let mut matched: Vec<usize> = Vec::new();
        let mut maybe: Vec<usize> = self.unknown.clone();
        for (key, value) in &tags.known {
            if let Some(list) = self.by_tag.get(&(key.as_str(), value.as_str())) {
                matched.extend(list);
            }
        }
        if tags.unknown {
            maybe.extend(0..self.all.len());
        }
        matched.sort_unstable();
        matched.dedup();
        maybe.retain(|n| !matched.contains(n));
        maybe.sort_unstable();
        maybe.dedup();
        for n in maybe {
            if let Some(policy) = self.all.get(n) {
                draft.unknown.push(format!(
                    "{}: whether it snapshots {} is unknown",
                    policy.address, volume.address
                ));
            }
        }
        let here = module.location(volume);
        for policy in matched.iter().filter_map(|&n| self.all.get(n)) {
            if blocks(policy, "policy_details[0].schedule").is_empty() {
                continue; // takes no snapshot
            }
            // A policy snapshots volumes of its own region and account only.
            match module.location(policy).off_site(&here) {
                Some(false) => {}
                Some(true) => continue,
                None => {
                    draft.unknown.push(format!(
                        "{}: whether it is in the region and account of {} is unknown",
                        policy.address, volume.address
                    ));
                    continue;
                }
            }
            let mut retention: Option<Retention> = Some(Retention::Days(0));
            let mut regions: Vec<(Option<String>, Option<Retention>)> = Vec::new();
            for (schedule, _) in blocks(policy, "policy_details[0].schedule") {
                retention = longest(retention, snapshot_retention(policy, &schedule));
                for (rule, _) in blocks(policy, &format!("{schedule}.cross_region_copy_rule")) {
                    let target = match read(policy, &format!("{rule}.target")) {
                        Read::Set(Value::String(region)) => Some(region.clone()),
                        Read::Unset => read(policy, &format!("{rule}.target_region"))
                            .as_str()
                            .map(str::to_string),
                        _ => None,
                    };
                    let kept = interval_days(policy, &format!("{rule}.retain_rule[0]"));
                    regions.push((target, kept));
                }
            }
            draft.sources.push(module.source(
                "EBS snapshots (Data Lifecycle Manager)".to_string(),
                policy,
                Medium::ServiceSnapshots,
                Some(false),
                retention,
            ));
            for (region, kept) in regions {
                let off_site = match (&region, &here.region) {
                    (Some(target), Some(own)) => Some(target != own),
                    _ => None,
                };
                draft.add_replica(module.source(
                    format!(
                        "EBS snapshot copies in {} (Data Lifecycle Manager)",
                        region.as_deref().unwrap_or("an unknown region")
                    ),
                    policy,
                    Medium::ServiceSnapshots,
                    off_site,
                    kept.or(Some(Retention::Indefinite)),
                ));
            }
        }
    }
}

/// An enabled Data Lifecycle Manager policy that snapshots EBS volumes.
fn snapshots_volumes(policy: &Resource) -> bool {
    let enabled = read(policy, "state").as_str() != Some("DISABLED");
    let snapshots = match read(policy, "policy_details[0].policy_type") {
        Read::Unset => true,
        kind => kind.as_str() == Some("EBS_SNAPSHOT_MANAGEMENT"),
    };
    let volumes = match read(policy, "policy_details[0].resource_types") {
        Read::Set(Value::Array(types)) => types.iter().any(|t| t.as_str() == Some("VOLUME")),
        _ => false,
    };
    enabled && snapshots && volumes
}

/// How long a schedule keeps its snapshots: `retain_rule` by age (`interval` and
/// `interval_unit`), or by `count` of snapshots taken every `create_rule` `interval` hours;
/// `None` when that cannot be told in days (a `cron_expression`, unknown values).
fn snapshot_retention(policy: &Resource, schedule: &str) -> Option<Retention> {
    let retain = format!("{schedule}.retain_rule[0]");
    match read(policy, &format!("{retain}.count")) {
        Read::Unset => interval_days(policy, &retain),
        count => {
            let count = count.as_u64()?;
            let every = read(policy, &format!("{schedule}.create_rule[0].interval")).as_u64()?;
            let unit = read(policy, &format!("{schedule}.create_rule[0].interval_unit"));
            if unit.is_unknown() || !matches!(unit.as_str(), None | Some("HOURS")) {
                return None;
            }
            Some(Retention::Days(count.saturating_mul(every).div_ceil(24)))
        }
    }
}

/// A `retain_rule` by age in days: `interval` times its `interval_unit`.
fn interval_days(policy: &Resource, rule: &str) -> Option<Retention> {
    let interval = read(policy, &format!("{rule}.interval")).as_u64()?;
    let days = match read(policy, &format!("{rule}.interval_unit")).as_str()? {
        "DAYS" => 1,
        "WEEKS" => 7,
        "MONTHS" => 30,
        "YEARS" => 365,
        _ => return None,
    };
    Some(Retention::Days(interval.saturating_mul(days)))
}

/// The longer of two retentions; unknown when either is.
fn longest(a: Option<Retention>, b: Option<Retention>) -> Option<Retention> {
    match (a?, b?) {
        (Retention::Indefinite, _) | (_, Retention::Indefinite) => Some(Retention::Indefinite),
        (Retention::Days(a), Retention::Days(b)) => Some(Retention::Days(a.max(b))),
    }
}

/// `StringLike` matching: `*` matches any run of characters, `?` any one character. `None`
/// for a pattern or value longer than AWS allows in a tag (256 characters), which keeps the
/// O(pattern × value) matching bounded on hostile input.
fn wildcard_match(pattern: &str, text: &str) -> Option<bool> {
    const LONGEST: usize = 256;
    let text: Vec<char> = text.chars().collect();
    if text.len() > LONGEST || pattern.chars().count() > LONGEST {
        return None;
    }
    // `row[j]`: whether the pattern read so far matches the first `j` characters.
    let mut row = vec![false; text.len() + 1];
    if let Some(first) = row.first_mut() {
        *first = true;
    }
    for p in pattern.chars() {
        let mut next = Vec::with_capacity(row.len());
        next.push(p == '*' && row.first() == Some(&true));
        for (j, c) in text.iter().enumerate() {
            let before = next.last().copied().unwrap_or(false);
            let above = row.get(j + 1).copied().unwrap_or(false);
            let diagonal = row.get(j).copied().unwrap_or(false);
            next.push(match p {
                '*' => before || above,
                '?' => diagonal,
                _ => diagonal && *c == p,
            });
        }
        row = next;
    }
    Some(row.last().copied().unwrap_or(false))
}

/// Whether an ARN (or `*`) written in a selection's `resources` selects `store`.
fn arn_selects(arn: &str, store: &Resource) -> bool {
    if arn == "*" {
        return true;
    }
    let mut parts = arn.splitn(6, ':');
    let (Some("arn"), Some(_), Some(service), Some(_), Some(_), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return false;
    };
    let (want_service, want_prefix, name_attribute) = match store.resource_type.as_str() {
        "aws_db_instance" => ("rds", "db:", "identifier"),
        "aws_rds_cluster" | "aws_docdb_cluster" | "aws_neptune_cluster" => {
            ("rds", "cluster:", "cluster_identifier")
        }
        "aws_dynamodb_table" => ("dynamodb", "table/", "name"),
        "aws_s3_bucket" => ("s3", "", "bucket"),
        "aws_efs_file_system" => ("elasticfilesystem", "file-system/", ""),
        "aws_ebs_volume" => ("ec2", "volume/", ""),
        "aws_redshift_cluster" => ("redshift", "cluster:", "cluster_identifier"),
        t if t.starts_with("aws_fsx_") => ("fsx", "file-system/", ""),
        _ => return false,
    };
    if service != want_service && service != "*" {
        return false;
    }
    let Some(name) = resource.strip_prefix(want_prefix) else {
        return resource == "*";
    };
    if name == "*" {
        return true;
    }
    let own = if name_attribute.is_empty() {
        None
    } else {
        read(store, name_attribute).as_str()
    };
    match name.strip_suffix('*') {
        Some(prefix) => own.is_some_and(|own| own.starts_with(prefix)),
        None => own == Some(name),
    }
}

/// The vault copies of the plan `selection` belongs to, keyed by vault so that several rules
/// into one vault count once (with the longest retention).
fn plan_copies(
    module: &Module<'_>,
    selection: &Resource,
    store: &Resource,
    copies: &mut HashMap<String, Source>,
) {
    let here = module.location(store);
    let plans = module.targets(selection, "plan_id");
    if plans.is_empty() {
        let source = module.source(
            "AWS Backup selection of a plan tenet cannot see".to_string(),
            selection,
            Medium::BackupVault,
            None,
            None,
        );
        merge(copies, format!("selection:{}", selection.address), source);
        return;
    }
    for plan in plans {
        for (rule, _) in blocks(plan, "rule") {
            let name = read(plan, &format!("{rule}.rule_name"))
                .as_str()
                .unwrap_or("?")
                .to_string();
            let retention = lifecycle_retention(plan, &format!("{rule}.lifecycle"));
            let vaults = module.targets(plan, &format!("{rule}.target_vault_name"));
            let (key, vault_location) = match vaults.first() {
                Some(vault) => (vault.address.clone(), module.location(vault)),
                None => (
                    format!(
                        "{}:{}",
                        plan.address,
                        read(plan, &format!("{rule}.target_vault_name"))
                            .as_str()
                            .unwrap_or(&rule)
                    ),
                    module.location(plan),
                ),
            };
            let source = module.source(
                format!("AWS Backup plan rule `{name}`"),
                plan,
                Medium::BackupVault,
                here.off_site(&vault_location),
                retention,
            );
            merge(copies, key, source);
            for (copy, _) in blocks(plan, &format!("{rule}.copy_action")) {
                let retention = lifecycle_retention(plan, &format!("{copy}.lifecycle"));
                let targets = module.targets(plan, &format!("{copy}.destination_vault_arn"));
                let (key, off_site) = match targets.first() {
                    Some(vault) => (
                        vault.address.clone(),
                        here.off_site(&module.location(vault)),
                    ),
                    None => match read(plan, &format!("{copy}.destination_vault_arn")).as_str() {
                        Some(arn) => (
                            arn.to_string(),
                            Location::of_arn(arn).and_then(|there| here.off_site(&there)),
                        ),
                        None => (format!("{}:{copy}", plan.address), None),
                    },
                };
                let source = module.source(
                    format!("AWS Backup copy of plan rule `{name}`"),
                    plan,
                    Medium::BackupVault,
                    off_site,
                    retention,
                );
                merge(copies, key, source);
            }
        }
    }
}

/// Keeps one copy per vault: the longest retention, and off-site if any rule's copy is.
fn merge(copies: &mut HashMap<String, Source>, key: String, source: Source) {
    match copies.get_mut(&key) {
        Some(existing) => {
            existing.retention_days = existing.retention_days.max(source.retention_days);
            if source.off_site == Some(true) {
                existing.off_site = Some(true);
            }
        }
        None => {
            copies.insert(key, source);
        }
    }
}

/// `lifecycle { delete_after = N }` in days; no lifecycle: kept indefinitely.
fn lifecycle_retention(plan: &Resource, path: &str) -> Option<Retention> {
    match read(plan, path) {
        Read::Unset => Some(Retention::Indefinite),
        Read::Unknown => None,
        Read::Set(_) => match read(plan, &format!("{path}[0].delete_after")) {
            Read::Unset => Some(Retention::Indefinite),
            value => value.as_u64().map(Retention::Days),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::wildcard_match;

    #[test]
    fn string_like_matches_wildcards_like_aws() {
        assert_eq!(wildcard_match("prod-*", "prod-db"), Some(true));
        assert_eq!(wildcard_match("prod-*", "dev-db"), Some(false));
        assert_eq!(wildcard_match("*-db", "prod-db"), Some(true));
        assert_eq!(wildcard_match("p?od", "prod"), Some(true));
        assert_eq!(wildcard_match("p?od", "pod"), Some(false));
        assert_eq!(wildcard_match("*", ""), Some(true));
        assert_eq!(wildcard_match("a*b*c", "aXXbYYc"), Some(true));
        assert_eq!(wildcard_match("a*b*c", "aXXbYY"), Some(false));
        assert_eq!(wildcard_match("x", &"x".repeat(300)), None);
    }
}
