//! Fingerprints and baselines: a finding keeps its fingerprint through the edits that do not
//! change what it is about, and `scan --baseline` reports only findings not recorded.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may fail loudly

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::tenet;
use serde_json::Value;

const TERRAFORM: &str = r#"resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
"#;

const POD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx@sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb
      securityContext:
        privileged: true
";

/// A git work tree (the scan boundary) holding `files`.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    for (name, text) in files {
        write(dir.path(), name, text);
    }
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// rule → fingerprint of each finding of a JSON scan of `dir`.
fn fingerprints(dir: &Path) -> BTreeMap<String, String> {
    let output = tenet(
        dir,
        &["scan", "--format", "json", "--select", "ZT001,LP011"],
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["fingerprint"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn fingerprints_survive_moved_lines_reformatting_and_renamed_files() {
    let dir = project(&[("infra/main.tf", TERRAFORM), ("k8s/pod.yaml", POD)]);
    let before = fingerprints(dir.path());
    assert_eq!(before.len(), 2, "{before:?}");

    // Lines inserted above, and the file reformatted (indentation, blank lines, alignment).
    let moved = format!(
        "# Bastion host access.\n\n\n{}",
        TERRAFORM
            .replace("  ", "    ")
            .replace("from_port   =", "from_port =")
    );
    write(dir.path(), "infra/main.tf", &moved);
    write(dir.path(), "k8s/pod.yaml", &format!("# web\n---\n{POD}"));
    assert_eq!(fingerprints(dir.path()), before);

    // The files renamed inside their folders: the resources are the same.
    std::fs::rename(
        dir.path().join("infra/main.tf"),
        dir.path().join("infra/network.tf"),
    )
    .unwrap();
    std::fs::rename(
        dir.path().join("k8s/pod.yaml"),
        dir.path().join("k8s/web.yaml"),
    )
    .unwrap();
    assert_eq!(fingerprints(dir.path()), before);

    // Another resource, or another attribute, is another finding.
    write(
        dir.path(),
        "infra/network.tf",
        &TERRAFORM.replace("\"bastion\" {", "\"jump\" {"),
    );
    write(
        dir.path(),
        "k8s/web.yaml",
        &POD.replace("  name: web\nspec", "  name: api\nspec"),
    );
    let after = fingerprints(dir.path());
    assert_ne!(after["ZT001"], before["ZT001"]);
    assert_ne!(after["LP011"], before["LP011"]);
    write(
        dir.path(),
        "infra/network.tf",
        &TERRAFORM.replace(
            "cidr_blocks = [\"0.0.0.0/0\"]",
            "cidr_blocks = [\"10.0.0.0/8\", \"0.0.0.0/0\"]",
        ),
    );
    assert_ne!(fingerprints(dir.path())["ZT001"], before["ZT001"]);
}

#[test]
fn a_baseline_hides_the_findings_it_recorded_and_only_those() {
    let dir = project(&[("main.tf", TERRAFORM)]);
    let output = tenet(dir.path(), &["baseline", "--select", "ZT001,ZT012"]);
    assert_eq!(output.status.code(), Some(0));
    let recorded: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("tenet-baseline.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(recorded["findings"][0]["rule"], "ZT001");
    assert_eq!(
        recorded["findings"][0]["resource"],
        "aws_security_group.bastion"
    );

    // A new finding beside the recorded one.
    write(
        dir.path(),
        "main.tf",
        &format!(
            "{TERRAFORM}\nresource \"aws_instance\" \"new\" {{\n  ami           = \"ami-1\"\n  instance_type = \"t3.micro\"\n}}\n"
        ),
    );
    let scan = |format: &str| {
        tenet(
            dir.path(),
            &[
                "scan",
                "--select",
                "ZT001,ZT012",
                "--baseline",
                "tenet-baseline.json",
                "--format",
                format,
            ],
        )
    };
    let output = scan("concise");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("main.tf:11:1: ZT012"), "{text}");
    assert!(!text.contains("ZT001 ["), "{text}");
    assert!(text.contains("1 in the baseline"), "{text}");

    // In SARIF the baselined finding is an external suppression.
    let log: Value = serde_json::from_slice(&scan("sarif").stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let baselined: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(baselined.len(), 1);
    assert_eq!(baselined[0]["ruleId"], "ZT001");
    assert_eq!(baselined[0]["suppressions"][0]["kind"], "external");

    // A missing baseline is an error, never an empty one.
    let output = tenet(dir.path(), &["scan", "--baseline", "missing.json"]);
    assert_eq!(output.status.code(), Some(2));
}
