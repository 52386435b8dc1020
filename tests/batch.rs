//! Rules evaluated together in one query per document (so shared helpers are computed once)
//! find exactly what each rule finds alone.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::path::Path;

use tenet::engine::{DEFAULT_RULE_TIMEOUT, Engine};
use tenet::rules::RuleSet;
use tenet::scan::{ScanOptions, scan};

#[test]
fn all_rules_at_once_find_what_each_rule_finds_alone() {
    let set = RuleSet::builtin().unwrap();
    let engine = Engine::new(&set, DEFAULT_RULE_TIMEOUT).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let options = ScanOptions::new(vec![
        root.join("testdata/examples"),
        root.join("testdata/ci"),
        root.join("testdata/suppressions"),
    ]);
    let key = |f: &tenet::findings::Finding| {
        (
            f.rule.clone(),
            f.file.clone(),
            f.line,
            f.column,
            f.fingerprint.clone(),
        )
    };
    let all: Vec<usize> = (0..set.rules.len()).collect();
    let together = scan(&engine, &all, &options).unwrap();
    let mut together: Vec<_> = together
        .findings
        .iter()
        .chain(&together.suppressed)
        .map(key)
        .filter(|k| !k.0.starts_with("TN"))
        .collect();
    together.sort();
    let mut alone = Vec::new();
    for index in all {
        let outcome = scan(&engine, &[index], &options).unwrap();
        alone.extend(outcome.findings.iter().chain(&outcome.suppressed).map(key));
    }
    alone.retain(|k| !k.0.starts_with("TN"));
    alone.sort();
    assert!(
        together.len() > 30,
        "the fixtures have findings: {}",
        together.len()
    );
    assert_eq!(together, alone);
}
