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
    let secrets: std::collections::HashMap<&str, FileSecrets<'_>> = secrets
        .into_iter()
        .map(|(file, list)| (file, FileSecrets::new(list)))
        .collect();
    for finding in &outcome.findings {
        let report = match secrets.get(finding.file.as_str()) {
            Some(file_secrets) => finding_report(finding, width, Some(file_secrets)),
            None => finding_report(finding, width, None),
        };
        out.write_all(render(&handler, report).as_bytes())?;
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

/// The secrets found in one file, with a matcher that tells in one pass which of them occur
/// in a piece of text (a snippet window), so that a file with many secrets costs linear time.
struct FileSecrets<'a> {
    secrets: Vec<&'a str>,
    /// Each secret, and each line of a multi-line one that redaction replaces on its own;
    /// `None` when the matcher cannot be built (every secret is then tried).
    matcher: Option<(aho_corasick::AhoCorasick, Vec<usize>)>,
}

impl<'a> FileSecrets<'a> {
    fn new(mut secrets: Vec<&'a str>) -> Self {
        secrets.sort_unstable();
        secrets.dedup();
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (i, secret) in secrets.iter().enumerate() {
            let lines = secret.lines().map(str::trim).filter(|l| l.len() >= 8);
            for pattern in std::iter::once(*secret).chain(lines) {
                if !pattern.is_empty() {
                    patterns.push(pattern);
                    owners.push(i);
                }
            }
        }
        let matcher = aho_corasick::AhoCorasick::new(&patterns)
            .ok()
            .map(|automaton| (automaton, owners));
        FileSecrets { secrets, matcher }
    }

    /// The secrets that occur (whole, or one of their lines) in `text`, longest first: a
    /// secret that holds a shorter one is redacted before the shorter one can cut it apart.
    fn within(&self, text: &str) -> Vec<&'a str> {
        let mut found: Vec<&'a str> = match &self.matcher {
            None => self.secrets.clone(),
            Some((automaton, owners)) => {
                let mut indices: Vec<usize> = automaton
                    .find_overlapping_iter(text)
                    .filter_map(|m| owners.get(m.pattern().as_usize()).copied())
                    .collect();
                indices.sort_unstable();
                indices.dedup();
                indices
                    .into_iter()
                    .filter_map(|i| self.secrets.get(i).copied())
                    .collect()
            }
        };
        found.sort_by_key(|secret| std::cmp::Reverse(secret.len()));
        found
    }
}

fn finding_report(finding: &Finding, width: usize, secrets: Option<&FileSecrets<'_>>) -> Report {
    if let (Some(secrets), Some(file)) = (secrets, &finding.source) {
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
    secrets: &FileSecrets<'_>,
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
    for secret in secrets.within(window) {
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

#[cfg(test)]
mod tests {
    use super::FileSecrets;

    #[test]
    fn a_snippet_redacts_the_secrets_it_holds_longest_first() {
        let secrets = FileSecrets::new(vec![
            "hunter2-pass",
            "hunter2-password-long",
            "elsewhere-secret",
            "-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END KEY-----",
        ]);
        assert_eq!(
            secrets.within("password = \"hunter2-password-long\""),
            vec!["hunter2-password-long", "hunter2-pass"]
        );
        // One line of a multi-line secret is enough.
        assert_eq!(
            secrets.within("  MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"),
            vec!["-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END KEY-----"]
        );
        assert!(secrets.within("nothing here").is_empty());
    }
}
