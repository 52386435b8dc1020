//! The rule test harness behind `tenet rules test` and `cargo test` (same code).
//!
//! Fixtures live in `<fixtures>/<ID>/fail/<case>` and `<fixtures>/<ID>/pass/<case>` (a case is
//! a file or a directory). Expected findings are written in the fixture: `# expect: ID` (or
//! `// expect: ID`) at the end of the offending line, or on a line of its own, which then
//! applies to the next line that is not itself an annotation. Inputs that cannot hold comments
//! use a sidecar `expected.json`: `[{"rule": "ID", "file": "main.tf.json", "line": 7}]`.
//! The rule under test runs alone; every unmatched finding and every unmatched expectation is
//! reported, with rule id and line. Rego `test_*` rules in the rule file or in a
//! `<name>_test.rego` beside it run too.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::discover::display_path;
use crate::engine::{DEFAULT_RULE_TIMEOUT, Engine};
use crate::rules::{RuleSet, package_of};
use crate::scan::{self, ScanOptions};

/// The result of testing one rule.
#[derive(Debug, Default)]
pub struct RuleTestReport {
    pub id: String,
    pub path: String,
    pub cases: usize,
    pub rego_tests: usize,
    /// One line per problem; empty when the rule passed.
    pub failures: Vec<String>,
}

impl RuleTestReport {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

impl fmt::Display for RuleTestReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = if self.passed() { "ok" } else { "FAILED" };
        writeln!(
            f,
            "{} {} ({}): {} fixture case(s), {} Rego test(s)",
            status, self.id, self.path, self.cases, self.rego_tests
        )?;
        for failure in &self.failures {
            writeln!(f, "    {failure}")?;
        }
        Ok(())
    }
}

/// One expected or actual finding: rule id, file (display path) and line.
type Expectation = (String, String, usize);

/// Where fixtures for the rules in `rules_dir` live: `<dir>/testdata` if it exists, else
/// `<dir>/../testdata/rules` (the layout of this repository).
pub fn default_fixtures(rules_dir: &Path) -> PathBuf {
    let inside = rules_dir.join("testdata");
    if inside.is_dir() {
        return inside;
    }
    match rules_dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.join("testdata").join("rules"),
        _ => PathBuf::from("testdata").join("rules"),
    }
}

/// Tests every rule in `rules_dir` (optionally only `only` ids) against its fixtures.
pub fn run_dir(
    rules_dir: &Path,
    fixtures: &Path,
    only: Option<&str>,
) -> Result<Vec<RuleTestReport>, Vec<Diagnostic>> {
    let mut set = RuleSet::load_dir(rules_dir)?;
    // A scan gives custom rules the built-in helper libraries: so does the test run.
    let builtin = RuleSet::builtin()?;
    let present: BTreeSet<Option<String>> = set
        .libraries
        .iter()
        .map(|l| package_of(&l.source))
        .collect();
    set.libraries.extend(
        builtin
            .libraries
            .into_iter()
            .filter(|l| !present.contains(&package_of(&l.source))),
    );
    let engine = Engine::new(&set, DEFAULT_RULE_TIMEOUT)?;
    let known: BTreeSet<String> = set.rules.iter().map(|r| r.meta.id.clone()).collect();
    let mut reports = Vec::new();
    for (index, rule) in set.rules.iter().enumerate() {
        if only.is_some_and(|id| id != rule.meta.id) {
            continue;
        }
        let mut report = RuleTestReport {
            id: rule.meta.id.clone(),
            path: rule.path.clone(),
            ..RuleTestReport::default()
        };
        run_fixtures(
            &engine,
            index,
            &fixtures.join(&rule.meta.id),
            &known,
            &mut report,
        );
        run_rego_tests(&engine, rules_dir, rule, &mut report);
        reports.push(report);
    }
    Ok(reports)
}

/// Tests the one rule at `rule_file` (used by `cargo test`, one test per rule).
pub fn run_rule(
    rules_dir: &Path,
    fixtures: &Path,
    rule_file: &Path,
) -> Result<RuleTestReport, String> {
    let display = display_path(rule_file);
    let set = RuleSet::load_dir(rules_dir).map_err(|errors| join(&errors))?;
    let rule = set
        .rules
        .iter()
        .find(|r| r.path == display)
        .ok_or_else(|| format!("{display} is not a rule (no METADATA)"))?;
    let mut reports =
        run_dir(rules_dir, fixtures, Some(&rule.meta.id)).map_err(|errors| join(&errors))?;
    reports.pop().ok_or_else(|| format!("{display}: no report"))
}

