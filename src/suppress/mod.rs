//! Suppressions: accepted risks, each with a reason, written where the code is or in
//! `tenet.toml`. One syntax for every input kind:
//!
//! - a comment `tenet:ignore ID[,ID] [until=YYYY-MM-DD] reason` on its own line above a
//!   resource (covers all of it), above a nested block, attribute or instruction (covers what
//!   is located in it), or at the end of a line (covers findings on that line); in Terraform's
//!   JSON syntax, a `"//"` key in the resource;
//! - a Kubernetes annotation `tenet.dev/ignore: "ID[,ID] [until=YYYY-MM-DD]: reason"`;
//! - a `[[suppress]]` entry of `tenet.toml` matching rules, paths and resource addresses.
//!
//! A suppressed finding moves to the outcome's `suppressed` list with its reason. The
//! suppressions themselves are checked by the TN rules: no reason (TN001), an unknown rule id
//! (TN002), expired (TN003: the finding is reported again) and matching nothing (TN004).

pub mod comments;
pub mod meta_rules;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic};
use crate::findings::{Finding, Suppression, SuppressionSource, fingerprint};
use crate::ir::{Document, InputKind, PathSegment, Resource};
use crate::rules::Severity;
use crate::source::{SourceFile, Span};

/// The annotation that suppresses findings on a Kubernetes object.
pub const ANNOTATION: &str = "tenet.dev/ignore";
const MARKER: &str = "tenet:ignore";

/// A `[[suppress]]` entry of `tenet.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigSuppression {
    /// Rule ids it applies to.
    pub rules: Vec<String>,
    /// Files it applies to: gitignore-style globs relative to the config file's directory
    /// (every file when empty).
    #[serde(default)]
    pub paths: Vec<String>,
    /// Resource addresses it applies to: globs (`aws_s3_bucket.legacy_*`; every resource when
    /// empty).
    #[serde(default)]
    pub resources: Vec<String>,
    pub reason: String,
    pub until: Option<String>,
}

/// What suppressions a scan honours and which TN rules it reports.
#[derive(Debug, Clone, Default)]
pub struct SuppressOptions {
    /// `[[suppress]]` entries, with the config file (display path) and the absolute
    /// directory their paths are relative to.
    pub config: Vec<ConfigSuppression>,
    pub config_file: String,
    pub config_dir: std::path::PathBuf,
    /// Every rule id tenet knows (selected or not), for TN002.
    pub known_rules: BTreeSet<String>,
    /// The rules that ran: a suppression naming only other rules is never "unused".
    pub ran: BTreeSet<String>,
    /// TN rules to report (empty: none, as in `tenet rules test`).
    pub meta_rules: BTreeSet<String>,
    /// Today, `YYYY-MM-DD`, for `until=`.
    pub today: String,
}

/// Where a directive applies.
#[derive(Debug)]
enum Target {
    /// An end-of-line comment: findings that start on this line of its file.
    Line(usize),
    /// A comment on its own line: the resource whose header, or the construct (attribute,
    /// nested block, instruction) that starts on this line of its file, else findings on it.
    Below(usize),
    /// A Kubernetes annotation: the object at this address in this file.
    Object(String),
    /// A `tenet.toml` entry; `paths` match relative to `dir` (absolute).
    Config {
        dir: std::path::PathBuf,
        paths: globset::GlobSet,
        any_path: bool,
        resources: globset::GlobSet,
        any_resource: bool,
    },
}

/// One parsed suppression.
#[derive(Debug)]
struct Directive {
    ids: Vec<String>,
    until: Option<String>,
    reason: String,
    source: SuppressionSource,
    /// Where it is written.
    file: String,
    line: usize,
    span: Option<(Arc<SourceFile>, Span)>,
    target: Target,
    used: AtomicBool,
}

impl Directive {
    fn expired(&self, today: &str) -> bool {
        self.until.as_deref().is_some_and(|until| until < today)
    }

    fn suppression(&self) -> Suppression {
        Suppression {
            source: self.source,
            reason: self.reason.clone(),
            until: self.until.clone(),
            file: Some(self.file.clone()),
            line: Some(self.line),
        }
    }
}

