//! Findings: a rule's violation located in the source, with a stable fingerprint.
//!
//! Location comes from the spans the parser recorded: the span of the deepest existing prefix
//! of the attribute path, else the resource header (never a text search). The fingerprint is
//! built from rule, file, resource address and attribute path, not from line numbers, so it
//! survives edits elsewhere in the file.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::engine::Violation;
use crate::ir::{AttrPath, Document, InputKind, Resource, display_path};
use crate::rules::{Pillar, Rule, Severity};
use crate::source::{Position, SourceFile, Span};

/// A document's resources by address (several per address only in the scan-scope document).
pub type ResourceIndex<'a> = HashMap<&'a str, Vec<&'a Resource>>;

/// Indexes `document` for [`Finding::locate`] (one pass, so locating is O(1) per finding).
pub fn index(document: &Document) -> ResourceIndex<'_> {
    let mut index: ResourceIndex<'_> = HashMap::new();
    for resource in &document.resources {
        index
            .entry(resource.address.as_str())
            .or_default()
            .push(resource);
    }
    index
}

#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub title: String,
    pub message: String,
    pub pillar: Pillar,
    pub controls: Vec<String>,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub resource: String,
    pub path: AttrPath,
    pub fingerprint: String,
    /// Why the finding is accepted, when a suppression or the baseline covers it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Suppression>,
    #[serde(skip)]
    pub span: Span,
    #[serde(skip)]
    pub source: Option<Arc<SourceFile>>,
    /// The secret the finding is about (HY001): never serialised; reporters that show source
    /// text replace it with [`redacted`].
    #[serde(skip)]
    pub secret: Option<String>,
}

/// A check a rule could not decide: its condition hinges on a value unknown statically (a
/// variable without a value, a data source, a computed attribute). Not a finding, not a pass:
/// reports list it as "not verified".
#[derive(Clone, Debug, Serialize)]
pub struct Undecided {
    pub rule: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub resource: String,
    pub path: AttrPath,
    /// Which value is unknown and what it decides.
    pub why: String,
}

impl Undecided {
    pub fn from_finding(finding: Finding) -> Undecided {
        Undecided {
            rule: finding.rule,
            file: finding.file,
            line: finding.line,
            column: finding.column,
            resource: finding.resource,
            path: finding.path,
            why: finding.message,
        }
    }

    /// The order of every report: file, line, column, rule, resource, path.
    pub fn sort_key(&self) -> (&str, usize, usize, &str, &str, String) {
        (
            &self.file,
            self.line,
            self.column,
            &self.rule,
            &self.resource,
            display_path(&self.path),
        )
    }
}

/// Sorts undecided checks deterministically and removes duplicates.
pub fn sort_undecided(undecided: &mut Vec<Undecided>) {
    undecided.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    undecided.dedup_by(|a, b| a.sort_key() == b.sort_key() && a.why == b.why);
}

/// Shortest secret [`Finding::locate`] looks for in a rule's message.
const MIN_REDACTED_IN_MESSAGES: usize = 8;

/// What reports show instead of a secret: at most its first 4 characters (fewer for a short
/// one, so that never more than a quarter of it shows), then `…`.
pub fn redacted(secret: &str) -> String {
    let length = secret.chars().count();
    let shown = (length / 4).min(4);
    let mut out: String = secret.chars().take(shown).collect();
    out.push('…');
    out
}

/// `text` with every occurrence of `secret` (and of each of its lines, for a multi-line
/// secret such as a private key) replaced by its redacted form.
pub fn redact_in(text: &str, secret: &str) -> String {
    redact_tracking(text, secret, &mut [])
}

