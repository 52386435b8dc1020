//! Runs the fuzz target bodies over every file under `testdata/` (cargo-fuzz needs nightly,
//! so CI only compiles the real targets; this keeps their checks exercised on stable).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may fail loudly

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn parsers_keep_their_invariants_on_every_testdata_file() {
    let mut all = Vec::new();
    files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata"),
        &mut all,
    );
    assert!(all.len() > 20, "testdata went missing: {} files", all.len());
    for file in &all {
        let data = std::fs::read(file).unwrap();
        tenet::parse::fuzz::kubernetes(&data).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        tenet::parse::fuzz::dockerfile(&data).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        tenet::parse::fuzz::terraform(&data).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        tenet::parse::fuzz::terraform_plan(&data)
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        tenet::parse::fuzz::terraform_json(&data)
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        if file.extension().is_some_and(|e| e == "tf") {
            tenet::parse::fuzz::terraform_eval(&data)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        }
        // Truncations reach states a whole file never does (unterminated strings, heredocs).
        for cut in [data.len() / 3, data.len() / 2] {
            let part = data.get(..cut).unwrap();
            tenet::parse::fuzz::kubernetes(part)
                .unwrap_or_else(|e| panic!("{} cut at {cut}: {e}", file.display()));
            tenet::parse::fuzz::dockerfile(part)
                .unwrap_or_else(|e| panic!("{} cut at {cut}: {e}", file.display()));
            tenet::parse::fuzz::terraform(part)
                .unwrap_or_else(|e| panic!("{} cut at {cut}: {e}", file.display()));
            tenet::parse::fuzz::terraform_plan(part)
                .unwrap_or_else(|e| panic!("{} cut at {cut}: {e}", file.display()));
            tenet::parse::fuzz::terraform_json(part)
                .unwrap_or_else(|e| panic!("{} cut at {cut}: {e}", file.display()));
        }
    }
}
