//! Reporters: one file per output format. Each writes to a `&mut dyn Write` handed in by the
//! caller, never to stdout directly.

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod text;

use std::io::Write;

use crate::diagnostic::Diagnostic;
use crate::rules::Severity;
use crate::scan::ScanOutcome;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with source snippets and a summary line.
    Text,
    /// One line per finding: `path:line:col: ID [severity] message`.
    Concise,
    /// A stable JSON document (schema in docs/json-output.md).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// JUnit XML test report.
    Junit,
    /// GitLab Code Quality report.
    Gitlab,
}

impl Format {
    /// Whether the output is a document a program reads (written even when rules fail to load).
    pub fn is_machine_readable(self) -> bool {
        !matches!(self, Format::Text | Format::Concise)
    }
}

/// Options that change how text output looks.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    /// ANSI colours and Unicode box drawing.
    pub color: bool,
    /// Columns to fit text output in (the terminal's width; [`DEFAULT_WIDTH`] when unset).
    pub width: Option<usize>,
    /// Only findings and errors: no warnings, notes or summary line.
    pub quiet: bool,
}

/// Width of text output when it is not written to a terminal.
pub const DEFAULT_WIDTH: usize = 100;

/// Writes `outcome` in `format`. Returns the diagnostics of limits the output had to be cut
/// to (GitHub's SARIF limits), which the caller adds to the outcome's.
pub fn write(
    format: Format,
    outcome: &ScanOutcome,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<Vec<Diagnostic>> {
    match format {
        Format::Text => text::write(outcome, style, out)?,
        Format::Concise => concise::write(outcome, style.quiet, out)?,
        Format::Json => json::write(outcome, out)?,
        Format::Sarif => return sarif::write(outcome, out),
        Format::Github => github::write(outcome, out)?,
        Format::Junit => junit::write(outcome, out)?,
        Format::Gitlab => gitlab::write(outcome, out)?,
    }
    Ok(Vec::new())
}

/// `text` on one line: runs of whitespace, newlines included, become one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Findings per severity, most severe first.
pub fn counts_by_severity(outcome: &ScanOutcome) -> Vec<(Severity, usize)> {
    Severity::ALL
        .iter()
        .map(|&s| {
            (
                s,
                outcome.findings.iter().filter(|f| f.severity == s).count(),
            )
        })
        .collect()
}
