//! `--format text`: miette diagnostics with the source snippet, then a summary line.
//!
//! Colour and Unicode only when writing to a terminal with `NO_COLOR` unset; otherwise plain
//! ASCII with no escape sequences, so CI logs and files stay clean.

use std::io::Write;

use std::sync::Arc;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, MietteError,
    MietteSpanContents, Report, SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::{Diagnostic, Level};
use crate::findings::Finding;
use crate::report::{DEFAULT_WIDTH, Style, counts_by_severity};
use crate::rules::Severity;
use crate::scan::ScanOutcome;
use crate::source::SourceFile;

pub fn write(outcome: &ScanOutcome, style: Style, out: &mut dyn Write) -> std::io::Result<()> {
    let handler = handler(style);
    let width = style.width.unwrap_or(DEFAULT_WIDTH);
    // Secrets found in each file: every snippet of that file redacts all of them (a context
    // line may hold another finding's secret).
    let mut secrets: std::collections::HashMap<&str, Vec<&str>> = std::collections::HashMap::new();
    for finding in outcome.findings.iter().chain(&outcome.suppressed) {
        if let Some(secret) = &finding.secret {
            secrets
                .entry(finding.file.as_str())
                .or_default()
                .push(secret);
        }
    }
    for finding in &outcome.findings {
        let file_secrets = secrets
            .get(finding.file.as_str())
            .map_or(&[][..], Vec::as_slice);
        out.write_all(render(&handler, finding_report(finding, width, file_secrets)).as_bytes())?;
    }
    for diagnostic in &outcome.diagnostics {
        if style.quiet && !diagnostic.is_error() {
            continue;
        }
        out.write_all(render(&handler, diagnostic_report(diagnostic)).as_bytes())?;
    }
    if style.quiet {
        return Ok(());
    }
    writeln!(out, "{}", summary(outcome))
}

