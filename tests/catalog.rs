//! The built-in rules against the public catalog (`rules-catalog.md` in the design docs):
//! ids are a contract users write in suppressions and CI configs, so id, short name,
//! severity, pillar, layer and controls of every implemented rule are pinned here.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may fail loudly

use tenet::rules::RuleSet;

/// (id, short_name, severity, pillar, layer, controls), as the catalog states them.
type CatalogRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    f64,
    &'static [&'static str],
);

const CATALOG: &[CatalogRow] = &[
    (
        "IM001",
        "image_not_pinned_by_digest",
        "medium",
        "immutability",
        6.0,
        &["CM-2", "SI-7"],
    ),
    (
        "IM002",
        "image_mutable_tag",
        "high",
        "immutability",
        6.0,
        &["CM-2", "SI-7"],
    ),
    (
        "IM003",
        "writable_root_filesystem",
        "medium",
        "immutability",
        6.0,
        &["CM-5", "SI-7"],
    ),
    (
        "LP001",
        "iam_full_admin",
        "critical",
        "least_privilege",
        0.0,
        &["AC-6", "AC-6(1)"],
    ),
    (
        "LP011",
        "privileged_container",
        "critical",
        "least_privilege",
        6.0,
        &["AC-6", "CM-7"],
    ),
    (
        "LP013",
        "runs_as_root",
        "medium",
        "least_privilege",
        6.0,
        &["AC-6", "AC-6(2)"],
    ),
    (
        "ZT001",
        "admin_port_open_to_internet",
        "critical",
        "zero_trust",
        1.0,
        &["SC-7", "AC-17"],
    ),
    (
        "ZT012",
        "instance_metadata_v1",
        "high",
        "zero_trust",
        3.0,
        &["AC-3", "SC-7"],
    ),
    (
        "ZT014",
        "host_namespace_shared",
        "high",
        "zero_trust",
        6.0,
        &["SC-7", "SC-39"],
    ),
];

#[test]
fn builtin_rules_match_the_catalog() {
    let set = RuleSet::builtin().unwrap_or_else(|e| panic!("{e:?}"));
    let ids: Vec<&str> = set.rules.iter().map(|r| r.meta.id.as_str()).collect();
    let catalog_ids: Vec<&str> = CATALOG.iter().map(|c| c.0).collect();
    assert_eq!(
        ids, catalog_ids,
        "every built-in rule is in the catalog table and vice versa"
    );
    for &(id, short_name, severity, pillar, layer, controls) in CATALOG {
        let rule = set.get(id).unwrap();
        assert_eq!(rule.short_name, short_name, "{id}");
        assert_eq!(rule.meta.severity.as_str(), severity, "{id}");
        assert_eq!(rule.meta.pillar.as_str(), pillar, "{id}");
        assert_eq!(rule.meta.layer, layer, "{id}");
        assert_eq!(rule.meta.controls, controls, "{id}");
    }
}

#[test]
fn builtin_metadata_is_complete() {
    let set = RuleSet::builtin().unwrap();
    for rule in &set.rules {
        let id = &rule.meta.id;
        assert!(
            rule.meta.remediation.contains("```"),
            "{id}: remediation needs a code example"
        );
        assert!(
            !rule.meta.references.is_empty(),
            "{id}: needs at least one reference"
        );
        assert!(
            rule.meta.description.len() > 80,
            "{id}: description too short to be useful"
        );
        if rule.meta.pillar.as_str() == "zero_trust" {
            assert!(
                !rule.meta.tenets.is_empty(),
                "{id}: zero-trust rules name their NIST SP 800-207 tenets"
            );
        }
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testdata/rules")
            .join(id);
        assert!(
            fixtures.join("fail").is_dir() && fixtures.join("pass").is_dir(),
            "{id}: fixtures"
        );
    }
}