fn join(errors: &[Diagnostic]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

fn run_fixtures(
    engine: &Engine,
    index: usize,
    dir: &Path,
    known: &BTreeSet<String>,
    report: &mut RuleTestReport,
) {
    let mut saw = (false, false);
    for (outcome, must_fire) in [("fail", true), ("pass", false)] {
        let Ok(entries) = std::fs::read_dir(dir.join(outcome)) else {
            continue;
        };
        let mut cases: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        cases.sort();
        for case in cases {
            if must_fire {
                saw.0 = true
            } else {
                saw.1 = true
            }
            report.cases += 1;
            run_case(engine, index, &case, must_fire, known, report);
        }
    }
    if !saw.0 {
        report.failures.push(format!(
            "no fail/ fixture cases under {}",
            display_path(dir)
        ));
    }
    if !saw.1 {
        report.failures.push(format!(
            "no pass/ fixture cases under {}",
            display_path(dir)
        ));
    }
}

fn run_case(
    engine: &Engine,
    index: usize,
    case: &Path,
    must_fire: bool,
    known: &BTreeSet<String>,
    report: &mut RuleTestReport,
) {
    let case_name = display_path(case);
    let Some(rule) = engine.rules().get(index) else {
        return;
    };
    let id = rule.meta.id.clone();
    let options = ScanOptions::new(vec![case.to_path_buf()]);
    let outcome = match scan::scan(engine, &[index], &options) {
        Ok(outcome) => outcome,
        Err(e) => {
            report.failures.push(format!("{case_name}: {e}"));
            return;
        }
    };
    for diagnostic in outcome.diagnostics.iter().filter(|d| d.is_error()) {
        report.failures.push(format!(
            "{case_name}: fixture could not be checked: {diagnostic}"
        ));
    }
    if outcome.files_scanned == 0 {
        report.failures.push(format!(
            "{case_name}: no input tenet recognises in this case"
        ));
    }

    let mut expected = Vec::new();
    let mut expected_undecided = Vec::new();
    for file in case_files(case) {
        match expectations(&file, known, &id) {
            Ok(mut found) => {
                expected.append(&mut found.findings);
                expected_undecided.append(&mut found.undecided);
            }
            Err(e) => report.failures.push(e),
        }
    }
    if must_fire && expected.is_empty() {
        report.failures.push(format!("{case_name}: a fail/ case needs at least one `expect: {id}` annotation (or expected.json entry)"));
    }
    if !must_fire && !expected.is_empty() {
        report.failures.push(format!(
            "{case_name}: a pass/ case must not expect findings"
        ));
    }

    // Results as (rule, file, line, message), sorted as reports sort them.
    let mut findings: Vec<&crate::findings::Finding> = outcome.findings.iter().collect();
    findings.sort_by_key(|f| f.sort_key());
    let findings: Vec<Reported<'_>> = findings
        .into_iter()
        .map(|f| (f.rule.as_str(), f.file.as_str(), f.line, f.message.as_str()))
        .collect();
    let mut undecided: Vec<&crate::findings::Undecided> = outcome.undecided.iter().collect();
    undecided.sort_by_key(|u| u.sort_key());
    let undecided: Vec<Reported<'_>> = undecided
        .into_iter()
        .map(|u| (u.rule.as_str(), u.file.as_str(), u.line, u.why.as_str()))
        .collect();
    match_results(
        &expected,
        findings,
        report,
        "but it did not fire",
        ("", "finding"),
    );
    match_results(
        &expected_undecided,
        undecided,
        report,
        "to report this check as undecided, but it did not",
        ("undecided ", "check"),
    );
}

/// One reported result: rule, file, line and message.
type Reported<'a> = (&'a str, &'a str, usize, &'a str);