/// Findings per rule, most first (`--statistics`): `count  ID  [severity] title`.
pub fn statistics(outcome: &ScanOutcome) -> String {
    let mut counts: std::collections::BTreeMap<&str, (usize, &crate::findings::Finding)> =
        std::collections::BTreeMap::new();
    for finding in &outcome.findings {
        counts
            .entry(finding.rule.as_str())
            .or_insert((0, finding))
            .0 += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
    let mut text = String::new();
    for (rule, (count, finding)) in rows {
        text.push_str(&format!(
            "{count:>6}  {rule:<6}  [{}] {}\n",
            finding.severity, finding.title
        ));
    }
    text
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
        .with_width(style.width.unwrap_or(DEFAULT_WIDTH))
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

fn finding_report(finding: &Finding, width: usize, secrets: &[&str]) -> Report {
    if let (false, Some(file)) = (secrets.is_empty(), &finding.source) {
        return secret_finding_report(finding, width, secrets, file);
    }
    let diagnostic = miette_finding(
        finding,
        width,
        (
            finding.span.start,
            finding.span.end.saturating_sub(finding.span.start),
        ),
    );
    attach_source(
        Report::new(diagnostic),
        finding.source.as_ref().map(|s| (s, &finding.file)),
    )
}

fn miette_finding(finding: &Finding, width: usize, span: (usize, usize)) -> MietteDiagnostic {
    let severity = match finding.severity {
        Severity::Critical | Severity::High => miette::Severity::Error,
        Severity::Medium => miette::Severity::Warning,
        Severity::Low => miette::Severity::Advice,
    };
    MietteDiagnostic::new(format!("{} ({})", finding.title, finding.severity))
        .with_code(finding.rule.clone())
        .with_severity(severity)
        .with_label(LabeledSpan::new_primary_with_span(
            Some(wrap_label(finding, width)),
            span,
        ))
        .with_help(format!(
            "resource {}; see `tenet rules show {}`",
            finding.resource, finding.rule
        ))
}

/// A finding in a file that holds secrets: its snippet is a copy of the lines around it with
/// every secret redacted (as everywhere else), its line numbers kept.
fn secret_finding_report(
    finding: &Finding,
    width: usize,
    secrets: &[&str],
    file: &Arc<SourceFile>,
) -> Report {
    const CONTEXT: usize = 2;
    let first_line = finding.line.saturating_sub(CONTEXT).max(1);
    let last_line = finding.end_line.max(finding.line) + CONTEXT;
    let window_start = file.line_start(first_line);
    let window_end = file.line_start(last_line + 1).max(window_start);
    let window = file.text.get(window_start..window_end).unwrap_or_default();
    let mut offsets = [
        finding
            .span
            .start
            .saturating_sub(window_start)
            .min(window.len()),
        finding
            .span
            .end
            .saturating_sub(window_start)
            .min(window.len()),
    ];
    let mut redacted = window.to_string();
    for secret in secrets {
        redacted = crate::findings::redact_tracking(&redacted, secret, &mut offsets);
    }
    // Blank lines before the window keep miette's line numbers those of the file.
    let padding = first_line - 1;
    let text = format!("{}{redacted}", "\n".repeat(padding));
    let [start, end] = offsets;
    let diagnostic = miette_finding(finding, width, (padding + start, end.saturating_sub(start)));
    Report::new(diagnostic).with_source_code(miette::NamedSource::new(&finding.file, text))
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

fn attach_source(report: Report, source: Option<(&Arc<SourceFile>, &String)>) -> Report {
    match source {
        Some((file, name)) => report.with_source_code(Snippet {
            file: file.clone(),
            name: name.clone(),
        }),
        None => report,
    }
}

/// A finding's message broken into lines that fit beside the label's position, so the
/// snippet's gutter stays intact in a narrow terminal.
fn wrap_label(finding: &Finding, width: usize) -> String {
    // The label hangs from the middle of the underline, right of the line-number gutter.
    let gutter = finding.line.max(finding.end_line).to_string().len() + 4;
    let middle = (finding.column + finding.end_column.max(finding.column)) / 2;
    let available = width.saturating_sub(gutter + middle + 4).max(24);
    textwrap::wrap(&finding.message, available).join("\n")
}

/// One file as miette reads it: only the lines around a span are scanned, so rendering the
/// findings of a file costs time in proportion to them, not to the file's size each time.
struct Snippet {
    file: Arc<SourceFile>,
    name: String,
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text: &str = &self.file.text;
        let start = span.offset().min(text.len());
        let end = (span.offset() + span.len()).min(text.len()).max(start);
        let first_line = self
            .file
            .position(start)
            .line
            .saturating_sub(context_lines_before)
            .max(1);
        let last_line = self.file.position(end).line + context_lines_after;
        let window_start = self.file.line_start(first_line);
        let window_end = self.file.line_start(last_line + 1).max(window_start);
        let window = text
            .get(window_start..window_end)
            .ok_or(MietteError::OutOfBounds)?;
        let relative = SourceSpan::new((start - window_start).into(), end - start);
        let contents = window.read_span(&relative, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            SourceSpan::new(
                (contents.span().offset() + window_start).into(),
                contents.span().len(),
            ),
            contents.line() + first_line - 1,
            contents.column(),
            contents.line_count() + first_line - 1,
        )))
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
    let roots = match outcome.terraform_roots {
        0 => String::new(),
        1 => " (1 Terraform root module)".to_string(),
        n => format!(" ({n} Terraform root modules)"),
    };
    let mut line = format!(
        "tenet: {} ({counts}); {} scanned{roots}, {} failed",
        plural(outcome.findings.len(), "finding"),
        plural(outcome.files_scanned, "file"),
        outcome.files_failed,
    );
    if outcome.modules_unresolved > 0 {
        line.push_str(&format!(
            "; {} not resolved, their resources not checked (run `terraform init` first)",
            plural(outcome.modules_unresolved, "module call"),
        ));
    }
    let failing: std::collections::HashSet<(&str, &str, &str)> = outcome
        .findings
        .iter()
        .chain(&outcome.suppressed)
        .map(|f| (f.rule.as_str(), f.file.as_str(), f.resource.as_str()))
        .collect();
    let undecided: std::collections::HashSet<(&str, &str, &str)> = outcome
        .undecided
        .iter()
        .map(|u| (u.rule.as_str(), u.file.as_str(), u.resource.as_str()))
        .filter(|check| !failing.contains(check))
        .collect();
    line.push_str(&format!(
        "; {} passed",
        plural(
            outcome
                .checks
                .saturating_sub(failing.len() + undecided.len()),
            "check"
        )
    ));
    if !undecided.is_empty() {
        line.push_str(&format!(
            "; {} undecided (unknown values; `--format json` lists them)",
            undecided.len()
        ));
    }
    let accepted = |source: crate::findings::SuppressionSource| {
        outcome
            .suppressed
            .iter()
            .filter(|f| f.suppression.as_ref().is_some_and(|s| s.source == source))
            .count()
    };
    let baselined = accepted(crate::findings::SuppressionSource::Baseline);
    let suppressed = outcome.suppressed.len() - baselined;
    if suppressed > 0 {
        line.push_str(&format!("; {suppressed} suppressed"));
    }
    if baselined > 0 {
        line.push_str(&format!("; {baselined} in the baseline"));
    }
    if outcome.incomplete() {
        line.push_str("; scan INCOMPLETE: some inputs or rules could not be checked");
    }
    line
}
