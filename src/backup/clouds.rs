//! Google Cloud and Azure data stores: backups and redundancy they configure themselves.

use serde_json::Value;

use super::terraform::{Module, Read, read};
use super::{Draft, Medium, Retention};
use crate::ir::Resource;

/// Cloud Storage multi-regions and predefined dual-regions: every object is stored in two or
/// more regions.
const GEO_REDUNDANT_LOCATIONS: [&str; 9] = [
    "US", "EU", "ASIA", "NAM4", "EUR4", "EUR5", "EUR7", "EUR8", "ASIA1",
];

/// The sources a Google or Azure store configures itself, or `None` when `resource` is not
/// one of those stores.
pub(super) fn own_sources(module: &Module<'_>, store: &Resource) -> Option<Draft> {
    let mut draft = Draft::default();
    match store.resource_type.as_str() {
        "google_sql_database_instance" => {
            if !read(store, "master_instance_name").is_unset()
                || store.references.contains_key("master_instance_name")
            {
                return None; // a replica: a copy of its primary
            }
            cloud_sql(module, store, &mut draft);
        }
        "google_storage_bucket" => storage_bucket(module, store, &mut draft),
        "azurerm_mssql_database" => mssql(module, store, &mut draft),
        "azurerm_postgresql_flexible_server" => postgresql_flexible(module, store, &mut draft),
        "azurerm_storage_account" => storage_account(module, store, &mut draft),
        _ => return None,
    }
    Some(draft)
}

fn unknown(draft: &mut Draft, store: &Resource, what: &str) {
    draft
        .unknown
        .push(format!("{}: `{what}` is unknown", store.address));
}

fn cloud_sql(module: &Module<'_>, instance: &Resource, draft: &mut Draft) {
    let backup = "settings[0].backup_configuration[0]";
    match read(instance, &format!("{backup}.enabled")) {
        Read::Unknown => return unknown(draft, instance, "backup_configuration.enabled"),
        value if value.as_bool() == Some(true) => {}
        _ => return replicas(module, instance, draft),
    }
    // Daily backups: the number retained is the number of days.
    let days = read(
        instance,
        &format!("{backup}.backup_retention_settings[0].retained_backups"),
    )
    .as_u64()
    .unwrap_or(7);
    // Without `location`, backups go to the multi-region nearest the instance.
    let off_site = match read(instance, &format!("{backup}.location")) {
        Read::Unset => Some(true),
        Read::Set(Value::String(location)) => {
            let region = read(instance, "region")
                .as_str()
                .map(str::to_string)
                .or_else(|| module.location(instance).region);
            region.map(|region| {
                !location.eq_ignore_ascii_case(&region) && !region.starts_with(location.as_str())
            })
        }
        _ => None,
    };
    draft.sources.push(module.source(
        format!("automated backups ({days} retained)"),
        instance,
        Medium::ServiceSnapshots,
        off_site,
        Some(Retention::Days(days)),
    ));
    replicas(module, instance, draft);
}

fn replicas(module: &Module<'_>, instance: &Resource, draft: &mut Draft) {
    let here = module.location(instance);
    for replica in module.referring(
        instance,
        "google_sql_database_instance",
        "master_instance_name",
    ) {
        let own = |r: &Resource| read(r, "region").as_str().map(str::to_string);
        let off_site = match (own(instance).or(here.region.clone()), own(replica)) {
            (Some(a), Some(b)) => Some(a != b),
            _ => here.off_site(&module.location(replica)),
        };
        draft.add_replica(module.source(
            "read replica".to_string(),
            replica,
            Medium::Store,
            off_site,
            None,
        ));
    }
}