/// Every suppression of a scan, read once before findings are matched.
#[derive(Debug, Default)]
pub struct Suppressions {
    /// By the file they are written in.
    by_file: HashMap<String, Vec<Directive>>,
    config: Vec<Directive>,
    today: String,
    diagnostics: Vec<Diagnostic>,
}

impl Suppressions {
    /// Reads the directives of every file of `documents` and the config entries.
    pub fn collect(documents: &[Document], options: &SuppressOptions) -> Suppressions {
        let mut suppressions = Suppressions {
            today: options.today.clone(),
            ..Suppressions::default()
        };
        let mut seen = BTreeSet::new();
        for document in documents {
            for file in &document.files {
                if !seen.insert(file.display.clone()) {
                    continue;
                }
                let json = file.display.ends_with(".json");
                let kind = if document.kind == InputKind::TerraformPlan {
                    InputKind::Terraform
                } else {
                    document.kind
                };
                if document.kind == InputKind::TerraformPlan && json {
                    continue; // the plan itself
                }
                let directives = suppressions.file_directives(file, kind, json);
                if !directives.is_empty() {
                    suppressions
                        .by_file
                        .entry(file.display.clone())
                        .or_default()
                        .extend(directives);
                }
            }
            if document.kind == InputKind::Kubernetes {
                for resource in &document.resources {
                    if let Some(directive) = suppressions.annotation(document, resource) {
                        suppressions
                            .by_file
                            .entry(resource.file.clone())
                            .or_default()
                            .push(directive);
                    }
                }
            }
        }
        suppressions.resolve_json_keys(documents);
        for entry in &options.config {
            match config_directive(entry, options) {
                Ok(directive) => suppressions.config.push(directive),
                Err(message) => suppressions.diagnostics.push(Diagnostic::error(
                    Code::Parse,
                    options.config_file.as_str(),
                    message,
                )),
            }
        }
        suppressions
    }

    /// Points each `"//"` key of a Terraform JSON file at the first line of the resource
    /// holding it: the nearest resource header above the key. One pass over the resources,
    /// so matching a finding stays independent of the document's size.
    fn resolve_json_keys(&mut self, documents: &[Document]) {
        let json_files: BTreeSet<&String> = self
            .by_file
            .keys()
            .filter(|file| file.ends_with(".json"))
            .collect();
        if json_files.is_empty() {
            return;
        }
        let mut headers: HashMap<String, BTreeSet<usize>> = HashMap::new();
        for document in documents {
            for resource in &document.resources {
                if json_files.contains(&resource.file)
                    && let Some(line) = header_line(document, resource)
                {
                    headers
                        .entry(resource.file.clone())
                        .or_default()
                        .insert(line);
                }
            }
        }
        for (file, directives) in &mut self.by_file {
            let Some(lines) = headers.get(file) else {
                continue;
            };
            for directive in directives.iter_mut() {
                if directive.source == SuppressionSource::Comment
                    && let Target::Below(line) = directive.target
                    && let Some(&header) = lines.range(..=line).next_back()
                {
                    directive.target = Target::Below(header);
                }
            }
        }
    }

