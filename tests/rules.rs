//! One test per rule under `rules/`: runs the rule alone against its fixtures under
//! `testdata/rules/<ID>/` (and its Rego `test_*` rules), through the same code as
//! `tenet rules test`. Every failing case of a rule is reported at once.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may fail loudly

use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};
use tenet::rules::{RuleSet, test};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::set_current_dir(root).expect("cd to the crate root");
    let rules_dir = PathBuf::from("rules");
    let fixtures = PathBuf::from("testdata/rules");
    let set = match RuleSet::load_dir(&rules_dir) {
        Ok(set) => set,
        Err(errors) => {
            for error in errors {
                eprintln!("{error}");
            }
            std::process::exit(2);
        }
    };
    let trials = set
        .rules
        .iter()
        .map(|rule| {
            let (rules_dir, fixtures, file) = (
                rules_dir.clone(),
                fixtures.clone(),
                PathBuf::from(&rule.path),
            );
            Trial::test(format!("{} ({})", rule.meta.id, rule.path), move || {
                let report = test::run_rule(&rules_dir, &fixtures, &file).map_err(Failed::from)?;
                if report.passed() {
                    Ok(())
                } else {
                    Err(Failed::from(report.to_string()))
                }
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
