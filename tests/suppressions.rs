//! Suppressions: one syntax on every input kind (`testdata/suppressions/`), `[[suppress]]` in
//! tenet.toml, and the TN rules about suppressions, each asserted by rule and line.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may fail loudly

mod common;

use std::path::Path;

use common::{scan_json, tenet};
use serde_json::Value;

/// (rule, line) of each active finding, and (rule, line, source, suppression line) of each
/// suppressed one.
type Lines = Vec<(String, u64)>;
type Accepted = Vec<(String, u64, String, u64)>;

fn outcome(report: &Value) -> (Lines, Accepted) {
    let active = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let suppressed = report["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = &f["suppression"];
            (
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                s["source"].as_str().unwrap().to_string(),
                s["line"].as_u64().unwrap(),
            )
        })
        .collect();
    (active, suppressed)
}

fn lines(items: &[(&str, u64)]) -> Lines {
    items.iter().map(|(r, l)| (r.to_string(), *l)).collect()
}

fn accepted(items: &[(&str, u64, &str, u64)]) -> Accepted {
    items
        .iter()
        .map(|(r, l, s, at)| (r.to_string(), *l, s.to_string(), *at))
        .collect()
}

#[test]
fn terraform_comments_above_a_resource_a_block_and_at_a_line_end() {
    let report = scan_json("suppressions/terraform");
    let (active, suppressed) = outcome(&report);
    assert_eq!(
        suppressed,
        accepted(&[
            // Above the resource: covers the finding on its nested block.
            ("ZT001", 8, "comment", 1),
            // At the end of the offending line.
            ("ZT012", 16, "comment", 16),
            // Above the resource, for the missing-attribute finding at its header.
            ("ZT012", 21, "comment", 20),
        ])
    );
    assert_eq!(
        active,
        lines(&[
            ("TN001", 20), // no reason (it still applies)
            ("TN003", 28), // expired: the finding below is reported again
            ("ZT001", 33),
            ("TN004", 37), // matches nothing
            ("TN002", 46), // unknown id
        ])
    );
    let reason = &report["suppressed"][0]["suppression"]["reason"];
    assert_eq!(
        reason,
        "bastion for the data-centre migration; see INFRA-1234"
    );
    assert_eq!(
        report["suppressed"][1]["suppression"]["until"],
        "2999-01-01"
    );
}

#[test]
fn a_json_comment_key_suppresses_its_resource_only() {
    let (active, suppressed) = outcome(&scan_json("suppressions/terraform_json"));
    assert_eq!(suppressed, accepted(&[("ZT012", 4, "comment", 5)]));
    assert_eq!(active, lines(&[("ZT012", 9)]));
}

#[test]
fn kubernetes_comments_and_annotations() {
    let (active, suppressed) = outcome(&scan_json("suppressions/kubernetes"));
    assert_eq!(
        suppressed,
        accepted(&[("LP011", 12, "comment", 1), ("LP011", 26, "annotation", 20),])
    );
    assert!(active.contains(&("LP011".to_string(), 38)));
    assert!(active.contains(&("TN004".to_string(), 38)));
}

#[test]
fn dockerfile_comments_cover_the_next_instruction() {
    let (active, suppressed) = outcome(&scan_json("suppressions/dockerfile"));
    assert_eq!(
        suppressed,
        accepted(&[("IM001", 2, "comment", 1), ("IM002", 2, "comment", 1)])
    );
    assert_eq!(active, lines(&[("LP013", 5), ("IM001", 5), ("TN004", 6)]));
}

#[test]
fn suppressed_findings_are_in_source_suppressions_in_sarif_and_do_not_fail_the_scan() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = tenet(
        repo,
        &[
            "scan",
            "testdata/suppressions/terraform_json",
            "--format",
            "sarif",
            "--select",
            "ZT012",
        ],
    );
    let log: Value = serde_json::from_slice(&output.stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let suppressed: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    let suppression = &suppressed[0]["suppressions"][0];
    assert_eq!(suppression["kind"], "inSource");
    assert_eq!(
        suppression["justification"],
        "vendor appliance, IMDSv2 unsupported; see INFRA-99"
    );
    assert_eq!(
        suppression["properties"]["location"],
        "testdata/suppressions/terraform_json/main.tf.json:5"
    );
    // The unsuppressed `web` instance still fails the scan; ignoring it leaves none.
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn tenet_toml_suppresses_by_rule_path_and_resource_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::create_dir_all(dir.path().join("legacy")).unwrap();
    let instance = |name: &str| {
        format!(
            "resource \"aws_instance\" \"{name}\" {{\n  ami           = \"ami-1\"\n  instance_type = \"t3.micro\"\n}}\n"
        )
    };
    std::fs::write(
        dir.path().join("legacy/main.tf"),
        instance("old") + &instance("older"),
    )
    .unwrap();
    std::fs::write(dir.path().join("main.tf"), instance("new")).unwrap();
    std::fs::write(
        dir.path().join("tenet.toml"),
        "[[suppress]]\nrules = [\"ZT012\"]\npaths = [\"legacy/\"]\nresources = [\"aws_instance.old*\"]\nreason = \"retired in INFRA-7\"\n\n[[suppress]]\nrules = [\"ZT012\"]\nresources = [\"aws_instance.gone\"]\nreason = \"nothing matches\"\n",
    )
    .unwrap();
    let output = tenet(
        dir.path(),
        &["scan", "--format", "json", "--select", "ZT,TN"],
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let (active, suppressed) = outcome(&report);
    assert_eq!(
        suppressed,
        accepted(&[("ZT012", 1, "config", 1), ("ZT012", 5, "config", 1)])
    );
    let suppressed_files: Vec<&str> = report["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(suppressed_files, ["legacy/main.tf", "legacy/main.tf"]);
    assert_eq!(active, lines(&[("ZT012", 1), ("TN004", 1)]));
    assert_eq!(report["findings"][0]["file"], "main.tf");
    assert_eq!(report["findings"][1]["file"], "tenet.toml");
    // A `[[suppress]]` entry without a reason is not valid configuration.
    std::fs::write(
        dir.path().join("tenet.toml"),
        "[[suppress]]\nrules = [\"ZT012\"]\n",
    )
    .unwrap();
    let output = tenet(dir.path(), &["scan"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("reason"));
}