    fn file_directives(
        &mut self,
        file: &Arc<SourceFile>,
        kind: InputKind,
        json: bool,
    ) -> Vec<Directive> {
        let mut out = Vec::new();
        let all = comments::comments(&file.text, kind, json);
        for comment in &all {
            let Some(rest) = comment.text.strip_prefix(MARKER) else {
                continue;
            };
            if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
                continue;
            }
            let span = Span::new(comment.offset, comment.offset + comment.text.len().max(1));
            let (ids, until, reason) = match parse_directive(rest) {
                Ok(parsed) => parsed,
                Err(message) => {
                    self.diagnostics.push(
                        Diagnostic::new(
                            crate::diagnostic::Level::Warning,
                            Code::Parse,
                            file.display.as_str(),
                            format!("{message}; this suppression is ignored"),
                        )
                        .at(file, span),
                    );
                    continue;
                }
            };
            let target = if comment.own_line && !json {
                Target::Below(line_below(file, comment.line, &all, kind))
            } else if json {
                // Resolved to the header of the resource holding the key, once every
                // resource is known (`resolve_json_keys`).
                Target::Below(comment.line)
            } else {
                Target::Line(comment.line)
            };
            out.push(Directive {
                ids,
                until,
                reason,
                source: SuppressionSource::Comment,
                file: file.display.clone(),
                line: comment.line,
                span: Some((file.clone(), span)),
                target,
                used: AtomicBool::new(false),
            });
        }
        out
    }

    fn annotation(&mut self, document: &Document, resource: &Resource) -> Option<Directive> {
        let value = resource
            .attributes
            .get("metadata")?
            .get("annotations")?
            .get(ANNOTATION)?
            .as_str()?;
        let path = vec![
            PathSegment::Key("metadata".into()),
            PathSegment::Key("annotations".into()),
            PathSegment::Key(ANNOTATION.into()),
        ];
        let span = resource.spans.resolve(&path);
        let file = document.file(&resource.file).cloned();
        let line = file.as_ref().map_or(1, |f| f.position(span.start).line);
        let (ids, rest) = value.split_once(':').unwrap_or((value, ""));
        let parsed = parse_directive(&format!("{ids} {rest}"));
        match parsed {
            Ok((ids, until, reason)) => Some(Directive {
                ids,
                until,
                reason,
                source: SuppressionSource::Annotation,
                file: resource.file.clone(),
                line,
                span: file.map(|f| (f, span)),
                target: Target::Object(resource.address.clone()),
                used: AtomicBool::new(false),
            }),
            Err(message) => {
                self.diagnostics.push(Diagnostic::new(
                    crate::diagnostic::Level::Warning,
                    Code::Parse,
                    resource.file.as_str(),
                    format!("{ANNOTATION} on {}: {message}; ignored", resource.address),
                ));
                None
            }
        }
    }

    /// The suppression that accepts `finding` (on `resource`, declared in `document`), if
    /// any; expired suppressions accept nothing.
    pub fn accepting(
        &self,
        finding: &Finding,
        resource: &Resource,
        document: &Document,
    ) -> Option<Suppression> {
        let covers = |d: &Directive| d.ids.contains(&finding.rule) && !d.expired(&self.today);
        let in_finding_file = self.by_file.get(&finding.file).into_iter().flatten();
        let in_resource_file = (resource.file != finding.file)
            .then(|| self.by_file.get(&resource.file))
            .flatten()
            .into_iter()
            .flatten();
        let found = in_finding_file
            .chain(in_resource_file)
            .chain(&self.config)
            .filter(|d| covers(d))
            .find(|d| applies(d, finding, resource, document));
        found.map(|d| {
            d.used.store(true, Ordering::Relaxed);
            d.suppression()
        })
    }

    /// Diagnostics about malformed suppressions.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// TN findings about the suppressions themselves, after every finding was matched.
    pub fn meta_findings(&self, options: &SuppressOptions) -> Vec<Finding> {
        let mut out = Vec::new();
        let all = self.by_file.values().flatten().chain(&self.config);
        for directive in all {
            let mut report = |id: &str, message: String| {
                if options.meta_rules.contains(id) {
                    out.push(meta_finding(id, directive, message));
                }
            };
            if directive.reason.is_empty() {
                report(
                    "TN001",
                    format!(
                        "this suppression of {} gives no reason: say why the risk is accepted",
                        directive.ids.join(", ")
                    ),
                );
            }
            let unknown: Vec<&str> = directive
                .ids
                .iter()
                .filter(|id| !options.known_rules.contains(id.as_str()))
                .map(String::as_str)
                .collect();
            if !unknown.is_empty() {
                report(
                    "TN002",
                    format!(
                        "this suppression names {}, which {} not a rule tenet knows",
                        unknown.join(", "),
                        if unknown.len() == 1 { "is" } else { "are" }
                    ),
                );
            }
            if directive.expired(&self.today) {
                report(
                    "TN003",
                    format!(
                        "this suppression of {} expired on {}: its findings are reported again",
                        directive.ids.join(", "),
                        directive.until.as_deref().unwrap_or_default()
                    ),
                );
            } else if !directive.used.load(Ordering::Relaxed)
                && directive.ids.iter().all(|id| options.ran.contains(id))
            {
                report(
                    "TN004",
                    format!(
                        "this suppression of {} matches no finding: remove it",
                        directive.ids.join(", ")
                    ),
                );
            }
        }
        out
    }
}

