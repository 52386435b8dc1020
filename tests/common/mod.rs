//! Scaffolding the integration tests share: fixture paths, reading inputs, finding resources
//! and running the binary.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)] // each test crate uses a part

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tenet::ir::{Document, Resource};
use tenet::scan::{Inputs, ScanOptions, read_inputs};

/// `testdata/<path>` in this repository.
pub fn testdata(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(path)
}

/// Discovers and parses `testdata/<path>` with default options.
pub fn read(path: &str) -> Inputs {
    read_inputs(&ScanOptions::new(vec![testdata(path)])).unwrap()
}

/// The resource at `address` in any document, with the document holding it.
pub fn resource<'a>(inputs: &'a Inputs, address: &str) -> (&'a Document, &'a Resource) {
    inputs
        .documents
        .iter()
        .find_map(|d| {
            d.resources
                .iter()
                .find(|r| r.address == address)
                .map(|r| (d, r))
        })
        .unwrap_or_else(|| {
            let all: Vec<&str> = inputs
                .documents
                .iter()
                .flat_map(|d| d.resources.iter().map(|r| r.address.as_str()))
                .collect();
            panic!("no {address} in {all:?}")
        })
}

/// The 1-based line of `resource`'s attribute at `path` (`""`: its header).
pub fn line_of(document: &Document, resource: &Resource, path: &str) -> usize {
    let file = document
        .files
        .iter()
        .find(|f| f.display == resource.file)
        .unwrap();
    let span = if path.is_empty() {
        resource.spans.header
    } else {
        *resource
            .spans
            .attributes
            .iter()
            .find(|(p, _)| tenet::ir::display_path(p) == path)
            .unwrap_or_else(|| panic!("no span for {path}"))
            .1
    };
    file.position(span.start).line
}

/// The binary's standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A temporary directory holding `files` (relative path, content).
pub fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// Runs the tenet binary in `dir` with a clean environment.
pub fn tenet(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tenet"))
        .env_clear()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// `tenet scan <testdata/path> --format json`, parsed.
pub fn scan_json(path: &str) -> serde_json::Value {
    let output = tenet(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["scan", &format!("testdata/{path}"), "--format", "json"],
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// `(rule, file, line)` of every finding in a JSON report.
pub fn findings(report: &serde_json::Value) -> Vec<(String, String, u64)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}
