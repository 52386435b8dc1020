//! A scanned tree is untrusted: each test here is an input a hostile pull request could
//! hold (see docs/security.md). tenet must read nothing outside the scan boundary, never
//! crash, and stay within bounded memory: every scan runs under `ulimit -v` (2 GiB of address
//! space, two worker threads), so a memory bomb that escaped its budget fails the test by
//! being killed. Small inputs live in `testdata/hostile/`; large and link-based ones are
//! generated here.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may fail loudly

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// Address-space limit for every scan, in KiB.
const ADDRESS_SPACE_KIB: u64 = 2 * 1024 * 1024;

fn hostile(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/hostile")
        .join(name)
}

/// Runs tenet in `dir` under the address-space limit.
fn tenet(dir: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {ADDRESS_SPACE_KIB} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_tenet"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("RAYON_NUM_THREADS", "2")
        .output()
        .unwrap()
}

/// `tenet scan --format json ARGS` in `dir`: (exit code, report). A crash fails here.
fn scan(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["scan", "--format", "json", "--no-config"];
    all.extend_from_slice(args);
    let output = tenet(dir, &all);
    let code = output.status.code().unwrap_or_else(|| {
        panic!(
            "tenet was killed (signal): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: stdout {} stderr {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (code, json)
}

fn diagnostic_codes(json: &Value) -> Vec<(String, String, String)> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["code"].as_str().unwrap_or_default().to_string(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn has(json: &Value, code: &str, message_part: &str) -> bool {
    diagnostic_codes(json)
        .iter()
        .any(|(_, c, m)| c == code && m.contains(message_part))
}

fn rules(json: &Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

/// A tree beside a directory of "secrets" outside it.
fn tree_with_outside() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside");
    let tree = dir.path().join("tree");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::create_dir_all(&tree).unwrap();
    std::fs::write(
        outside.join("credentials"),
        "[default]\naws_secret_access_key = OUTSIDE-SECRET-1234\n",
    )
    .unwrap();
    (dir, outside, tree)
}

#[test]
fn links_out_of_the_tree_are_not_followed_and_nothing_outside_is_printed() {
    let (_dir, outside, tree) = tree_with_outside();
    std::os::unix::fs::symlink(outside.join("credentials"), tree.join("Dockerfile")).unwrap();
    std::os::unix::fs::symlink("/", tree.join("rootlink")).unwrap();
    std::fs::create_dir(tree.join("sub")).unwrap();
    std::os::unix::fs::symlink("..", tree.join("sub/up")).unwrap();
    std::fs::write(tree.join("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n    securityContext:\n      privileged: true\n").unwrap();

    let (code, json) = scan(&tree, &["."]);
    let text = json.to_string();
    assert!(!text.contains("OUTSIDE-SECRET"), "{text}");
    // Harmless links are warnings: the scan is complete, the finding in the tree reported.
    assert_eq!(code, 1, "{json:#}");
    assert!(rules(&json).contains(&"LP011".to_string()));
    let codes = diagnostic_codes(&json);
    for link in ["Dockerfile", "rootlink"] {
        assert!(
            codes
                .iter()
                .any(|(f, c, _)| f == link && c == "outside-boundary"),
            "{link}: {codes:#?}"
        );
    }
    assert!(
        codes
            .iter()
            .any(|(f, c, _)| f == "sub/up" && c == "symlink-loop")
    );

    // Named on the command line, the link is refused too.
    let (_, json) = scan(&tree, &["Dockerfile"]);
    assert!(!json.to_string().contains("OUTSIDE-SECRET"));
    assert!(has(&json, "outside-boundary", "outside the scan boundary"));
}

#[test]
fn terraform_modules_outside_the_tree_are_not_read() {
    let (_dir, outside, tree) = tree_with_outside();
    std::fs::write(
        outside.join("main.tf"),
        "resource \"aws_security_group\" \"outside\" {\n  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"] # OUTSIDE-SECRET\n  }\n}\n",
    )
    .unwrap();
    let app = tree.join("app");
    std::fs::create_dir_all(app.join(".terraform/modules")).unwrap();
    std::fs::write(
        app.join("main.tf"),
        "module \"local\" {\n  source = \"../../outside\"\n}\nmodule \"installed\" {\n  source = \"example/x/aws\"\n}\n",
    )
    .unwrap();
    std::fs::write(
        app.join(".terraform/modules/modules.json"),
        format!(
            "{{\"Modules\":[{{\"Key\":\"installed\",\"Source\":\"x\",\"Dir\":\"{}\"}}]}}",
            outside.display()
        ),
    )
    .unwrap();
    let (code, json) = scan(&tree, &["."]);
    assert!(!json.to_string().contains("OUTSIDE-SECRET"), "{json:#}");
    assert_eq!(code, 0, "{json:#}");
    assert!(rules(&json).is_empty());
    let outside_modules = diagnostic_codes(&json)
        .into_iter()
        .filter(|(_, c, _)| c == "outside-boundary")
        .count();
    assert_eq!(outside_modules, 2, "{json:#}");

    // `--root` widens the boundary: the same module is then read and checked.
    let (code, json) = scan(&tree, &["--root", "..", "."]);
    assert_eq!(code, 1, "{json:#}");
    assert!(rules(&json).contains(&"ZT001".to_string()));
}

fn terraform_case(body: &str) -> (tempfile::TempDir, i32, Value) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("main.tf"), body).unwrap();
    let (code, json) = scan(dir.path(), &["."]);
    (dir, code, json)
}

#[test]
fn a_long_chain_of_locals_is_a_limit_not_a_stack_overflow() {
    let mut body = String::from("locals {\n  a0 = 0\n");
    for i in 1..=4000 {
        body.push_str(&format!("  a{i} = local.a{} + 1\n", i - 1));
    }
    body.push_str("}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = local.a4000\n}\n");
    let (_dir, code, json) = terraform_case(&body);
    assert_eq!(code, 2, "{json:#}");
    assert!(has(&json, "limit", "nests deeper than"), "{json:#}");
}

#[test]
fn values_that_multiply_are_a_limit_not_an_allocation_failure() {
    let (_dir, code, json) =
        terraform_case(&std::fs::read_to_string(hostile("terraform/string_bomb.tf")).unwrap());
    assert_eq!(code, 2, "{json:#}");
    assert!(has(&json, "limit", "evaluation"), "{json:#}");
}

#[test]
fn a_million_element_set_is_built_in_linear_time() {
    // Quadratic before: this took over 10 minutes. Within the budget, it simply evaluates.
    let (_dir, code, json) =
        terraform_case(&std::fs::read_to_string(hostile("terraform/big_set.tf")).unwrap());
    assert_eq!(code, 0, "{json:#}");
    assert!(diagnostic_codes(&json).is_empty(), "{json:#}");
}

#[test]
fn yaml_aliases_are_budgeted_in_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let big = "x".repeat(100_000);
    let mut yaml =
        format!("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\na0: &a0 \"{big}\"\n");
    for level in 1..=4 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        yaml.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    std::fs::write(dir.path().join("bomb.yaml"), yaml).unwrap();
    let (code, json) = scan(dir.path(), &["."]);
    assert_eq!(code, 2, "{json:#}");
    assert!(
        has(&json, "parse", "aliases expand to more than"),
        "{json:#}"
    );
}

/// A scan of one privileged Pod with the custom rules in `hostile/rules/<name>`.
fn with_rule(name: &str, extra: &[&str]) -> (i32, Value) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        hostile("kubernetes/utf16_privileged.yaml"),
        dir.path().join("pod.yaml"),
    )
    .unwrap();
    let rules = hostile("rules").join(name);
    let mut args = vec!["--rules", rules.to_str().unwrap()];
    args.extend_from_slice(extra);
    args.push("pod.yaml");
    scan(dir.path(), &args)
}

