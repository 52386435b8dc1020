//! GitLab Code Quality: a JSON array of issues (the Code Climate subset GitLab reads), shown
//! in the merge request widget and diff. Suppressed findings are not reported.

use std::io::Write;

use serde_json::json;

use crate::rules::Severity;
use crate::scan::ScanOutcome;

pub fn write(outcome: &ScanOutcome, out: &mut dyn Write) -> std::io::Result<()> {
    let issues: Vec<serde_json::Value> = outcome
        .findings
        .iter()
        .map(|finding| {
            json!({
                "type": "issue",
                "check_name": finding.rule,
                "description": format!("{}: {}", finding.rule, finding.message),
                "categories": ["Security"],
                "severity": severity(finding.severity),
                "fingerprint": finding.fingerprint,
                "location": {
                    "path": finding.file,
                    "lines": { "begin": finding.line, "end": finding.end_line.max(finding.line) },
                },
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}

/// GitLab's scale: info, minor, major, critical, blocker.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "critical",
        Severity::High => "major",
        Severity::Medium => "minor",
        Severity::Low => "info",
    }
}
