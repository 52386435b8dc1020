//! `docs/configuration.md` lists exactly the keys `tenet.toml` accepts.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn every_config_key_is_documented_and_every_documented_key_exists() {
    // The parser names every key it accepts when it meets one it does not.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tenet.toml");
    std::fs::write(&file, "not-a-key = 1\n").unwrap();
    let error = tenet::config::Config::load(&file).unwrap_err().to_string();
    let accepted: BTreeSet<String> = error
        .split("expected one of")
        .nth(1)
        .unwrap_or_else(|| panic!("{error}"))
        .split(',')
        .map(|key| key.trim().trim_matches('`').to_string())
        .collect();
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/configuration.md"),
    )
    .unwrap();
    let keys_section = doc
        .split("## Keys")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    let documented: BTreeSet<String> = keys_section
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split('`').next())
        .map(str::to_string)
        .collect();
    assert_eq!(documented, accepted);
}
