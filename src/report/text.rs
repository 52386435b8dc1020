//! `--format text`: miette diagnostics with the source snippet, then a summary line.
//!
//! Colour and Unicode only when writing to a terminal with `NO_COLOR` unset; otherwise plain
//! ASCII with no escape sequences, so CI logs and files stay clean.

use std::io::Write;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource, Report,
};

use crate::diagnostic::{Diagnostic, Level};
use crate::findings::Finding;
use crate::report::{Style, counts_by_severity};
use crate::rules::Severity;
use crate::scan::ScanOutcome;

pub fn write(outcome: &ScanOutcome, style: Style, out: &mut dyn Write) -> std::io::Result<()> {
    let handler = handler(style);
    for finding in &outcome.findings {
        out.write_all(render(&handler, finding_report(finding)).as_bytes())?;
    }
    for diagnostic in &outcome.diagnostics {
        out.write_all(render(&handler, diagnostic_report(diagnostic)).as_bytes())?;
    }
    writeln!(out, "{}", summary(outcome))
}

pub fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::none()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_context_lines(1)
        .with_width(100)
}

fn render(handler: &GraphicalReportHandler, report: Report) -> String {
    let mut rendered = String::new();
    if handler
        .render_report(&mut rendered, report.as_ref())
        .is_err()
    {
        rendered = format!("{report}\n");
    }
    rendered
}

fn finding_report(finding: &Finding) -> Report {
    let severity = match finding.severity {
        Severity::Critical | Severity::High => miette::Severity::Error,
        Severity::Medium => miette::Severity::Warning,
        Severity::Low => miette::Severity::Advice,
    };
    let diagnostic = MietteDiagnostic::new(format!("{} ({})", finding.title, finding.severity))
        .with_code(finding.rule.clone())
        .with_severity(severity)
        .with_label(LabeledSpan::new_primary_with_span(
            Some(finding.message.clone()),
            (
                finding.span.start,
                finding.span.end.saturating_sub(finding.span.start),
            ),
        ))
        .with_help(format!(
            "resource {}; see `tenet rules show {}`",
            finding.resource, finding.rule
        ));
    attach_source(
        Report::new(diagnostic),
        finding.source.as_ref().map(|s| (s, &finding.file)),
    )
}

fn diagnostic_report(diagnostic: &Diagnostic) -> Report {
    let severity = match diagnostic.level {
        Level::Error => miette::Severity::Error,
        Level::Warning => miette::Severity::Warning,
        Level::Info => miette::Severity::Advice,
    };
    let location = match (diagnostic.line, diagnostic.column) {
        (Some(line), Some(column)) => format!("{}:{line}:{column}", diagnostic.file),
        (Some(line), None) => format!("{}:{line}", diagnostic.file),
        _ => diagnostic.file.clone(),
    };
    let rule = diagnostic
        .rule
        .as_deref()
        .map(|r| format!(" {r}"))
        .unwrap_or_default();
    let mut miette_diagnostic =
        MietteDiagnostic::new(format!("{location}:{rule} {}", diagnostic.message))
            .with_code(format!("tenet::{}", diagnostic.code.as_str()))
            .with_severity(severity);
    if let Some((_, span)) = &diagnostic.source {
        miette_diagnostic = miette_diagnostic.with_label(LabeledSpan::new_primary_with_span(
            None,
            (span.start, span.end.saturating_sub(span.start)),
        ));
    }
    let report = Report::new(miette_diagnostic);
    match &diagnostic.source {
        Some((source, _)) => attach_source(report, Some((source, &source.display))),
        None => report,
    }
}

fn attach_source(
    report: Report,
    source: Option<(&std::sync::Arc<crate::source::SourceFile>, &String)>,
) -> Report {
    match source {
        Some((file, name)) => {
            report.with_source_code(NamedSource::new(name.clone(), file.text.clone()))
        }
        None => report,
    }
}

/// `tenet: 3 findings (1 critical, 2 high, 0 medium, 0 low); 12 files scanned, 1 failed`.
pub fn summary(outcome: &ScanOutcome) -> String {
    let counts = counts_by_severity(outcome)
        .into_iter()
        .map(|(severity, n)| format!("{n} {severity}"))
        .collect::<Vec<_>>()
        .join(", ");
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let mut line = format!(
        "tenet: {} ({counts}); {} scanned, {} failed",
        plural(outcome.findings.len(), "finding"),
        plural(outcome.files_scanned, "file"),
        outcome.files_failed,
    );
    if outcome.incomplete() {
        line.push_str("; scan INCOMPLETE: some inputs or rules could not be checked");
    }
    line
}