/// Whether `directive` (whose ids cover the finding's rule) applies to this finding.
fn applies(
    directive: &Directive,
    finding: &Finding,
    resource: &Resource,
    document: &Document,
) -> bool {
    match &directive.target {
        Target::Line(line) => directive.file == finding.file && finding.line == *line,
        Target::Object(address) => directive.file == resource.file && *address == resource.address,
        Target::Below(line) => {
            if directive.file == resource.file && header_line(document, resource) == Some(*line) {
                return true;
            }
            if directive.file != finding.file {
                return false;
            }
            // The construct starting on that line holds the finding.
            (1..=finding.path.len()).any(|n| {
                let prefix = finding.path.get(..n).unwrap_or_default();
                let Some(span) = resource.spans.attributes.get(prefix) else {
                    return false;
                };
                let file = resource.spans.files.get(prefix).unwrap_or(&resource.file);
                *file == directive.file
                    && document
                        .file(file)
                        .is_some_and(|f| f.position(span.start).line == *line)
            }) || finding.line == *line
        }
        Target::Config {
            dir,
            paths,
            any_path,
            resources,
            any_resource,
        } => {
            (*any_path || relative_to(dir, &finding.file).is_some_and(|f| paths.is_match(f)))
                && (*any_resource || resources.is_match(&finding.resource))
        }
    }
}

/// `file` (relative to the working directory, or absolute) relative to the absolute `dir`.
fn relative_to(dir: &std::path::Path, file: &str) -> Option<std::path::PathBuf> {
    let absolute = std::env::current_dir().ok()?.join(file);
    let mut normal = std::path::PathBuf::new();
    for part in absolute.components() {
        match part {
            std::path::Component::ParentDir => {
                normal.pop();
            }
            std::path::Component::CurDir => {}
            other => normal.push(other),
        }
    }
    normal
        .strip_prefix(dir)
        .ok()
        .map(std::path::Path::to_path_buf)
}

fn header_line(document: &Document, resource: &Resource) -> Option<usize> {
    document
        .file(&resource.file)
        .map(|f| f.position(resource.spans.header.start).line)
}

/// The line an own-line comment at `line` applies to: the next line that is not blank-free
/// comment (other comments above the same construct) nor a YAML document marker.
fn line_below(
    file: &SourceFile,
    line: usize,
    comments: &[comments::Comment],
    kind: InputKind,
) -> usize {
    let own_lines: BTreeSet<usize> = comments
        .iter()
        .filter(|c| c.own_line)
        .map(|c| c.line)
        .collect();
    let mut next = line + 1;
    loop {
        let text = file.line_text(next).trim();
        let marker = kind == InputKind::Kubernetes && (text == "---" || text.starts_with("--- "));
        if own_lines.contains(&next) || marker {
            next += 1;
            continue;
        }
        return next;
    }
}

/// `ID[,ID] [until=YYYY-MM-DD] reason` → ids, expiry, reason.
fn parse_directive(text: &str) -> Result<(Vec<String>, Option<String>, String), String> {
    let mut words = text.split_whitespace().peekable();
    let mut ids: Vec<String> = Vec::new();
    // The first word, and the next ones while a comma joins them (`A,B`, `A, B`, `A ,B`).
    let mut joined = true;
    while let Some(word) = words.peek() {
        if !(joined || word.starts_with(',')) {
            break;
        }
        joined = word.ends_with(',');
        let ends_list = word.ends_with(':');
        ids.extend(
            word.trim_end_matches(':')
                .split(',')
                .map(|id| id.trim().to_string()),
        );
        words.next();
        if ends_list {
            break;
        }
    }
    ids.retain(|id| !id.is_empty());
    if ids.is_empty() {
        return Err("`tenet:ignore` names no rule id".to_string());
    }
    let mut until = None;
    if let Some(word) = words.peek()
        && let Some(date) = word.strip_prefix("until=")
    {
        if !is_date(date) {
            return Err(format!("`until={date}` is not a date YYYY-MM-DD"));
        }
        until = Some(date.to_string());
        words.next();
    }
    let reason = words.collect::<Vec<_>>().join(" ");
    let reason = reason.trim_start_matches(['-', ':']).trim().to_string();
    Ok((ids, until, reason))
}

fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok())?
    };
    matches!(
        (number(year, 4), number(month, 2), number(day, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

fn config_directive(
    entry: &ConfigSuppression,
    options: &SuppressOptions,
) -> Result<Directive, String> {
    let file = options.config_file.as_str();
    if let Some(until) = &entry.until
        && !is_date(until)
    {
        return Err(format!(
            "[[suppress]] `until = \"{until}\"` is not a date YYYY-MM-DD"
        ));
    }
    let glob_set = |patterns: &[String], relative: bool| -> Result<globset::GlobSet, String> {
        let mut builder = globset::GlobSetBuilder::new();
        for pattern in patterns {
            let full = pattern.trim_start_matches("./").to_string();
            let full = if relative && full.ends_with('/') {
                format!("{full}**")
            } else {
                full
            };
            builder.add(
                globset::GlobBuilder::new(&full)
                    .literal_separator(relative)
                    .build()
                    .map_err(|e| format!("[[suppress]] pattern `{pattern}` in {file}: {e}"))?,
            );
        }
        builder.build().map_err(|e| e.to_string())
    };
    Ok(Directive {
        ids: entry.rules.clone(),
        until: entry.until.clone(),
        reason: entry.reason.trim().to_string(),
        source: SuppressionSource::Config,
        file: file.to_string(),
        line: 1,
        span: None,
        target: Target::Config {
            dir: options.config_dir.clone(),
            paths: glob_set(&entry.paths, true)?,
            any_path: entry.paths.is_empty(),
            resources: glob_set(&entry.resources, false)?,
            any_resource: entry.resources.is_empty(),
        },
        used: AtomicBool::new(false),
    })
}

fn meta_finding(id: &str, directive: &Directive, message: String) -> Finding {
    let meta = meta_rules::meta(id);
    let (severity, title, controls) = meta
        .map_or((Severity::Low, String::new(), Vec::new()), |m| {
            (m.severity, m.title.clone(), m.controls.clone())
        });
    let (line, column, end_line, end_column) =
        directive
            .span
            .as_ref()
            .map_or((directive.line, 1, directive.line, 1), |(file, span)| {
                let start = file.position(span.start);
                let end = file.position(span.end);
                (start.line, start.column, end.line, end.column)
            });
    let address = format!("suppression:{}:{}", directive.file, directive.line);
    Finding {
        rule: id.to_string(),
        severity,
        title,
        message,
        pillar: crate::rules::Pillar::Hygiene,
        controls,
        fingerprint: fingerprint(id, &directive.file, &address, &Vec::new()),
        file: directive.file.clone(),
        line,
        column,
        end_line,
        end_column,
        resource: address,
        path: Vec::new(),
        suppression: None,
        span: directive
            .span
            .as_ref()
            .map_or_else(Span::default, |(_, s)| *s),
        source: directive.span.as_ref().map(|(f, _)| f.clone()),
        secret: None,
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    civil_date(days as i64)
}

/// Days since 1970-01-01 → `YYYY-MM-DD` (Howard Hinnant's `civil_from_days`).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_name_ids_an_expiry_and_a_reason() {
        assert_eq!(
            parse_directive(" ZT001,ZT012 until=2027-03-31 legacy bastion, see JIRA-12"),
            Ok((
                vec!["ZT001".into(), "ZT012".into()],
                Some("2027-03-31".into()),
                "legacy bastion, see JIRA-12".into()
            ))
        );
        assert_eq!(
            parse_directive(" IM001 , IM002"),
            Ok((vec!["IM001".into(), "IM002".into()], None, String::new()))
        );
        assert_eq!(
            parse_directive(" LP011: needed for the CNI"),
            Ok((vec!["LP011".into()], None, "needed for the CNI".into()))
        );
        assert!(parse_directive("").is_err());
        assert!(parse_directive(" X until=2027-13-01 why").is_err());
    }

    #[test]
    fn dates_count_from_the_epoch() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_454), "2026-01-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
    }
}