/// Pairs each expectation with a result of the same rule, file and line; every expectation
/// left over and every result left over is a failure.
fn match_results(
    expected: &[Expectation],
    mut actual: Vec<Reported<'_>>,
    report: &mut RuleTestReport,
    missing: &str,
    (before, noun): (&str, &str),
) {
    for want in expected {
        let matched = actual
            .iter()
            .position(|got| (got.0, got.1, got.2) == (want.0.as_str(), want.1.as_str(), want.2));
        match matched {
            Some(i) => {
                actual.remove(i);
            }
            None => report.failures.push(format!(
                "{}:{}: expected {} {missing}",
                want.1, want.2, want.0
            )),
        }
    }
    for (rule, file, line, message) in actual {
        report.failures.push(format!(
            "{file}:{line}: unexpected {before}{rule} {noun}: {message}"
        ));
    }
}

/// Every file of a case (the case itself when it is a file), sorted.
fn case_files(case: &Path) -> Vec<PathBuf> {
    if case.is_file() {
        return vec![case.to_path_buf()];
    }
    let mut files = Vec::new();
    let mut stack = vec![case.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// What one fixture file expects of the rule under test: findings, and checks it reports as
/// undecided (`# undecided: ID`, or `"undecided": true` in `expected.json`).
#[derive(Debug, Default)]
struct Expected {
    findings: Vec<Expectation>,
    undecided: Vec<Expectation>,
}

/// The expectations written in one fixture file (annotations, or a sidecar `expected.json`).
fn expectations(file: &Path, known: &BTreeSet<String>, rule: &str) -> Result<Expected, String> {
    let display = display_path(file);
    let Ok(text) = std::fs::read_to_string(file) else {
        return Ok(Expected::default()); // binary fixture (robustness cases)
    };
    if file.file_name().is_some_and(|n| n == "expected.json") {
        let entries = sidecar(file, &text)?;
        if let Some((unknown, _)) = entries.iter().find(|e| !known.contains(&e.0.0)) {
            return Err(format!("{display}: names an unknown rule `{}`", unknown.0));
        }
        let mut expected = Expected::default();
        for (entry, undecided) in entries.into_iter().filter(|e| e.0.0 == rule) {
            if undecided {
                expected.undecided.push(entry);
            } else {
                expected.findings.push(entry);
            }
        }
        return Ok(expected);
    }
    Ok(Expected {
        findings: annotated(&display, &text, known, rule, "expect")?,
        undecided: annotated(&display, &text, known, rule, "undecided")?,
    })
}

/// The lines `keyword: ID` annotations of `rule` apply to.
fn annotated(
    display: &str,
    text: &str,
    known: &BTreeSet<String>,
    rule: &str,
    keyword: &str,
) -> Result<Vec<Expectation>, String> {
    let mut found = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let number = number + 1;
        let ids = annotation_ids(line, keyword);
        let trimmed = line.trim_start();
        let own_line = !ids.is_empty() && (trimmed.starts_with('#') || trimmed.starts_with("//"));
        for id in &ids {
            if !known.contains(id) {
                return Err(format!(
                    "{display}:{number}: `{keyword}: {id}` names an unknown rule"
                ));
            }
        }
        if own_line {
            pending.extend(ids);
            continue;
        }
        for id in pending.drain(..).chain(ids) {
            if id == rule {
                found.push((id, display.to_string(), number));
            }
        }
    }
    if !pending.is_empty() {
        return Err(format!(
            "{display}: `{keyword}:` annotation at the end of the file applies to no line"
        ));
    }
    Ok(found)
}

/// Rule ids of a `keyword:` annotation (`expect:`, `undecided:`) in a `#` or `//` comment on
/// this line.
fn annotation_ids(line: &str, keyword: &str) -> Vec<String> {
    let marker = format!("{keyword}:");
    let Some(at) = line.find(&marker) else {
        return Vec::new();
    };
    let before = line.get(..at).unwrap_or_default().trim_end();
    if !(before.ends_with('#') || before.ends_with("//")) {
        return Vec::new();
    }
    line.get(at + marker.len()..)
        .unwrap_or_default()
        .split([',', ' '])
        .map(str::trim)
        .take_while(|s| s.is_empty() || looks_like_id(s))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn looks_like_id(s: &str) -> bool {
    s.len() == 5
        && s.chars().take(2).all(|c| c.is_ascii_uppercase())
        && s.chars().skip(2).all(|c| c.is_ascii_digit())
}

/// The entries of an `expected.json`, each with whether it expects an undecided check.
fn sidecar(file: &Path, text: &str) -> Result<Vec<(Expectation, bool)>, String> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Entry {
        rule: String,
        file: String,
        line: usize,
        #[serde(default)]
        undecided: bool,
    }
    let display = display_path(file);
    let entries: Vec<Entry> = serde_json::from_str(text).map_err(|e| format!("{display}: {e}"))?;
    let dir = file.parent().unwrap_or(Path::new("."));
    Ok(entries
        .into_iter()
        .map(|e| {
            (
                (e.rule, display_path(&dir.join(e.file)), e.line),
                e.undecided,
            )
        })
        .collect())
}

/// Runs `test_*` rules from the rule file and from `<name>_test.rego` beside it.
fn run_rego_tests(
    engine: &Engine,
    rules_dir: &Path,
    rule: &crate::rules::Rule,
    report: &mut RuleTestReport,
) {
    let mut engine = engine.clone();
    let mut modules = vec![(rule.package.clone(), rule.source.clone())];
    let test_file = Path::new(&rule.path).with_file_name(format!("{}_test.rego", rule.short_name));
    let test_file = if test_file.exists() {
        test_file
    } else {
        rules_dir.join(format!("{}_test.rego", rule.short_name))
    };
    if let Ok(source) = std::fs::read_to_string(&test_file) {
        if let Err(e) = engine.add_module(&display_path(&test_file), &source) {
            report
                .failures
                .push(format!("{}: {e}", display_path(&test_file)));
            return;
        }
        modules.push((package_of(&source).unwrap_or_default(), source));
    }
    for (package, source) in modules {
        for name in source.lines().filter_map(test_rule_name) {
            report.rego_tests += 1;
            match engine.run_rego_test(&package, name) {
                Ok(true) => {}
                Ok(false) => report
                    .failures
                    .push(format!("Rego test data.{package}.{name} failed")),
                Err(e) => report
                    .failures
                    .push(format!("Rego test data.{package}.{name}: {e}")),
            }
        }
    }
}

fn test_rule_name(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("test_")?;
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    line.get(..len + "test_".len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_are_read_from_hash_and_slash_comments() {
        assert_eq!(
            annotation_ids("  privileged: true # expect: LP011", "expect"),
            vec!["LP011"]
        );
        assert_eq!(
            annotation_ids("# expect: IM001, IM002", "expect"),
            vec!["IM001", "IM002"]
        );
        assert_eq!(
            annotation_ids("x = 1 // expect: ZT001", "expect"),
            vec!["ZT001"]
        );
        assert!(annotation_ids("description: \"expect: LP011\"", "expect").is_empty());
        assert!(annotation_ids("no annotation", "expect").is_empty());
        assert_eq!(
            annotation_ids("  region = var.region # undecided: BK003", "undecided"),
            vec!["BK003"]
        );
        assert!(annotation_ids("  x = 1 # undecided: BK003", "expect").is_empty());
    }

    #[test]
    fn an_own_line_annotation_applies_to_the_next_non_annotation_line() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("Dockerfile");
        std::fs::write(
            &file,
            "# expect: IM001\n# expect: IM002\nFROM nginx\nRUN x # expect: IM001\n",
        )
        .unwrap();
        let known: BTreeSet<String> = ["IM001", "IM002"].iter().map(|s| s.to_string()).collect();
        let found = expectations(&file, &known, "IM001").unwrap();
        let lines: Vec<usize> = found.findings.iter().map(|e| e.2).collect();
        assert_eq!(lines, vec![3, 4]);
        assert!(found.undecided.is_empty());
        std::fs::write(&file, "# undecided: IM002\nFROM $BASE\n").unwrap();
        let found = expectations(&file, &known, "IM002").unwrap();
        assert_eq!(
            found.undecided,
            vec![("IM002".into(), display_path(&file), 2)]
        );
        std::fs::write(&file, "FROM x # expect: XX999\n").unwrap();
        assert!(
            expectations(&file, &known, "IM001")
                .unwrap_err()
                .contains("unknown rule")
        );
    }
}
