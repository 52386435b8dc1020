//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per
//! finding and per diagnostic, which GitHub shows on the pull request's diff.

use std::io::Write;

use crate::diagnostic::Level;
use crate::rules::Severity;
use crate::scan::ScanOutcome;

pub fn write(outcome: &ScanOutcome, out: &mut dyn Write) -> std::io::Result<()> {
    for finding in &outcome.findings {
        let command = match finding.severity {
            Severity::Critical | Severity::High => "error",
            Severity::Medium => "warning",
            Severity::Low => "notice",
        };
        writeln!(
            out,
            "::{command} file={},line={},endLine={},col={},endColumn={},title={}::{}",
            property(&finding.file),
            finding.line,
            finding.end_line.max(finding.line),
            finding.column,
            finding.end_column,
            property(&format!("{} {}", finding.rule, finding.title)),
            data(&format!("[{}] {}", finding.severity, finding.message)),
        )?;
    }
    for diagnostic in &outcome.diagnostics {
        let command = match diagnostic.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => continue,
        };
        let mut properties = vec![];
        if !diagnostic.file.starts_with('<') {
            properties.push(format!("file={}", property(&diagnostic.file)));
            if let Some(line) = diagnostic.line {
                properties.push(format!("line={line}"));
            }
            if let Some(column) = diagnostic.column {
                properties.push(format!("col={column}"));
            }
        }
        properties.push(format!(
            "title={}",
            property(&format!("tenet {}", diagnostic.code.as_str()))
        ));
        writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            data(&diagnostic.message)
        )?;
    }
    writeln!(out, "{}", super::text::summary(outcome))
}

/// Escapes a command's message (GitHub's `escapeData`).
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value (GitHub's `escapeProperty`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped_as_github_unescapes_them() {
        assert_eq!(data("50% of\r\nlines"), "50%25 of%0D%0Alines");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
