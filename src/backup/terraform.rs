//! Reading a Terraform document for the backup posture: resources by type, who refers to
//! whom, attribute values with "unknown" kept apart from "not set", and where (region and
//! account) each resource lives.

use std::collections::HashMap;

use serde_json::Value;

use super::{Medium, Posture, Retention, Source, aws, clouds, line_of};
use crate::ir::{Document, InputKind, Resource};

/// The posture of every Terraform data store of `document`.
pub(super) fn postures(document: &Document) -> Vec<Posture> {
    if document.kind == InputKind::TerraformPlan {
        return postures_of(&without_provider_computed(document));
    }
    postures_of(document)
}

/// In a plan, an argument the configuration leaves out and the provider computes (such as
/// `versioning` of a new `aws_s3_bucket`) is unknown though nothing sets it: it reads as not
/// set. A value that refers to another resource stays unknown.
fn without_provider_computed(document: &Document) -> Document {
    let mut plan = document.clone();
    for resource in &mut plan.resources {
        let references = &resource.references;
        resource.unknown.retain(|path| {
            let top = path.split(['.', '[']).next().unwrap_or(path);
            references
                .keys()
                .any(|from| from.split(['.', '[']).next() == Some(top))
        });
    }
    plan
}

fn postures_of(document: &Document) -> Vec<Posture> {
    let module = Module::new(document);
    let aws = aws::Index::new(&module);
    let mut postures = Vec::new();
    for resource in &document.resources {
        if !module.is_managed(resource) {
            continue;
        }
        let Some(mut draft) = aws::own_sources(&module, &aws, resource)
            .or_else(|| clouds::own_sources(&module, resource))
        else {
            continue;
        };
        aws.add_plan_sources(&module, resource, &mut draft);
        postures.push(draft.finish(
            resource.address.clone(),
            resource.resource_type.clone(),
            resource.file.clone(),
            module.line(resource),
            Vec::new(),
        ));
    }
    postures
}

/// A value read from a resource: set and known, not set, or unknown statically.
#[derive(Clone, Copy, Debug)]
pub(super) enum Read<'a> {
    Set(&'a Value),
    Unset,
    Unknown,
}

impl<'a> Read<'a> {
    /// A whole number (Terraform converts `"7"` to 7).
    pub fn as_u64(self) -> Option<u64> {
        match self {
            Read::Set(Value::Number(n)) => n
                .as_u64()
                .or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64)),
            Read::Set(Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        }
    }

    pub fn as_bool(self) -> Option<bool> {
        match self {
            Read::Set(Value::Bool(b)) => Some(*b),
            Read::Set(Value::String(s)) => s.parse().ok(),
            _ => None,
        }
    }

    pub fn as_str(self) -> Option<&'a str> {
        match self {
            Read::Set(Value::String(s)) => Some(s),
            _ => None,
        }
    }

    pub fn is_unknown(self) -> bool {
        matches!(self, Read::Unknown)
    }

    pub fn is_unset(self) -> bool {
        matches!(self, Read::Unset)
    }
}

/// The value at `path` (`rule[0].lifecycle[0].delete_after`) of `resource`.
pub(super) fn read<'a>(resource: &'a Resource, path: &str) -> Read<'a> {
    if is_unknown(resource, path) {
        return Read::Unknown;
    }
    let mut value = &resource.attributes;
    for segment in segments(path) {
        let next = match segment {
            Segment::Key(key) => value.get(key),
            Segment::Index(index) => value.get(index),
        };
        match next {
            Some(next) => value = next,
            None => return Read::Unset,
        }
    }
    if value.is_null() {
        Read::Unset
    } else {
        Read::Set(value)
    }
}

/// The elements of the list (of blocks) at `path`, with their display paths; empty when it is
/// not set or unknown.
pub(super) fn blocks<'a>(resource: &'a Resource, path: &str) -> Vec<(String, &'a Value)> {
    match read(resource, path) {
        Read::Set(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| (format!("{path}[{i}]"), item))
            .collect(),
        Read::Set(item @ Value::Object(_)) => vec![(path.to_string(), item)],
        _ => Vec::new(),
    }
}

/// True when the value at `path`, or a block or list holding it, is unknown.
fn is_unknown(resource: &Resource, path: &str) -> bool {
    resource.unknown.iter().any(|unknown| {
        path.strip_prefix(unknown.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    })
}

enum Segment<'p> {
    Key(&'p str),
    Index(usize),
}

/// `a[0].b` as keys and indices.
fn segments(path: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Segment::Key(key));
        }
        while let Some((index, after)) = rest.split_once(']') {
            if let Ok(index) = index.parse() {
                out.push(Segment::Index(index));
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    out
}

/// Where a resource lives: the provider configuration it uses and, when known, its region
/// and account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Location {
    pub provider: Option<String>,
    pub region: Option<String>,
    pub account: Option<String>,
}