/// [`redact_in`], moving each byte offset of `offsets` into `text` to the same place in the
/// result (an offset inside a replaced secret moves to the start of its redacted form).
pub fn redact_tracking(text: &str, secret: &str, offsets: &mut [usize]) -> String {
    let mut out = text.to_string();
    let lines = secret.lines().map(str::trim).filter(|l| l.len() >= 8);
    for target in std::iter::once(secret).chain(lines) {
        if target.is_empty() {
            continue;
        }
        let replacement = redacted(target);
        let mut next = String::with_capacity(out.len());
        let mut last = 0;
        let mut moved: Vec<usize> = offsets.to_vec();
        for (at, _) in out.match_indices(target) {
            next.push_str(out.get(last..at).unwrap_or_default());
            next.push_str(&replacement);
            let end = at + target.len();
            for (offset, new) in offsets.iter().zip(moved.iter_mut()) {
                if *offset >= end {
                    *new = new
                        .saturating_sub(target.len())
                        .saturating_add(replacement.len());
                } else if *offset > at {
                    *new = new.saturating_sub(*offset - at);
                }
            }
            last = end;
        }
        next.push_str(out.get(last..).unwrap_or_default());
        offsets.copy_from_slice(&moved);
        out = next;
    }
    out
}

/// Where a suppression was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SuppressionSource {
    /// A `tenet:ignore` comment in the scanned file.
    Comment,
    /// A Kubernetes `tenet.dev/ignore` annotation.
    Annotation,
    /// An `[[ignore]]` entry of `tenet.toml`.
    Config,
    /// A fingerprint recorded in the baseline file.
    Baseline,
}

impl SuppressionSource {
    pub fn as_str(self) -> &'static str {
        match self {
            SuppressionSource::Comment => "comment",
            SuppressionSource::Annotation => "annotation",
            SuppressionSource::Config => "config",
            SuppressionSource::Baseline => "baseline",
        }
    }
}

/// An accepted risk: why a finding is not reported as active.
#[derive(Clone, Debug, Serialize)]
pub struct Suppression {
    pub source: SuppressionSource,
    pub reason: String,
    /// `until=YYYY-MM-DD`: after that day the finding is reported again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Where the suppression is written (file and 1-based line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

impl Suppression {
    /// SARIF's kind: `inSource` for comments and annotations, `external` otherwise.
    pub fn sarif_kind(&self) -> &'static str {
        match self.source {
            SuppressionSource::Comment | SuppressionSource::Annotation => "inSource",
            SuppressionSource::Config | SuppressionSource::Baseline => "external",
        }
    }
}

impl Finding {
    /// Locates `violation` in `document`. `Err` carries a message when the rule named a
    /// resource the document does not have (a rule error).
    pub fn locate<'d>(
        violation: &Violation,
        rule: &Rule,
        document: &'d Document,
        index: &ResourceIndex<'d>,
    ) -> Result<(Finding, &'d Resource), String> {
        let resource = index
            .get(violation.resource.as_str())
            .and_then(|candidates| {
                candidates
                    .iter()
                    .find(|r| violation.file.as_ref().is_none_or(|f| *f == r.file))
            })
            .ok_or_else(|| {
                format!(
                    "a deny result names resource `{}`, which is not in {}",
                    violation.resource, document.path
                )
            })?;
        let (span, elsewhere) = resource.spans.locate(&violation.path);
        let file = elsewhere.unwrap_or(&resource.file);
        let source = document.file(file).cloned();
        let (start, end) = match &source {
            Some(file) => (file.position(span.start), file.position(span.end)),
            None => (
                Position { line: 1, column: 1 },
                Position { line: 1, column: 1 },
            ),
        };
        let finding = Finding {
            rule: rule.meta.id.clone(),
            severity: match violation.severity {
                Some(severity) if !rule.severity_fixed => severity,
                _ => rule.meta.severity,
            },
            title: rule.meta.title.clone(),
            // Rules write only the redacted form; a long secret left in a message anyway is
            // redacted here (a short one would mangle the words around it).
            message: match &violation.secret {
                Some(secret) if secret.chars().count() >= MIN_REDACTED_IN_MESSAGES => {
                    redact_in(&violation.message, secret)
                }
                _ => violation.message.clone(),
            },
            pillar: rule.meta.pillar,
            controls: rule.meta.controls.clone(),
            fingerprint: fingerprint(
                &rule.meta.id,
                &identity_scope(document, &resource.file),
                &resource.address,
                &violation.path,
            ),
            file: file.to_string(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            resource: resource.address.clone(),
            path: violation.path.clone(),
            suppression: None,
            span,
            source,
            secret: violation.secret.clone().filter(|s| !s.is_empty()),
        };
        Ok((finding, resource))
    }

    /// The order of every report: file, line, column, rule, then the rest.
    pub fn sort_key(&self) -> (&str, usize, usize, &str, &str, &str) {
        (
            &self.file,
            self.line,
            self.column,
            &self.rule,
            &self.resource,
            &self.fingerprint,
        )
    }
}

