//! `docs/rules/` is the rule reference SARIF links to: it must match the rules' metadata.
//! `TENET_BLESS=1 cargo test --test rule_reference` rewrites it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::path::Path;

use tenet::rules::{RuleSet, reference};

#[test]
fn the_rule_reference_is_generated_from_the_metadata() {
    let set = RuleSet::builtin().unwrap();
    let rules: Vec<_> = set
        .rules
        .iter()
        .chain(tenet::suppress::meta_rules::rules())
        .collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    let bless = std::env::var_os("TENET_BLESS").is_some();
    let mut expected = vec![(
        "README.md".to_string(),
        reference::index(rules.iter().copied()),
    )];
    expected.extend(
        rules
            .iter()
            .map(|rule| (format!("{}.md", rule.meta.id), reference::page(rule))),
    );
    let mut stale = Vec::new();
    for (name, text) in &expected {
        let path = dir.join(name);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.clone());
        }
    }
    // No page for a rule that no longer exists.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !expected.iter().any(|(n, _)| *n == name) {
            if bless {
                std::fs::remove_file(dir.join(&name)).unwrap();
            } else {
                stale.push(format!("{name} (no such rule)"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "docs/rules is out of date ({stale:?}); run `TENET_BLESS=1 cargo test --test rule_reference`"
    );
}