impl Location {
    /// The place an ARN names (`arn:aws:backup:eu-central-1:111122223333:backup-vault:dr`).
    pub fn of_arn(arn: &str) -> Option<Location> {
        let mut parts = arn.split(':');
        (parts.next()? == "arn").then_some(())?;
        let _partition = parts.next()?;
        let _service = parts.next()?;
        let region = parts.next()?;
        let account = parts.next()?;
        let known = |s: &str| (!s.is_empty() && !s.contains('*')).then(|| s.to_string());
        Some(Location {
            provider: None,
            region: known(region),
            account: known(account),
        })
    }

    /// Whether `other` is in another region or account: `None` when that cannot be known.
    pub fn off_site(&self, other: &Location) -> Option<bool> {
        let differ = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => Some(a != b),
            _ => None,
        };
        let region = differ(&self.region, &other.region);
        let account = differ(&self.account, &other.account);
        if region == Some(true) || account == Some(true) {
            return Some(true);
        }
        // One provider configuration is one region and one account.
        let same_configuration = self.provider.is_some() && self.provider == other.provider;
        if same_configuration && region.is_none_or(|differs| !differs) {
            return Some(false);
        }
        match (region, account) {
            (Some(false), Some(false)) => Some(false),
            _ => None,
        }
    }
}

/// A Terraform document indexed for the posture: one pass over its resources and references.
pub(super) struct Module<'d> {
    pub document: &'d Document,
    by_type: HashMap<&'d str, Vec<&'d Resource>>,
    by_address: HashMap<&'d str, &'d Resource>,
    /// For each address, the resources that refer to it and the attribute they do it from.
    referrers: HashMap<&'d str, Vec<(&'d Resource, &'d str)>>,
    providers: HashMap<&'d str, &'d Value>,
    /// Managed resources by (type, name attribute, value): `aws_s3_bucket` by `bucket`.
    named: HashMap<(&'d str, &'static str, &'d str), &'d Resource>,
}

/// Attributes that name a resource where an ARN or ID written as text can find it.
const NAME_ATTRIBUTES: [&str; 3] = ["bucket", "name", "identifier"];

impl<'d> Module<'d> {
    pub fn new(document: &'d Document) -> Module<'d> {
        let mut by_type: HashMap<&str, Vec<&Resource>> = HashMap::new();
        let mut by_address = HashMap::new();
        let mut referrers: HashMap<&str, Vec<(&Resource, &str)>> = HashMap::new();
        let mut named = HashMap::new();
        for resource in &document.resources {
            by_address.insert(resource.address.as_str(), resource);
            if resource.mode.as_deref().unwrap_or("managed") == "managed" {
                by_type
                    .entry(resource.resource_type.as_str())
                    .or_default()
                    .push(resource);
                for attribute in NAME_ATTRIBUTES {
                    if let Some(name) = resource.attributes.get(attribute).and_then(Value::as_str) {
                        named.insert((resource.resource_type.as_str(), attribute, name), resource);
                    }
                }
            }
            for (attribute, targets) in &resource.references {
                for target in targets {
                    referrers
                        .entry(target.as_str())
                        .or_default()
                        .push((resource, attribute.as_str()));
                }
            }
        }
        let providers = document
            .extra
            .get("providers")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|p| Some((p.get("address")?.as_str()?, p)))
                    .collect()
            })
            .unwrap_or_default();
        Module {
            document,
            by_type,
            by_address,
            referrers,
            providers,
            named,
        }
    }

    /// The managed resource of `resource_type` whose `attribute` (one of `bucket`, `name`,
    /// `identifier`) is `name`.
    pub fn named(
        &self,
        resource_type: &str,
        attribute: &'static str,
        name: &str,
    ) -> Option<&'d Resource> {
        self.named.get(&(resource_type, attribute, name)).copied()
    }

    pub fn is_managed(&self, resource: &Resource) -> bool {
        resource.mode.as_deref().unwrap_or("managed") == "managed"
    }

    /// Managed resources of one type.
    pub fn of_type(&self, resource_type: &str) -> &[&'d Resource] {
        self.by_type
            .get(resource_type)
            .map_or(&[], |list| list.as_slice())
    }

    /// Resources of `resource_type` that refer to `target` from `attribute` (or from inside
    /// it: `rule[0].destination[0].bucket` is inside `rule`).
    pub fn referring(
        &self,
        target: &Resource,
        resource_type: &str,
        attribute: &str,
    ) -> Vec<&'d Resource> {
        // A reference to a resource whose `count`/`for_each` is unknown names no instance.
        let unkeyed = target
            .address
            .strip_suffix(']')
            .and_then(|a| a.rfind('[').and_then(|i| a.get(..i)));
        let mut found: Vec<&Resource> = [Some(target.address.as_str()), unkeyed]
            .into_iter()
            .flatten()
            .filter_map(|address| self.referrers.get(address))
            .flatten()
            .filter(|(referrer, from)| {
                referrer.resource_type == resource_type && within(from, attribute)
            })
            .map(|(referrer, _)| *referrer)
            .collect();
        found.sort_by(|a, b| a.address.cmp(&b.address));
        found.dedup_by(|a, b| a.address == b.address);
        found
    }

    /// The resources `resource` refers to from `attribute` (or from inside it).
    pub fn targets(&self, resource: &Resource, attribute: &str) -> Vec<&'d Resource> {
        let mut found: Vec<&Resource> = resource
            .references
            .iter()
            .filter(|(from, _)| within(from, attribute))
            .flat_map(|(_, targets)| targets)
            .filter_map(|target| self.by_address.get(target.as_str()).copied())
            .collect();
        found.sort_by(|a, b| a.address.cmp(&b.address));
        found.dedup_by(|a, b| a.address == b.address);
        found
    }

    /// The region and account of `resource`: its own `region` argument (AWS provider 6),
    /// else its provider configuration's.
    pub fn location(&self, resource: &Resource) -> Location {
        let provider = resource
            .provider
            .as_deref()
            .and_then(|address| self.providers.get(address));
        let from_provider = |key: &str| {
            provider
                .and_then(|p| p.get(key))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        let own_region = match read(resource, "region") {
            Read::Set(Value::String(region)) if resource.resource_type.starts_with("aws_") => {
                Some(Some(region.clone()))
            }
            Read::Unknown if resource.resource_type.starts_with("aws_") => Some(None),
            _ => None,
        };
        Location {
            provider: match own_region {
                // A region of its own: no longer the same place as its provider's resources.
                Some(_) => None,
                None => resource.provider.clone(),
            },
            region: own_region.unwrap_or_else(|| from_provider("region")),
            account: from_provider("account"),
        }
    }

    /// The `default_tags` of the provider configuration `resource` uses: `Set` (an object),
    /// `Unknown`, or `Unset` when it has none.
    pub fn default_tags(&self, resource: &Resource) -> Read<'d> {
        let tags = resource
            .provider
            .as_deref()
            .and_then(|address| self.providers.get(address))
            .and_then(|provider| provider.get("default_tags"));
        match tags {
            Some(Value::Null) => Read::Unknown,
            Some(tags) => Read::Set(tags),
            None => Read::Unset,
        }
    }

    /// The line of the resource header.
    pub fn line(&self, resource: &Resource) -> usize {
        line_of(self.document, &resource.file, resource.spans.header.start)
    }

    /// A source configured by `resource`.
    pub fn source(
        &self,
        kind: String,
        resource: &Resource,
        medium: Medium,
        off_site: Option<bool>,
        retention_days: Option<Retention>,
    ) -> Source {
        Source {
            kind,
            resource: resource.address.clone(),
            file: resource.file.clone(),
            line: self.line(resource),
            medium,
            off_site,
            retention_days,
        }
    }
}