/// Where a resource address is unique, for fingerprints: a Terraform root module's directory
/// (addresses are unique in it, so moving a resource between the module's files, or renaming
/// one, keeps its findings' fingerprints), a Kubernetes manifest's directory (objects are
/// unique per folder; overlays in other folders stay distinct), and for anything else the
/// file itself (a Dockerfile's stages belong to it).
pub fn identity_scope(document: &Document, file: &str) -> String {
    match document.kind {
        InputKind::Terraform | InputKind::TerraformPlan => document.path.clone(),
        InputKind::Kubernetes => file
            .rsplit_once('/')
            .map_or_else(|| ".".to_string(), |(dir, _)| dir.to_string()),
        InputKind::Dockerfile => file.to_string(),
    }
}

/// Hex SHA-256 (first 128 bits) of rule, identity scope (see [`identity_scope`]), resource
/// address and attribute path: no line or column, so it survives edits around the finding.
pub fn fingerprint(rule: &str, scope: &str, address: &str, path: &AttrPath) -> String {
    let mut hasher = Sha256::new();
    for part in [rule, scope, address, &display_path(path)] {
        hasher.update(part.as_bytes());
        hasher.update([0u8]);
    }
    hasher
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Sorts findings deterministically and removes exact duplicates (same fingerprint and line).
pub fn sort(findings: &mut Vec<Finding>) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup_by(|a, b| {
        a.fingerprint == b.fingerprint && a.line == b.line && a.message == b.message
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::PathSegment;

    #[test]
    fn secrets_are_redacted_to_at_most_four_characters() {
        assert_eq!(
            redacted("ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
            "ghp_…"
        );
        assert_eq!(redacted("hunter2!"), "hu…");
        assert_eq!(redacted("abc"), "…");
        let key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1234567890\n-----END RSA PRIVATE KEY-----";
        let shown = redact_in("  private_key = <<EOT\n  MIIEowIBAAKCAQEA1234567890\n", key);
        assert!(!shown.contains("MIIEowIBAAKCAQEA1234567890"), "{shown}");
        assert!(shown.contains("MIIE…"), "{shown}");
        let mut offsets = [4, 8, 30];
        let text = "x = \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\"\ny";
        let shown = redact_tracking(
            text,
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
            &mut offsets,
        );
        assert_eq!(shown, "x = \"ghp_…\"\ny");
        // Before, inside and after the secret.
        assert_eq!(offsets, [4, 5, 5]);
        let mut after = [text.len()];
        redact_tracking(text, "ghp_abcdefghijklmnopqrstuvwxyz0123456789", &mut after);
        assert_eq!(after, [shown.len()]);
    }

    #[test]
    fn fingerprints_ignore_lines_but_not_identity() {
        let path = vec![PathSegment::Key("spec".into())];
        let a = fingerprint("LP011", "k.yaml", "Pod/web", &path);
        assert_eq!(a.len(), 32);
        assert_eq!(a, fingerprint("LP011", "k.yaml", "Pod/web", &path));
        assert_ne!(a, fingerprint("LP011", "k.yaml", "Pod/api", &path));
        assert_ne!(a, fingerprint("IM001", "k.yaml", "Pod/web", &path));
        assert_ne!(a, fingerprint("LP011", "k.yaml", "Pod/web", &vec![]));
    }
}
