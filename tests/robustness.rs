//! Bad input never crashes the scan or passes as clean: every broken file under
//! `testdata/malformed/` gets its own diagnostic, the valid file beside them is still checked,
//! and the exit code says the scan was incomplete.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may fail loudly

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn tenet() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tenet"));
    command.env_clear();
    command
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// The malformed fixtures in a temp dir (outside the repository, so no `.gitignore` or config
/// leaks in), plus the cases git cannot hold portably: a symlink loop and a dangling symlink.
fn malformed_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/malformed");
    copy_dir(&root, dir.path());
    let links = dir.path().join("links");
    std::fs::create_dir(&links).unwrap();
    std::os::unix::fs::symlink("..", links.join("loop")).unwrap();
    std::os::unix::fs::symlink("does-not-exist.yaml", links.join("dangling.yaml")).unwrap();
    dir
}

fn scan_json(args: &[&str], dir: &Path) -> (i32, Value) {
    let output = tenet()
        .current_dir(dir)
        .args(["scan", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)));
    (output.status.code().unwrap(), json)
}

/// (file, code, line) of every diagnostic.
fn diagnostics(json: &Value) -> Vec<(String, String, Option<u64>)> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64(),
            )
        })
        .collect()
}

#[test]
fn every_broken_file_is_reported_and_the_rest_is_still_checked() {
    let dir = malformed_tree();
    let (code, json) = scan_json(&["."], dir.path());
    assert_eq!(code, 2, "an incomplete scan exits 2: {json:#}");

    let found = diagnostics(&json);
    let expect = |file: &str, code: &str, line: Option<u64>| {
        assert!(
            found.contains(&(file.to_string(), code.to_string(), line)),
            "missing diagnostic {file} {code} {line:?} in {found:#?}"
        );
    };
    expect("kubernetes/bad_indentation.yaml", "parse", Some(5));
    expect("kubernetes/alias_bomb.yaml", "parse", Some(11));
    expect("kubernetes/binary_manifest.yaml", "binary", Some(3));
    expect("kubernetes/latin1.yaml", "not-utf8", Some(4));
    expect(
        "dockerfile/unknown_instruction/Dockerfile",
        "parse",
        Some(2),
    );
    expect("dockerfile/binary/Dockerfile", "binary", Some(1));
    expect("dockerfile/latin1/Dockerfile", "not-utf8", Some(2));
    expect("links/dangling.yaml", "io", None);
    assert!(
        found
            .iter()
            .any(|(f, c, _)| f == "dockerfile/empty/Dockerfile" && c == "parse"),
        "an empty Dockerfile has no FROM: {found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|(f, c, _)| f.starts_with("links/loop") && c == "symlink-loop"),
        "symlink loop: {found:#?}"
    );

    // The valid manifest beside the broken ones was checked and its finding reported.
    let findings = json["findings"].as_array().unwrap();
    assert!(
        findings.iter().any(|f| f["rule"] == "LP011"
            && f["file"] == "valid/privileged.yaml"
            && f["line"] == 11)
    );
    assert_eq!(json["summary"]["incomplete"], true);
    // The valid manifest plus the Terraform files that could be read (terraform/*: the
    // good files beside the broken ones, and the modules that are only evaluated with
    // warnings).
    assert_eq!(json["summary"]["files_scanned"], 6);
    let error_files: std::collections::BTreeSet<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["level"] == "error")
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(json["summary"]["files_failed"], error_files.len());
    expect("terraform/broken_file/bad.tf", "parse", Some(2));
    expect("terraform/json/trailing_comma.tf.json", "parse", Some(4));
    // Inputs the fuzzer found crashing or hanging: each a diagnostic at its place in the file.
    expect("fuzz/error_inside_a_character.tf", "parse", Some(1));
    expect("fuzz/unterminated_quoted_scalar.yaml", "parse", Some(17));
    expect(
        "fuzz/open_brackets_in_an_interpolation.tf",
        "parse",
        Some(1),
    );
    expect("fuzz/open_brackets_in_a_template.tf.json", "parse", Some(3));
    expect("fuzz/operands_after_operator_chains.tf", "parse", Some(31));
    expect("fuzz/refused_at_the_end_of_the_file.tf", "parse", Some(46));
}

#[test]
fn allow_incomplete_reports_the_same_problems_but_exits_on_findings() {
    let dir = malformed_tree();
    let (code, json) = scan_json(&["--allow-incomplete", "."], dir.path());
    assert_eq!(code, 1);
    assert_eq!(json["summary"]["incomplete"], true);
    assert!(!json["diagnostics"].as_array().unwrap().is_empty());
}

#[test]
fn a_file_over_the_size_limit_is_reported_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: v\n";
    std::fs::write(dir.path().join("big.yaml"), manifest).unwrap();
    // A large data file that is not a manifest is not an input: skipped silently.
    std::fs::write(
        dir.path().join("data.json"),
        format!("[{}]", "1,".repeat(200) + "1"),
    )
    .unwrap();
    let (code, json) = scan_json(&["--max-file-size", "40", "."], dir.path());
    assert_eq!(code, 2);
    let found = diagnostics(&json);
    assert_eq!(
        found,
        vec![("big.yaml".to_string(), "too-large".to_string(), None)]
    );
}

#[test]
fn deep_nesting_is_a_diagnostic_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let mut block = String::from("apiVersion: v1\nkind: ConfigMap\ndata:\n");
    for depth in 1..1500 {
        block.push_str(&" ".repeat(depth));
        block.push_str("a:\n");
    }
    std::fs::write(dir.path().join("deep.yaml"), block).unwrap();
    let flow = format!(
        "{{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": {}1{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    std::fs::write(dir.path().join("deep.json"), flow).unwrap();
    let (code, json) = scan_json(&["."], dir.path());
    assert_eq!(code, 2);
    let found = diagnostics(&json);
    assert!(
        found.iter().any(|d| d.0 == "deep.yaml" && d.1 == "parse"),
        "{found:?}"
    );
    assert!(
        found.iter().any(|d| d.0 == "deep.json" && d.1 == "parse"),
        "{found:?}"
    );
}

#[test]
fn helm_chart_templates_are_skipped_with_one_info_line() {
    let dir = tempfile::tempdir().unwrap();
    let chart = dir.path().join("chart");
    std::fs::create_dir_all(chart.join("templates")).unwrap();
    std::fs::write(
        chart.join("Chart.yaml"),
        "apiVersion: v2\nname: web\nversion: 1.0.0\n",
    )
    .unwrap();
    let template = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n";
    std::fs::write(chart.join("templates/deployment.yaml"), template).unwrap();
    std::fs::write(chart.join("templates/service.yaml"), template).unwrap();
    let (code, json) = scan_json(&["."], dir.path());
    assert_eq!(code, 0, "{json:#}");
    let found = diagnostics(&json);
    assert_eq!(
        found,
        vec![(
            "chart/templates".to_string(),
            "helm-templates".to_string(),
            None
        )]
    );
    assert_eq!(json["diagnostics"][0]["level"], "info");
}

#[test]
fn missing_paths_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let output = tenet()
        .current_dir(dir.path())
        .args(["scan", "nope"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nope"));
}
