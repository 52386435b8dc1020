//! The command line as users run it: exit codes, output formats, custom rules, `ir`, `rules`.
//! Every test runs in a temp dir outside the repository with a cleared environment.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may fail loudly

mod common;

use common::{project, stdout, tenet};

use std::process::Output;

use serde_json::Value;

const PRIVILEGED_POD: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.25
      securityContext:
        privileged: true
";

#[test]
fn text_output_points_at_the_offending_line_with_a_snippet() {
    let dir = project(&[("pod.yaml", PRIVILEGED_POD)]);
    let output = tenet(dir.path(), &["scan", "--select", "LP011"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("LP011"), "{text}");
    assert!(text.contains("[pod.yaml:10:9]"), "{text}");
    assert!(text.contains("10 |         privileged: true"), "{text}");
    assert!(
        text.ends_with(
            "tenet: 1 finding (1 critical, 0 high, 0 medium, 0 low); 1 file scanned, 0 failed; 0 checks passed\n"
        ),
        "{text}"
    );
    // Not a terminal: plain ASCII, no escape sequences.
    assert!(text.is_ascii() && !text.contains('\u{1b}'), "{text}");
}

#[test]
fn json_output_has_the_same_finding_with_location_and_fingerprint() {
    let dir = project(&[("pod.yaml", PRIVILEGED_POD)]);
    let output = tenet(
        dir.path(),
        &["scan", "--format", "json", "--select", "LP011"],
    );
    assert_eq!(output.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["version"], 1);
    let finding = &json["findings"][0];
    assert_eq!(finding["rule"], "LP011");
    assert_eq!(finding["severity"], "critical");
    assert_eq!(finding["file"], "pod.yaml");
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(10), Some(9))
    );
    assert_eq!(finding["resource"], "Pod/web");
    assert_eq!(
        finding["path"],
        serde_json::json!(["spec", "containers", 0, "securityContext", "privileged"])
    );
    assert_eq!(finding["fingerprint"].as_str().unwrap().len(), 32);

    // The fingerprint survives edits above the finding.
    let shifted = project(&[("pod.yaml", &format!("# a new comment\n\n{PRIVILEGED_POD}"))]);
    let again: Value = serde_json::from_slice(
        &tenet(
            shifted.path(),
            &["scan", "--format", "json", "--select", "LP011"],
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(again["findings"][0]["line"], 12);
    assert_eq!(again["findings"][0]["fingerprint"], finding["fingerprint"]);
}

#[test]
fn output_file_gets_the_report() {
    let dir = project(&[("pod.yaml", PRIVILEGED_POD)]);
    let output = tenet(
        dir.path(),
        &[
            "scan", "--format", "json", "-o", "out.json", "--select", "LP011",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.json")).unwrap())
            .unwrap();
    assert_eq!(json["summary"]["findings"], 1);
}

#[test]
fn clean_scans_exit_zero_and_ignore_removes_rules() {
    let dir = project(&[("pod.yaml", PRIVILEGED_POD)]);
    let output = tenet(
        dir.path(),
        &["scan", "--select", "LP011", "--ignore", "LP011"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let output = tenet(dir.path(), &["scan", "--select", "XX"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("`XX` matches no rule"));
}

const CUSTOM_RULE: &str = "\
# METADATA
# title: Pods must carry a team label
# description: Every Pod names its owning team.
# custom:
#   id: HY901
#   severity: low
#   pillar: hygiene
#   layer: 6
#   controls: [CM-8]
#   targets: [kubernetes]
#   remediation: |
#     ```yaml
#     metadata:
#       labels: {team: payments}
#     ```
package tenet.hygiene.pod_without_team

import rego.v1

deny contains {\"resource\": r.address, \"path\": [\"metadata\", \"labels\", \"team\"], \"message\": \"no team label\"} if {
\tsome r in input.resources
\tr.type == \"Pod\"
\tnot r.attributes.metadata.labels.team
}
";

#[test]
fn custom_rules_run_beside_the_builtins_and_are_testable() {
    let dir = project(&[
        ("policies/pod_without_team.rego", CUSTOM_RULE),
        (
            "policies/testdata/HY901/fail/no_label.yaml",
            "apiVersion: v1\nkind: Pod\nmetadata: # expect: HY901\n  name: x\n",
        ),
        (
            "policies/testdata/HY901/pass/labelled.yaml",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {team: a}\n",
        ),
        ("app/pod.yaml", PRIVILEGED_POD),
    ]);
    let output = tenet(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--rules",
            "policies",
            "--select",
            "HY901,LP011",
            "app",
        ],
    );
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let rules: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, vec!["HY901", "LP011"], "{json:#}");
    // metadata.labels does not exist: the finding falls back to the deepest existing path.
    assert_eq!(json["findings"][0]["line"], 3);

    let output = tenet(dir.path(), &["rules", "test", "policies"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("ok HY901") && text.contains("test result: ok. 1 passed; 0 failed"),
        "{text}"
    );

    // A wrong annotation makes the test fail with file and line.
    std::fs::write(
        dir.path()
            .join("policies/testdata/HY901/pass/labelled.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n",
    )
    .unwrap();
    let output = tenet(dir.path(), &["rules", "test", "policies"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("labelled.yaml:3: unexpected HY901 finding"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_rule_with_bad_metadata_is_an_error() {
    let broken = CUSTOM_RULE.replace("#   severity: low", "#   severity: severe");
    let dir = project(&[
        ("policies/pod_without_team.rego", &broken),
        ("pod.yaml", PRIVILEGED_POD),
    ]);
    let output = tenet(dir.path(), &["scan", "--rules", "policies", "pod.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("policies/pod_without_team.rego:1")
            && stderr.contains("unknown variant `severe`"),
        "{stderr}"
    );
}

#[test]
fn a_runaway_rule_is_stopped_and_named() {
    let slow = CUSTOM_RULE.replace(
        "\tnot r.attributes.metadata.labels.team\n",
        "\tcount([i | some i in numbers.range(1, 20000); some j in numbers.range(1, 20000); i == j]) < 0\n",
    );
    let dir = project(&[
        ("policies/pod_without_team.rego", &slow),
        ("pod.yaml", PRIVILEGED_POD),
    ]);
    let output = tenet(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--rules",
            "policies",
            "--rule-timeout",
            "0.5",
            "pod.yaml",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let diagnostic = &json["diagnostics"][0];
    assert_eq!(
        (diagnostic["code"].as_str(), diagnostic["rule"].as_str()),
        (Some("rule"), Some("HY901")),
        "{json:#}"
    );
    // The built-in rules still ran.
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "LP011"),
        "{json:#}"
    );
}

#[test]
fn ir_prints_the_rego_input_with_optional_spans() {
    let dir = project(&[("pod.yaml", PRIVILEGED_POD)]);
    let output = tenet(dir.path(), &["ir", "pod.yaml", "--spans"]);
    assert_eq!(output.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let input = &json[0]["input"];
    assert_eq!(input["kind"], "kubernetes");
    assert_eq!(input["resources"][0]["address"], "Pod/web");
    assert_eq!(
        input["resources"][0]["attributes"]["spec"]["containers"][0]["securityContext"]["privileged"],
        true
    );
    let spans = &json[0]["spans"]["Pod/web"];
    assert_eq!(
        spans["spec.containers[0].securityContext.privileged"]["line"],
        10
    );
}

#[test]
fn rules_list_and_show_describe_the_builtins() {
    let dir = tempfile::tempdir().unwrap();
    let list = stdout(&tenet(dir.path(), &["rules", "list"]));
    assert!(
        list.lines()
            .any(|l| l.starts_with("LP011") && l.contains("critical")),
        "{list}"
    );
    let show = tenet(dir.path(), &["rules", "show", "lp011"]);
    assert_eq!(show.status.code(), Some(0));
    let text = stdout(&show);
    assert!(
        text.contains("controls:  AC-6, CM-7") && text.contains("Remediation:"),
        "{text}"
    );
    assert_eq!(
        tenet(dir.path(), &["rules", "show", "ZZ999"]).status.code(),
        Some(2)
    );
}

#[test]
fn help_shows_examples() {
    let dir = tempfile::tempdir().unwrap();
    let help = stdout(&tenet(dir.path(), &["scan", "--help"]));
    assert!(
        help.contains("Examples:") && help.contains("tenet scan --select LP011,IM"),
        "{help}"
    );
}

#[test]
fn tenet_toml_selects_rules_and_excludes_paths_unless_no_config() {
    let dir = project(&[
        (
            "tenet.toml",
            "select = [\"LP011\"]\nexclude = [\"vendor/\"]\n",
        ),
        ("app/pod.yaml", PRIVILEGED_POD),
        ("vendor/pod.yaml", PRIVILEGED_POD),
    ]);
    let rules_and_files = |output: &Output| -> Vec<(String, String)> {
        let json: Value = serde_json::from_slice(&output.stdout).unwrap();
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["file"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let output = tenet(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(
        rules_and_files(&output),
        vec![("LP011".to_string(), "app/pod.yaml".to_string())]
    );
    // Found by walking up from the scanned path, inside the scan boundary: the git work
    // tree, or `--root`; never above it.
    let only_lp011 = vec![("LP011".to_string(), "pod.yaml".to_string())];
    let output = tenet(&dir.path().join("app"), &["scan", "--format", "json", "."]);
    assert_ne!(rules_and_files(&output), only_lp011);
    let output = tenet(
        &dir.path().join("app"),
        &["scan", "--format", "json", "--root", "..", "."],
    );
    assert_eq!(rules_and_files(&output), only_lp011);
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let output = tenet(&dir.path().join("app"), &["scan", "--format", "json", "."]);
    assert_eq!(rules_and_files(&output), only_lp011);
    // --no-config: every rule, every file.
    let output = tenet(dir.path(), &["scan", "--format", "json", "--no-config"]);
    let found = rules_and_files(&output);
    assert!(
        found.iter().any(|(_, f)| f == "vendor/pod.yaml")
            && found.iter().any(|(r, _)| r != "LP011"),
        "{found:?}"
    );

    std::fs::write(dir.path().join("tenet.toml"), "selct = [\"LP011\"]\n").unwrap();
    let output = tenet(dir.path(), &["scan"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown field `selct`"));
}

#[test]
fn tenet_toml_overrides_a_rules_severity_for_reports_and_the_threshold() {
    let dir = project(&[
        ("Dockerfile", "FROM alpine:3.20\nUSER app\n"),
        ("tenet.toml", "[severity]\nim001 = \"critical\"\n"),
    ]);
    let output = tenet(
        dir.path(),
        &[
            "scan",
            "--select",
            "IM001",
            "--format",
            "json",
            "--fail-on",
            "critical",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["findings"][0]["severity"], "critical");
    std::fs::write(
        dir.path().join("tenet.toml"),
        "[severity]\nXX001 = \"low\"\n",
    )
    .unwrap();
    let output = tenet(dir.path(), &["scan"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("XX001"));
}

#[test]
fn tenet_toml_sets_the_longest_instance_lifetime_im006_accepts() {
    let group = "resource \"aws_autoscaling_group\" \"web\" {\n  min_size              = 1\n  max_size              = 2\n  max_instance_lifetime = 1209600\n}\n";
    let dir = project(&[("main.tf", group)]);
    let scan =
        |dir: &std::path::Path| tenet(dir, &["scan", "--select", "IM006", "--format", "concise"]);
    let output = scan(dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("up to 14 days, longer than the 7-day maximum"));
    std::fs::write(
        dir.path().join("tenet.toml"),
        "[immutability]\nmax-instance-lifetime-days = 14\n",
    )
    .unwrap();
    assert_eq!(scan(dir.path()).status.code(), Some(0));
}

#[test]
fn tenet_toml_sets_the_shortest_backup_retention_bk002_accepts() {
    let database = "resource \"aws_db_instance\" \"orders\" {\n  engine                  = \"postgres\"\n  backup_retention_period = 14\n}\n";
    let dir = project(&[("main.tf", database)]);
    let scan =
        |dir: &std::path::Path| tenet(dir, &["scan", "--select", "BK002", "--format", "concise"]);
    assert_eq!(scan(dir.path()).status.code(), Some(0));
    std::fs::write(
        dir.path().join("tenet.toml"),
        "[backup]\nmin-retention-days = 30\n",
    )
    .unwrap();
    let output = scan(dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("14 day(s), below the minimum of 30 days"),
        "{}",
        stdout(&output)
    );
    std::fs::write(
        dir.path().join("tenet.toml"),
        "[backup]\nmin-retention = 30\n",
    )
    .unwrap();
    assert_eq!(
        scan(dir.path()).status.code(),
        Some(2),
        "unknown keys are errors"
    );
}

#[test]
fn a_finding_may_carry_its_own_severity_unless_the_project_sets_the_rules() {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: shell\nspec:\n  containers:\n    - name: c\n      image: busybox\n  volumes:\n    - name: root\n      hostPath:\n        path: /\n    - name: logs\n      hostPath:\n        path: /var/log\n";
    let dir = project(&[("pod.yaml", pod)]);
    let severities = |dir: &std::path::Path| -> Vec<String> {
        let output = tenet(dir, &["scan", "--select", "LP016", "--format", "json"]);
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["severity"].as_str().unwrap().to_string())
            .collect()
    };
    // LP016 is high; a hostPath of `/` is critical.
    assert_eq!(severities(dir.path()), ["critical", "high"]);
    std::fs::write(
        dir.path().join("tenet.toml"),
        "[severity]\nLP016 = \"medium\"\n",
    )
    .unwrap();
    assert_eq!(severities(dir.path()), ["medium", "medium"]);
}
