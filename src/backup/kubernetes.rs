//! Kubernetes volumes (`PersistentVolumeClaim`s and `StatefulSet` `volumeClaimTemplates`) and
//! the Velero `Schedule`s that back up their namespaces, across every manifest of the scan.

use serde_json::Value;

use super::{Draft, Medium, Posture, Retention, Source, line_of};
use crate::ir::{Document, InputKind, PathSegment, Resource};

const VELERO: &str = "velero.io/";

/// The postures of the scan's Kubernetes volumes, by index of the document holding each.
pub(super) fn postures(documents: &[Document]) -> Vec<(usize, Vec<Posture>)> {
    let kubernetes = || {
        documents
            .iter()
            .enumerate()
            .filter(|(_, d)| d.kind == InputKind::Kubernetes)
    };
    let velero = |kind: &'static str| {
        kubernetes().flat_map(move |(_, document)| {
            document
                .resources
                .iter()
                .filter(move |r| r.resource_type == kind && api_group(r).starts_with(VELERO))
                .map(move |r| (document, r))
        })
    };
    let schedules: Vec<(&Document, &Resource)> = velero("Schedule").collect();
    let locations: Vec<&Resource> = velero("BackupStorageLocation").map(|(_, r)| r).collect();
    let mut out = Vec::new();
    for (index, document) in kubernetes() {
        let mut postures = Vec::new();
        for resource in &document.resources {
            for (path, labels) in volumes(resource) {
                let mut draft = Draft::default();
                for (schedule_document, schedule) in &schedules {
                    match covers(schedule, resource, labels) {
                        Some(true) => draft.sources.push(velero_source(
                            schedule_document,
                            schedule,
                            &locations,
                        )),
                        Some(false) => {}
                        None => draft.unknown.push(format!(
                            "{}: whether Velero Schedule {} covers it is unknown (no namespace in the manifest, or a label selector)",
                            resource.address, schedule.address
                        )),
                    }
                }
                let line = line_of(
                    document,
                    &resource.file,
                    resource.spans.resolve(&path).start,
                );
                postures.push(draft.finish(
                    resource.address.clone(),
                    resource.resource_type.clone(),
                    resource.file.clone(),
                    line,
                    path,
                ));
            }
        }
        if !postures.is_empty() {
            out.push((index, postures));
        }
    }
    out
}

fn labels(value: &Value) -> Option<&Value> {
    value.get("metadata").and_then(|m| m.get("labels"))
}