/// Whether the reference made from `from` is the attribute `attribute` or inside it.
fn within(from: &str, attribute: &str) -> bool {
    from.strip_prefix(attribute)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(region: &str, account: Option<&str>, provider: Option<&str>) -> Location {
        Location {
            provider: provider.map(str::to_string),
            region: (!region.is_empty()).then(|| region.to_string()),
            account: account.map(str::to_string),
        }
    }

    #[test]
    fn off_site_is_another_region_or_account_and_unknown_when_it_cannot_be_told() {
        let primary = at("eu-west-1", None, Some("aws"));
        assert_eq!(
            primary.off_site(&at("eu-central-1", None, Some("aws.dr"))),
            Some(true)
        );
        assert_eq!(
            primary.off_site(&at("eu-west-1", None, Some("aws"))),
            Some(false)
        );
        // Same region through another provider configuration: maybe another account.
        assert_eq!(
            primary.off_site(&at("eu-west-1", None, Some("aws.b"))),
            None
        );
        // No region known anywhere, one configuration: the same place.
        assert_eq!(
            at("", None, Some("aws")).off_site(&at("", None, Some("aws"))),
            Some(false)
        );
        assert_eq!(
            at("", None, Some("aws")).off_site(&at("", None, Some("aws.dr"))),
            None
        );
        let vault = Location::of_arn("arn:aws:backup:us-east-1:111122223333:backup-vault:dr");
        assert_eq!(primary.off_site(&vault.unwrap()), Some(true));
    }

    #[test]
    fn paths_read_keys_and_indices() {
        let resource = Resource::new(
            "a.b".into(),
            "a".into(),
            "b".into(),
            "f".into(),
            serde_json::json!({"rule": [{"lifecycle": [{"delete_after": 35}]}], "x": null}),
            crate::ir::SpanMap::default(),
        );
        assert_eq!(
            read(&resource, "rule[0].lifecycle[0].delete_after").as_u64(),
            Some(35)
        );
        assert!(read(&resource, "x").is_unset());
        assert!(read(&resource, "rule[1]").is_unset());
        let mut unknown = resource.clone();
        unknown.unknown.push("rule[0].lifecycle".into());
        assert!(read(&unknown, "rule[0].lifecycle[0].delete_after").is_unknown());
        assert!(!read(&unknown, "rule[0].lifecycles").is_unknown());
    }
}
