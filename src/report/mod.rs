//! Reporters: one file per output format. Each writes to a `&mut dyn Write` handed in by the
//! caller, never to stdout directly.

pub mod json;
pub mod text;

use std::io::Write;

use crate::rules::Severity;
use crate::scan::ScanOutcome;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with source snippets and a summary line.
    Text,
    /// A stable JSON document (schema in docs/json-output.md).
    Json,
}

/// Options that change how text output looks.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    /// ANSI colours and Unicode box drawing (only on a terminal with `NO_COLOR` unset).
    pub color: bool,
    /// Columns to fit text output in (the terminal's width; [`DEFAULT_WIDTH`] when unset).
    pub width: Option<usize>,
}

/// Width of text output when it is not written to a terminal.
pub const DEFAULT_WIDTH: usize = 100;

pub fn write(
    format: Format,
    outcome: &ScanOutcome,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Text => text::write(outcome, style, out),
        Format::Json => json::write(outcome, out),
    }
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
