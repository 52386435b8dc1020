//! Every output format on the CI fixture (`testdata/ci/`), as snapshots with the exit code,
//! and the SARIF log validated against the official SARIF 2.1.0 schema.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may fail loudly

mod common;

use std::path::Path;

use common::tenet;
use serde_json::Value;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tenet scan testdata/ci --format FORMAT ARGS…`: (exit code, stdout).
fn scan(format: &str, args: &[&str]) -> (i32, String) {
    let mut all = vec![
        "scan",
        "testdata/ci",
        "--baseline",
        "testdata/ci/tenet-baseline.json",
        "--format",
        format,
    ];
    all.extend_from_slice(args);
    let output = tenet(repo(), &all);
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/fixtures/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn schema_errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let (code, stdout) = scan("sarif", &[]);
    assert_eq!(code, 2, "broken.yaml was not checked");
    let log: Value = serde_json::from_str(&stdout).unwrap();
    let errors = schema_errors(&sarif_validator(), &log);
    assert!(errors.is_empty(), "{errors:#?}");

    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(ids, sorted, "rules sorted, no duplicates");
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(
            location["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("testdata/ci/")
        );
        assert_eq!(
            result["partialFingerprints"]["tenet/v1"]
                .as_str()
                .unwrap()
                .len(),
            32
        );
    }
    let security_severity = &rules[ids.iter().position(|id| *id == "LP011").unwrap()]["properties"]
        ["security-severity"];
    assert_eq!(security_severity, "9.5");
    // The comment suppression is in source, the baselined finding external.
    let kinds: Vec<(&str, &str)> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| {
            let kind = r.get("suppressions")?[0]["kind"].as_str()?;
            Some((r["ruleId"].as_str()?, kind))
        })
        .collect();
    assert_eq!(kinds, [("IM001", "inSource"), ("ZT012", "external")]);
    // The file that could not be parsed is a notification, and the run did not succeed.
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "testdata/ci/broken.yaml"
    );
}

#[test]
fn the_schema_check_rejects_what_github_would() {
    let (_, stdout) = scan("sarif", &[]);
    let validator = sarif_validator();
    let mut log: Value = serde_json::from_str(&stdout).unwrap();
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    let errors = schema_errors(&validator, &log);
    assert!(
        errors.iter().any(|e| e.contains("less than the minimum")),
        "{errors:#?}"
    );
}

#[test]
fn every_format_matches_its_snapshot() {
    for format in [
        "text", "concise", "json", "sarif", "github", "junit", "gitlab",
    ] {
        let (code, stdout) = scan(format, &["--color", "never"]);
        insta::assert_snapshot!(format!("scan_{format}"), format!("exit {code}\n{stdout}"));
    }
}

#[test]
fn the_threshold_and_exit_switches_set_the_exit_code() {
    let code = |args: &[&str]| scan("concise", args).0;
    // broken.yaml: exit 2 unless --allow-incomplete.
    assert_eq!(code(&[]), 2);
    assert_eq!(code(&["--allow-incomplete"]), 1);
    assert_eq!(code(&["--allow-incomplete", "--fail-on", "critical"]), 1);
    assert_eq!(code(&["--allow-incomplete", "--exit-zero"]), 0);
    assert_eq!(code(&["--exit-zero"]), 2, "errors still fail");
    // Only medium findings selected: under a high threshold the scan passes.
    assert_eq!(
        code(&[
            "--allow-incomplete",
            "--select",
            "IM001",
            "--fail-on",
            "high"
        ]),
        0
    );
    assert_eq!(
        code(&[
            "--allow-incomplete",
            "--select",
            "IM001",
            "--fail-on",
            "medium"
        ]),
        1
    );
}

#[test]
fn quiet_leaves_only_findings_and_errors() {
    let (_, stdout) = scan("concise", &["--quiet"]);
    assert!(!stdout.contains("tenet:"), "{stdout}");
    assert!(stdout.contains("LP011"));
    assert!(stdout.contains("broken.yaml"));
}

#[test]
fn statistics_count_findings_per_rule() {
    let (_, stdout) = scan("concise", &["--quiet", "--statistics"]);
    assert!(
        stdout
            .lines()
            .any(|l| l.split_whitespace().take(2).eq(["1", "LP011"])),
        "{stdout}"
    );
}
