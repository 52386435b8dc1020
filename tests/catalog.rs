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
    ("BK001", "no_backup", "high", "backup", 4.0, &["CP-9"]),
    ("BK002", "short_retention", "low", "backup", 4.0, &["CP-9"]),
    (
        "BK003",
        "no_offsite_copy",
        "high",
        "backup",
        4.0,
        &["CP-6", "CP-9"],
    ),
    (
        "BK004",
        "fewer_than_three_copies",
        "medium",
        "backup",
        4.0,
        &["CP-9"],
    ),
    (
        "BK005",
        "single_backup_medium",
        "medium",
        "backup",
        4.0,
        &["CP-9"],
    ),
    (
        "BK006",
        "backup_vault_unlocked",
        "medium",
        "backup",
        4.0,
        &["CP-9", "SI-7"],
    ),
    (
        "BK007",
        "bucket_unversioned",
        "medium",
        "backup",
        4.0,
        &["CP-9", "CP-10"],
    ),
    (
        "BK008",
        "deletion_unprotected",
        "medium",
        "backup",
        4.0,
        &["CP-9", "CP-10"],
    ),
    (
        "BK009",
        "no_final_snapshot",
        "medium",
        "backup",
        4.0,
        &["CP-9"],
    ),
    (
        "HY001",
        "hardcoded_secret",
        "critical",
        "hygiene",
        2.0,
        &["IA-5(7)", "SC-28"],
    ),
    (
        "HY002",
        "kms_key_rotation_disabled",
        "medium",
        "hygiene",
        2.0,
        &["SC-12"],
    ),
    (
        "HY003",
        "container_without_limits",
        "low",
        "hygiene",
        6.0,
        &["SC-6"],
    ),
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
        "IM004",
        "registry_tags_mutable",
        "medium",
        "immutability",
        6.0,
        &["CM-2", "SI-7"],
    ),
    (
        "IM005",
        "ssh_access_enabled",
        "medium",
        "immutability",
        3.0,
        &["CM-7", "AC-17"],
    ),
    (
        "IM006",
        "no_max_instance_lifetime",
        "low",
        "immutability",
        3.0,
        &["SI-14", "CM-2"],
    ),
    (
        "IM007",
        "floating_launch_template_version",
        "low",
        "immutability",
        3.0,
        &["CM-2", "CM-3"],
    ),
    (
        "IM008",
        "remote_code_without_verification",
        "high",
        "immutability",
        6.0,
        &["SI-7", "SR-11"],
    ),
    (
        "IM009",
        "in_place_package_upgrade",
        "low",
        "immutability",
        6.0,
        &["CM-2"],
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
        "LP002",
        "iam_service_wildcard",
        "high",
        "least_privilege",
        2.0,
        &["AC-6"],
    ),
    (
        "LP003",
        "iam_privilege_escalation",
        "high",
        "least_privilege",
        0.0,
        &["AC-6", "AC-6(5)"],
    ),
    (
        "LP004",
        "trust_any_principal",
        "critical",
        "least_privilege",
        0.0,
        &["AC-3", "AC-6"],
    ),
    (
        "LP005",
        "resource_policy_public",
        "critical",
        "least_privilege",
        2.0,
        &["AC-3", "AC-6"],
    ),
    (
        "LP006",
        "admin_policy_attached",
        "high",
        "least_privilege",
        0.0,
        &["AC-6", "AC-6(5)"],
    ),
    (
        "LP007",
        "policy_on_user",
        "medium",
        "least_privilege",
        0.0,
        &["AC-2", "AC-6"],
    ),
    (
        "LP008",
        "gcp_primitive_role",
        "high",
        "least_privilege",
        0.0,
        &["AC-6"],
    ),
    (
        "LP009",
        "rbac_wildcard",
        "high",
        "least_privilege",
        2.0,
        &["AC-6"],
    ),
    (
        "LP010",
        "rbac_cluster_admin_binding",
        "high",
        "least_privilege",
        2.0,
        &["AC-6", "AC-6(5)"],
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
        "LP012",
        "privilege_escalation_allowed",
        "medium",
        "least_privilege",
        6.0,
        &["AC-6"],
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
        "LP014",
        "dangerous_capabilities",
        "high",
        "least_privilege",
        6.0,
        &["AC-6", "CM-7"],
    ),
    (
        "LP015",
        "capabilities_not_dropped",
        "low",
        "least_privilege",
        6.0,
        &["AC-6", "CM-7"],
    ),
    (
        "LP016",
        "host_path_mount",
        "high",
        "least_privilege",
        6.0,
        &["AC-6", "SC-39"],
    ),
    (
        "LP017",
        "service_account_token_automount",
        "low",
        "least_privilege",
        2.0,
        &["AC-6", "IA-5"],
    ),
    (
        "LP018",
        "rbac_secrets_read_cluster_wide",
        "high",
        "least_privilege",
        2.0,
        &["AC-6"],
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
        "ZT002",
        "all_ports_open_to_internet",
        "critical",
        "zero_trust",
        1.0,
        &["SC-7"],
    ),
    (
        "ZT003",
        "data_port_open_to_internet",
        "high",
        "zero_trust",
        1.0,
        &["SC-7"],
    ),
    (
        "ZT004",
        "plaintext_listener",
        "high",
        "zero_trust",
        5.0,
        &["SC-8", "SC-8(1)"],
    ),
    (
        "ZT005",
        "outdated_tls_policy",
        "medium",
        "zero_trust",
        5.0,
        &["SC-8", "SC-13"],
    ),
    (
        "ZT006",
        "data_store_publicly_accessible",
        "critical",
        "zero_trust",
        4.0,
        &["SC-7", "AC-3"],
    ),
    (
        "ZT007",
        "bucket_public",
        "critical",
        "zero_trust",
        4.0,
        &["AC-3", "SC-7"],
    ),
    (
        "ZT008",
        "data_unencrypted_at_rest",
        "high",
        "zero_trust",
        4.0,
        &["SC-28", "SC-28(1)"],
    ),
    (
        "ZT009",
        "data_unencrypted_in_transit",
        "high",
        "zero_trust",
        4.0,
        &["SC-8", "SC-8(1)"],
    ),
    (
        "ZT010",
        "network_flow_unlogged",
        "medium",
        "zero_trust",
        1.0,
        &["AU-12", "SI-4"],
    ),
    (
        "ZT011",
        "access_unlogged",
        "medium",
        "zero_trust",
        5.0,
        &["AU-2", "AU-12"],
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
        "ZT013",
        "service_exposed_without_source_ranges",
        "medium",
        "zero_trust",
        5.0,
        &["SC-7", "AC-4"],
    ),
    (
        "ZT014",
        "host_namespace_shared",
        "high",
        "zero_trust",
        6.0,
        &["SC-7", "SC-39"],
    ),
    (
        "ZT015",
        "namespace_without_default_deny",
        "medium",
        "zero_trust",
        6.5,
        &["AC-4", "SC-7"],
    ),
    (
        "ZT016",
        "cluster_endpoint_public",
        "high",
        "zero_trust",
        1.0,
        &["SC-7", "AC-17"],
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
