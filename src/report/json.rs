//! `--format json`: the schema is documented in `docs/json-output.md` and versioned by the
//! top-level `version` field (bumped on any incompatible change).

use std::io::Write;

use serde::Serialize;

use crate::backup::Posture;
use crate::diagnostic::Diagnostic;
use crate::findings::{Finding, Undecided};
use crate::report::counts_by_severity;
use crate::scan::ScanOutcome;

/// Version of the JSON schema (not of tenet).
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    tool: Tool,
    summary: Summary,
    findings: &'a [Finding],
    /// Findings accepted by a suppression or the baseline, each with its `suppression`.
    suppressed: &'a [Finding],
    /// Checks a rule could not decide: a value it depends on is unknown statically.
    undecided: &'a [Undecided],
    /// One row per data store: copies, media, off-site, retention, sources and verdict.
    backup_posture: &'a [Posture],
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Summary {
    files_scanned: usize,
    terraform_root_modules: usize,
    module_calls_unresolved: usize,
    files_failed: usize,
    documents: usize,
    findings: usize,
    by_severity: serde_json::Map<String, serde_json::Value>,
    suppressed: usize,
    checks: usize,
    undecided: usize,
    incomplete: bool,
}

pub fn write(outcome: &ScanOutcome, out: &mut dyn Write) -> std::io::Result<()> {
    let by_severity = counts_by_severity(outcome)
        .into_iter()
        .map(|(severity, n)| (severity.as_str().to_string(), serde_json::Value::from(n)))
        .collect();
    let report = Report {
        version: SCHEMA_VERSION,
        tool: Tool {
            name: "tenet",
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: Summary {
            files_scanned: outcome.files_scanned,
            terraform_root_modules: outcome.terraform_roots,
            module_calls_unresolved: outcome.modules_unresolved,
            files_failed: outcome.files_failed,
            documents: outcome.documents,
            findings: outcome.findings.len(),
            by_severity,
            suppressed: outcome.suppressed.len(),
            checks: outcome.checks,
            undecided: outcome.undecided.len(),
            incomplete: outcome.incomplete(),
        },
        findings: &outcome.findings,
        suppressed: &outcome.suppressed,
        undecided: &outcome.undecided,
        backup_posture: &outcome.backup_posture,
        diagnostics: &outcome.diagnostics,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