fn storage_bucket(module: &Module<'_>, bucket: &Resource, draft: &mut Draft) {
    match read(bucket, "versioning[0].enabled") {
        Read::Unknown => unknown(draft, bucket, "versioning.enabled"),
        value if value.as_bool() == Some(true) => draft.sources.push(module.source(
            "object versions".to_string(),
            bucket,
            Medium::Store,
            Some(false),
            Some(Retention::Indefinite),
        )),
        _ => {}
    }
    let dual = !super::terraform::blocks(bucket, "custom_placement_config").is_empty();
    match read(bucket, "location") {
        Read::Set(Value::String(location))
            if dual || GEO_REDUNDANT_LOCATIONS.contains(&location.to_uppercase().as_str()) =>
        {
            draft.sources.push(module.source(
                format!("geo-redundant storage ({location})"),
                bucket,
                Medium::Store,
                Some(true),
                None,
            ));
        }
        Read::Unknown => unknown(draft, bucket, "location"),
        _ => {}
    }
}

fn mssql(module: &Module<'_>, database: &Resource, draft: &mut Draft) {
    // Point-in-time restore is always on: 7 days unless set otherwise.
    let days = read(database, "short_term_retention_policy[0].retention_days")
        .as_u64()
        .unwrap_or(7);
    let off_site = match read(database, "storage_account_type") {
        Read::Unset => Some(true),
        Read::Set(Value::String(kind)) => Some(kind == "Geo" || kind == "GeoZone"),
        _ => None,
    };
    draft.sources.push(module.source(
        format!("automated backups ({days} days)"),
        database,
        Medium::ServiceSnapshots,
        off_site,
        Some(Retention::Days(days)),
    ));
    let long_term = ["weekly_retention", "monthly_retention", "yearly_retention"]
        .iter()
        .filter_map(|field| {
            read(database, &format!("long_term_retention_policy[0].{field}"))
                .as_str()
                .and_then(iso_days)
        })
        .max();
    if let Some(days) = long_term.filter(|d| *d > 0) {
        draft.sources.push(module.source(
            format!("long-term retention backups ({days} days)"),
            database,
            Medium::ServiceSnapshots,
            off_site,
            Some(Retention::Days(days)),
        ));
    }
}

/// Days in an ISO 8601 period such as `P4W`, `P12M`, `P5Y`, `P30D`.
fn iso_days(period: &str) -> Option<u64> {
    let body = period.strip_prefix('P')?;
    let unit = body.chars().last()?;
    let count: u64 = body.get(..body.len() - 1)?.parse().ok()?;
    let per = match unit {
        'D' => 1,
        'W' => 7,
        'M' => 30,
        'Y' => 365,
        _ => return None,
    };
    Some(count * per)
}

fn postgresql_flexible(module: &Module<'_>, server: &Resource, draft: &mut Draft) {
    let days = match read(server, "backup_retention_days") {
        Read::Unknown => return unknown(draft, server, "backup_retention_days"),
        value => value.as_u64().unwrap_or(7),
    };
    let off_site = match read(server, "geo_redundant_backup_enabled") {
        Read::Unknown => None,
        value => Some(value.as_bool() == Some(true)),
    };
    draft.sources.push(module.source(
        format!("automated backups ({days} days)"),
        server,
        Medium::ServiceSnapshots,
        off_site,
        Some(Retention::Days(days)),
    ));
}

fn storage_account(module: &Module<'_>, account: &Resource, draft: &mut Draft) {
    match read(account, "account_replication_type") {
        Read::Set(Value::String(kind)) if kind.contains("GRS") || kind.contains("GZRS") => {
            draft.sources.push(module.source(
                format!("geo-redundant replication ({kind})"),
                account,
                Medium::Store,
                Some(true),
                None,
            ));
        }
        Read::Unknown => unknown(draft, account, "account_replication_type"),
        _ => {}
    }
    match read(account, "blob_properties[0].versioning_enabled") {
        Read::Unknown => unknown(draft, account, "blob_properties.versioning_enabled"),
        value if value.as_bool() == Some(true) => draft.sources.push(module.source(
            "blob versions".to_string(),
            account,
            Medium::Store,
            Some(false),
            Some(Retention::Indefinite),
        )),
        _ => {}
    }
}

#[cfg(test)]
#[test]
fn iso_periods_in_days() {
    assert_eq!(iso_days("P4W"), Some(28));
    assert_eq!(iso_days("P12M"), Some(360));
    assert_eq!(iso_days("PT0S"), None);
}
