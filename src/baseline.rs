//! Baselines: the fingerprints of the findings a project has accepted so far
//! (`tenet baseline -o tenet-baseline.json`), so that `scan --baseline` reports only new ones,
//! the gate a team adopts on existing code. Each entry also names the rule, file, resource
//! and attribute for the humans who review the file; only the fingerprint is matched.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::findings::{Suppression, SuppressionSource};
use crate::ir::display_path;
use crate::scan::ScanOutcome;

/// Version of the file format.
const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    tool: String,
    findings: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    fingerprint: String,
    rule: String,
    file: String,
    resource: String,
    path: String,
    /// Where the finding was when the baseline was made (for reading; never matched).
    line: usize,
}

/// A loaded baseline.
#[derive(Debug)]
pub struct Baseline {
    /// Display path of the file, for the reason of each baselined finding.
    pub path: String,
    fingerprints: HashSet<String>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let display = crate::discover::display_path(path);
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the baseline {display}: {e}"))?;
        let file: File =
            serde_json::from_str(&text).map_err(|e| format!("invalid baseline {display}: {e}"))?;
        if file.version != VERSION {
            return Err(format!(
                "baseline {display} has version {}; this tenet reads version {VERSION}",
                file.version
            ));
        }
        Ok(Baseline {
            path: display,
            fingerprints: file.findings.into_iter().map(|e| e.fingerprint).collect(),
        })
    }

    /// Moves the findings recorded in the baseline to `outcome.suppressed` (an external
    /// suppression whose reason names the baseline).
    pub fn apply(&self, outcome: &mut ScanOutcome) {
        let (known, new): (Vec<_>, Vec<_>) = std::mem::take(&mut outcome.findings)
            .into_iter()
            .partition(|f| self.fingerprints.contains(&f.fingerprint));
        outcome.findings = new;
        outcome
            .suppressed
            .extend(known.into_iter().map(|mut finding| {
                finding.suppression = Some(Suppression {
                    source: SuppressionSource::Baseline,
                    reason: format!("recorded in the baseline {}", self.path),
                    until: None,
                    file: Some(self.path.clone()),
                    line: None,
                });
                finding
            }));
        outcome
            .suppressed
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
}

/// Writes the baseline of `outcome`'s active findings.
pub fn write(outcome: &ScanOutcome, out: &mut dyn Write) -> std::io::Result<()> {
    let mut findings: Vec<Entry> = outcome
        .findings
        .iter()
        .map(|f| Entry {
            fingerprint: f.fingerprint.clone(),
            rule: f.rule.clone(),
            file: f.file.clone(),
            resource: f.resource.clone(),
            path: display_path(&f.path),
            line: f.line,
        })
        .collect();
    findings.sort_by(|a, b| {
        (&a.file, a.line, &a.rule, &a.fingerprint).cmp(&(&b.file, b.line, &b.rule, &b.fingerprint))
    });
    findings.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    let file = File {
        version: VERSION,
        tool: format!("tenet {}", env!("CARGO_PKG_VERSION")),
        findings,
    };
    serde_json::to_writer_pretty(&mut *out, &file)?;
    writeln!(out)
}