fn api_group(resource: &Resource) -> &str {
    resource
        .attributes
        .get("apiVersion")
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// The volumes `resource` claims: a PVC itself, or each `volumeClaimTemplates` entry of a
/// StatefulSet, with the labels Velero's label selector would see.
fn volumes(resource: &Resource) -> Vec<(Vec<PathSegment>, Option<&Value>)> {
    match resource.resource_type.as_str() {
        "PersistentVolumeClaim" if api_group(resource) == "v1" => {
            vec![(Vec::new(), labels(&resource.attributes))]
        }
        "StatefulSet" => resource
            .attributes
            .get("spec")
            .and_then(|s| s.get("volumeClaimTemplates"))
            .and_then(Value::as_array)
            .map(|templates| {
                templates
                    .iter()
                    .enumerate()
                    .map(|(i, template)| {
                        let path = vec![
                            PathSegment::Key("spec".into()),
                            PathSegment::Key("volumeClaimTemplates".into()),
                            PathSegment::Index(i),
                        ];
                        (path, labels(template))
                    })
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Whether `schedule` backs up the volume of `resource`: its namespace is included and not
/// excluded, PVCs are among the resources, and its label selector matches. `None` when the
/// namespace is not in the manifest (it is the one `kubectl` targets) and the schedule does
/// not cover every namespace, or when a label selector does not match the labels themselves
/// (Velero also takes the volumes of the pods it selects).
fn covers(schedule: &Resource, resource: &Resource, labels: Option<&Value>) -> Option<bool> {
    let template = schedule.attributes.get("spec")?.get("template");
    let spec = schedule.attributes.get("spec");
    if spec.and_then(|s| s.get("paused")).and_then(Value::as_bool) == Some(true) {
        return Some(false);
    }
    let list = |key: &str| -> Option<Vec<&str>> {
        template
            .and_then(|t| t.get(key))
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(Value::as_str).collect())
    };
    if let Some(resources) = list("includedResources")
        && !resources.is_empty()
        && !resources.iter().any(|r| {
            [
                "*",
                "persistentvolumeclaims",
                "pvc",
                "persistentvolumeclaim",
            ]
            .contains(&r.to_ascii_lowercase().as_str())
        })
    {
        return Some(false);
    }
    if list("excludedResources").is_some_and(|excluded| {
        excluded.iter().any(|r| {
            ["persistentvolumeclaims", "pvc", "persistentvolumeclaim"]
                .contains(&r.to_ascii_lowercase().as_str())
        })
    }) {
        return Some(false);
    }
    let included = list("includedNamespaces").unwrap_or_default();
    let every_namespace = included.is_empty() || included.contains(&"*");
    let excluded = list("excludedNamespaces").unwrap_or_default();
    let namespace = resource.namespace.as_ref().and_then(Value::as_str);
    let in_namespace = match namespace {
        Some(ns) => (every_namespace || included.contains(&ns)) && !excluded.contains(&ns),
        None if every_namespace && excluded.is_empty() => true,
        None => return None,
    };
    if !in_namespace {
        return Some(false);
    }
    let selector = template
        .and_then(|t| t.get("labelSelector"))
        .and_then(|s| s.get("matchLabels"))
        .and_then(Value::as_object);
    match selector {
        Some(wanted) if !wanted.is_empty() => {
            let matches = wanted
                .iter()
                .all(|(key, value)| labels.and_then(|l| l.get(key)).is_some_and(|v| v == value));
            if matches { Some(true) } else { None }
        }
        _ => Some(true),
    }
}

/// The copy a Velero schedule makes: in its backup storage location, kept `ttl` (30 days by
/// default); off-site when that location is outside the cluster.
fn velero_source(document: &Document, schedule: &Resource, locations: &[&Resource]) -> Source {
    let template = schedule
        .attributes
        .get("spec")
        .and_then(|s| s.get("template"));
    let ttl = template
        .and_then(|t| t.get("ttl"))
        .and_then(Value::as_str)
        .map_or(Some(30), ttl_days);
    let location_name = template
        .and_then(|t| t.get("storageLocation"))
        .and_then(Value::as_str)
        .unwrap_or("default");
    let location = locations.iter().find(|l| l.name == location_name);
    let off_site = location.map(|l| !in_cluster(l));
    Source {
        kind: format!("Velero schedule (location `{location_name}`)"),
        resource: schedule.address.clone(),
        file: schedule.file.clone(),
        line: line_of(document, &schedule.file, schedule.spans.header.start),
        medium: Medium::VeleroObjectStore,
        off_site,
        retention_days: ttl.map(Retention::Days),
    }
}

/// A backup storage location served from inside the cluster (a MinIO `Service`).
fn in_cluster(location: &Resource) -> bool {
    let url = location
        .attributes
        .get("spec")
        .and_then(|s| s.get("config"))
        .and_then(|c| c.get("s3Url"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split(['/', ':'])
        .next()
        .unwrap_or_default();
    !host.is_empty()
        && (host.ends_with(".svc")
            || host.contains(".svc.")
            || host.ends_with(".cluster.local")
            || !host.contains('.'))
}

/// Whole days in a Go duration such as `720h0m0s`.
fn ttl_days(ttl: &str) -> Option<u64> {
    let hours: u64 = ttl.split_once('h')?.0.parse().ok()?;
    Some(hours / 24)
}

#[cfg(test)]
#[test]
fn velero_durations_and_in_cluster_locations() {
    assert_eq!(ttl_days("720h0m0s"), Some(30));
    assert_eq!(ttl_days("168h"), Some(7));
    assert_eq!(ttl_days("30m"), None);
    let location = |url: &str| {
        Resource::new(
            "BackupStorageLocation/velero/default".into(),
            "BackupStorageLocation".into(),
            "default".into(),
            "b.yaml".into(),
            serde_json::json!({"spec": {"config": {"s3Url": url}}}),
            crate::ir::SpanMap::default(),
        )
    };
    assert!(in_cluster(&location("http://minio.velero.svc:9000")));
    assert!(in_cluster(&location("http://minio:9000")));
    assert!(!in_cluster(&location("https://s3.eu-west-1.amazonaws.com")));
    assert!(!in_cluster(&location("")));
}