#[test]
fn a_recursive_rule_is_rejected_when_it_loads() {
    let (code, json) = with_rule("recursive", &[]);
    assert_eq!(code, 2);
    assert!(has(&json, "rule", "recursion is not allowed"), "{json:#}");
    // The JSON document is complete even though no file was scanned.
    assert_eq!(json["summary"]["incomplete"], true, "{json:#}");
}

#[test]
fn a_huge_builtin_call_is_a_rule_error() {
    let (code, json) = with_rule("huge_range", &["--rule-timeout", "0.5"]);
    assert_eq!(code, 2, "{json:#}");
    assert!(has(&json, "rule", "more than 1000000 elements"), "{json:#}");
    assert!(
        diagnostic_codes(&json)
            .iter()
            .any(|(f, _, _)| f.ends_with("huge_range.rego"))
    );
}

#[test]
fn numeric_limits_are_validated() {
    let dir = tempfile::tempdir().unwrap();
    for value in ["1e300", "0", "-1", "NaN"] {
        let flag = format!("--rule-timeout={value}");
        let output = tenet(dir.path(), &["scan", &flag, "."]);
        assert_eq!(output.status.code(), Some(2), "{value}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("rule timeout"));
    }
}

#[test]
fn utf16_manifests_are_decoded_and_checked() {
    let (code, json) = scan(&hostile("kubernetes"), &["utf16_privileged.yaml"]);
    assert_eq!(code, 1, "{json:#}");
    let lp011 = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "LP011")
        .expect("LP011");
    assert_eq!(lp011["line"], 10);
}

