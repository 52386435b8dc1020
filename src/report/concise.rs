//! One line per finding, `path:line:col: ID [severity] message`, as ruff and compilers print
//! them (editors and `grep` read it); then diagnostics the same way and the summary line.

use std::io::Write;

use crate::scan::ScanOutcome;

pub fn write(outcome: &ScanOutcome, quiet: bool, out: &mut dyn Write) -> std::io::Result<()> {
    for finding in &outcome.findings {
        writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            finding.file,
            finding.line,
            finding.column,
            finding.rule,
            finding.severity,
            super::one_line(&finding.message)
        )?;
    }
    for diagnostic in &outcome.diagnostics {
        if quiet && !diagnostic.is_error() {
            continue;
        }
        let position = match (diagnostic.line, diagnostic.column) {
            (Some(line), Some(column)) => format!(":{line}:{column}"),
            (Some(line), None) => format!(":{line}"),
            _ => String::new(),
        };
        writeln!(
            out,
            "{}{position}: {} [{}] {}",
            diagnostic.file,
            diagnostic.code.as_str(),
            diagnostic.level,
            super::one_line(&diagnostic.message)
        )?;
    }
    if !quiet {
        writeln!(out, "{}", super::text::summary(outcome))?;
    }
    Ok(())
}