#[test]
fn a_binary_file_named_on_the_command_line_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("deploy.yaml"),
        b"\x7fELF\x02\x01\x01\0\0\0binary",
    )
    .unwrap();
    let (code, json) = scan(dir.path(), &["deploy.yaml"]);
    assert_eq!(code, 2, "{json:#}");
    assert!(has(&json, "binary", "binary file"), "{json:#}");
}

#[test]
fn a_deep_manifest_within_the_limit_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut yaml =
        String::from("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n");
    for level in 0..150 {
        yaml.push_str(&format!("{}k{level}:\n", "  ".repeat(level + 1)));
    }
    yaml.push_str(&format!("{}leaf: 1\n", "  ".repeat(151)));
    std::fs::write(dir.path().join("deep.yaml"), yaml).unwrap();
    let (code, json) = scan(dir.path(), &["."]);
    assert!(diagnostic_codes(&json).is_empty(), "{json:#}");
    assert_eq!(code, 0);
}

#[test]
fn quoted_scalars_kubernetes_accepts_are_accepted_with_exact_lines() {
    let (code, json) = scan(&hostile("kubernetes"), &["quoted_continuation.yaml"]);
    assert!(diagnostic_codes(&json).is_empty(), "{json:#}");
    assert_eq!(code, 1);
    let lp011 = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "LP011")
        .expect("LP011");
    assert_eq!(
        (lp011["line"].as_u64(), lp011["column"].as_u64()),
        (Some(17), Some(7))
    );
}

#[test]
fn dockerfile_stages_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let stages: String = (0..1_500).map(|i| format!("FROM alpine:3.{i}\n")).collect();
    std::fs::write(dir.path().join("Dockerfile"), stages).unwrap();
    let (code, json) = scan(dir.path(), &["."]);
    assert_eq!(code, 2);
    assert!(has(&json, "parse", "more than 1000 stages"), "{json:#}");
}

#[test]
fn text_output_of_many_findings_completes() {
    // 5,000 findings in one file: text output reads only the lines around each.
    let dir = tempfile::tempdir().unwrap();
    let stages: String = (0..900)
        .map(|i| format!("FROM alpine:latest AS s{i}\nRUN true\n"))
        .collect();
    std::fs::write(dir.path().join("Dockerfile"), stages).unwrap();
    let output = tenet(dir.path(), &["scan", "--no-config", "."]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("Dockerfile:1799:1"),
        "the last stage is shown"
    );
}
