//! SARIF 2.1.0 (OASIS), as GitHub code scanning ingests it: one run, `tool.driver.rules`
//! holding every rule that ran, results with relative `uri`s under `%SRCROOT%`, regions in
//! Unicode code points, stable fingerprints, suppressed findings carried with `suppressions`,
//! and inputs that could not be checked as `toolExecutionNotifications`.
//!
//! GitHub rejects a run over its documented limits (25,000 results, 25,000 rules, 20 tags per
//! rule, 1,000 locations per result; files over 10 MB gzip-compressed). tenet writes one
//! location per result and at most 10 tags per rule (the number GitHub displays); past the
//! result limit it keeps the most severe results and reports the truncation as a `limit`
//! diagnostic (exit 2), here and on stderr.

use std::io::Write;

use serde_json::{Map, Value, json};

use crate::diagnostic::{Code, Diagnostic, Level};
use crate::findings::Finding;
use crate::rules::{Rule, Severity};
use crate::scan::ScanOutcome;

pub const SCHEMA_URL: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Most results GitHub code scanning accepts in one run.
pub const MAX_RESULTS: usize = 25_000;
/// Most rules GitHub code scanning accepts in one run.
pub const MAX_RULES: usize = 25_000;
/// Tags per rule GitHub displays (it rejects more than 20).
pub const MAX_TAGS: usize = 10;
/// Largest SARIF file GitHub accepts, gzip-compressed.
pub const MAX_COMPRESSED_BYTES: usize = 10 * 1024 * 1024;

/// The fingerprint's name in `partialFingerprints` and `fingerprints`.
const FINGERPRINT_KEY: &str = "tenet/v1";

/// Writes `outcome` as a SARIF log. Returns the diagnostics of any GitHub limit the log had
/// to be cut to, which the caller reports (they are in the log's notifications too).
pub fn write(outcome: &ScanOutcome, out: &mut dyn Write) -> std::io::Result<Vec<Diagnostic>> {
    let (log, limits) = log(outcome);
    let text = serde_json::to_string_pretty(&log)?;
    let mut limits = limits;
    let compressed =
        miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6).len() + GZIP_OVERHEAD;
    if compressed > MAX_COMPRESSED_BYTES {
        limits.push(Diagnostic::error(
            Code::Limit,
            "<sarif>",
            format!(
                "the SARIF log is {compressed} bytes gzip-compressed, over the {MAX_COMPRESSED_BYTES} bytes GitHub code scanning accepts; narrow the scan or raise --fail-on"
            ),
        ));
    }
    out.write_all(text.as_bytes())?;
    writeln!(out)?;
    Ok(limits)
}

/// gzip's header and trailer around a deflate stream.
const GZIP_OVERHEAD: usize = 18;

/// The SARIF log of `outcome`, and the diagnostics of any limit it was cut to.
pub fn log(outcome: &ScanOutcome) -> (Value, Vec<Diagnostic>) {
    let mut limits = Vec::new();
    let mut rules: Vec<&Rule> = outcome.rules.iter().collect();
    rules.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    rules.dedup_by(|a, b| a.meta.id == b.meta.id);
    if rules.len() > MAX_RULES {
        limits.push(Diagnostic::error(
            Code::Limit,
            "<sarif>",
            format!(
                "{} rules ran, over the {MAX_RULES} GitHub code scanning accepts in one run; only the first {MAX_RULES} are described",
                rules.len()
            ),
        ));
        rules.truncate(MAX_RULES);
    }

    let mut results: Vec<(&Finding, bool)> = outcome
        .findings
        .iter()
        .map(|f| (f, false))
        .chain(outcome.suppressed.iter().map(|f| (f, true)))
        .collect();
    if results.len() > MAX_RESULTS {
        // The most severe first, then active before suppressed; the order within a severity
        // is the report's (file, line).
        results.sort_by_key(|(f, suppressed)| (std::cmp::Reverse(f.severity), *suppressed));
        limits.push(Diagnostic::error(
            Code::Limit,
            "<sarif>",
            format!(
                "{} results, over the {MAX_RESULTS} GitHub code scanning accepts in one run; the {MAX_RESULTS} most severe are kept",
                results.len()
            ),
        ));
        results.truncate(MAX_RESULTS);
    }

    let rule_index = |id: &str| rules.binary_search_by(|r| r.meta.id.as_str().cmp(id)).ok();
    let results: Vec<Value> = results
        .iter()
        .map(|(finding, _)| result(finding, rule_index(&finding.rule)))
        .collect();

    let notifications: Vec<Value> = outcome
        .diagnostics
        .iter()
        .chain(&limits)
        .map(notification)
        .collect();
    let run = json!({
        "tool": {
            "driver": {
                "name": "tenet",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": rules.iter().map(|r| rule(r)).collect::<Vec<_>>(),
            }
        },
        "originalUriBaseIds": {
            "%SRCROOT%": {
                "description": { "text": "The directory tenet was run in; every uri is relative to it." }
            }
        },
        "columnKind": "unicodeCodePoints",
        "invocations": [{
            "executionSuccessful": !outcome.incomplete() && limits.is_empty(),
            "toolExecutionNotifications": notifications,
        }],
        "results": results,
    });
    let log = json!({
        "$schema": SCHEMA_URL,
        "version": "2.1.0",
        "runs": [run],
    });
    (log, limits)
}

fn rule(rule: &Rule) -> Value {
    let meta = &rule.meta;
    let mut tags = vec!["security".to_string(), meta.pillar.as_str().to_string()];
    tags.extend(meta.controls.iter().map(|c| format!("NIST-800-53-{c}")));
    tags.truncate(MAX_TAGS);
    let help_uri = format!(
        "{}/blob/main/docs/rules/{}.md",
        env!("CARGO_PKG_REPOSITORY"),
        meta.id
    );
    json!({
        "id": meta.id,
        "name": pascal_case(&rule.short_name),
        "shortDescription": { "text": meta.title },
        "fullDescription": { "text": super::one_line(&meta.description) },
        "help": {
            "text": format!("{}\n\nRemediation:\n{}", super::one_line(&meta.description), meta.remediation.trim()),
            "markdown": format!(
                "{}\n\n**Remediation**\n\n{}\n\nControls: {}. [Rule reference]({help_uri})",
                meta.description.trim(),
                meta.remediation.trim(),
                meta.controls.join(", ")
            ),
        },
        "helpUri": help_uri,
        "defaultConfiguration": { "level": level(meta.severity) },
        "properties": {
            "tags": tags,
            "precision": "high",
            "problem.severity": problem_severity(meta.severity),
            "security-severity": security_severity(meta.severity),
        },
    })
}

fn result(finding: &Finding, rule_index: Option<usize>) -> Value {
    let mut result = Map::new();
    result.insert("ruleId".into(), json!(finding.rule));
    if let Some(index) = rule_index {
        result.insert("ruleIndex".into(), json!(index));
    }
    result.insert("level".into(), json!(level(finding.severity)));
    result.insert("message".into(), json!({ "text": finding.message }));
    result.insert(
        "locations".into(),
        json!([{
            "physicalLocation": {
                "artifactLocation": artifact(&finding.file),
                "region": {
                    "startLine": finding.line,
                    "startColumn": finding.column,
                    "endLine": finding.end_line.max(finding.line),
                    "endColumn": finding.end_column.max(1),
                }
            },
            "logicalLocations": [{ "fullyQualifiedName": finding.resource, "kind": "resource" }],
        }]),
    );
    result.insert(
        "partialFingerprints".into(),
        json!({ FINGERPRINT_KEY: finding.fingerprint }),
    );
    result.insert(
        "fingerprints".into(),
        json!({ FINGERPRINT_KEY: finding.fingerprint }),
    );
    if let Some(suppression) = &finding.suppression {
        let mut properties = Map::new();
        if let Some(until) = &suppression.until {
            properties.insert("until".into(), json!(until));
        }
        properties.insert("source".into(), json!(suppression.source.as_str()));
        if let (Some(file), Some(line)) = (&suppression.file, suppression.line) {
            properties.insert("location".into(), json!(format!("{file}:{line}")));
        }
        result.insert(
            "suppressions".into(),
            json!([{
                "kind": suppression.sarif_kind(),
                "status": "accepted",
                "justification": suppression.reason,
                "properties": properties,
            }]),
        );
    }
    result.insert(
        "properties".into(),
        json!({
            "severity": finding.severity.as_str(),
            "resource": finding.resource,
            "path": crate::ir::display_path(&finding.path),
        }),
    );
    Value::Object(result)
}

fn notification(diagnostic: &Diagnostic) -> Value {
    let level = match diagnostic.level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
    };
    let mut notification = Map::new();
    notification.insert(
        "descriptor".into(),
        json!({ "id": diagnostic.code.as_str() }),
    );
    notification.insert("level".into(), json!(level));
    notification.insert("message".into(), json!({ "text": diagnostic.message }));
    if !diagnostic.file.starts_with('<') {
        let mut physical = Map::new();
        physical.insert("artifactLocation".into(), artifact(&diagnostic.file));
        if let Some(line) = diagnostic.line.filter(|&l| l > 0) {
            let mut region = Map::new();
            region.insert("startLine".into(), json!(line));
            if let Some(column) = diagnostic.column.filter(|&c| c > 0) {
                region.insert("startColumn".into(), json!(column));
            }
            physical.insert("region".into(), Value::Object(region));
        }
        notification.insert(
            "locations".into(),
            json!([{ "physicalLocation": Value::Object(physical) }]),
        );
    }
    if let Some(rule) = &diagnostic.rule {
        notification.insert("associatedRule".into(), json!({ "id": rule }));
    }
    Value::Object(notification)
}

/// A file as SARIF locates it: relative to `%SRCROOT%` (the working directory), or an
/// absolute `file:` URI for a file named by an absolute path.
fn artifact(file: &str) -> Value {
    if let Some(absolute) = file.strip_prefix('/') {
        json!({ "uri": format!("file:///{}", percent_encode(absolute)) })
    } else {
        json!({ "uri": percent_encode(file), "uriBaseId": "%SRCROOT%" })
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters and `/`.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

fn problem_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "recommendation",
    }
}

/// GitHub's security severity scale: over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium,
/// 0.1-3.9 low.
fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    }
}

fn pascal_case(snake: &str) -> String {
    snake
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)] // tests may fail loudly
mod tests {
    use super::*;

    fn finding(rule: &str, severity: Severity, line: usize) -> Finding {
        Finding {
            rule: rule.to_string(),
            severity,
            title: String::new(),
            message: "m".to_string(),
            pillar: crate::rules::Pillar::Hygiene,
            controls: Vec::new(),
            file: "a.tf".to_string(),
            line,
            column: 1,
            end_line: line,
            end_column: 2,
            resource: "r".to_string(),
            path: Vec::new(),
            fingerprint: format!("{line:032}"),
            suppression: None,
            span: crate::source::Span::default(),
            source: None,
            secret: None,
        }
    }

    #[test]
    fn past_githubs_result_limit_the_most_severe_results_are_kept_and_said_so() {
        let mut outcome = ScanOutcome {
            findings: (1..=MAX_RESULTS)
                .map(|line| finding("LOW1", Severity::Low, line))
                .collect(),
            ..ScanOutcome::default()
        };
        outcome
            .findings
            .push(finding("CRIT1", Severity::Critical, MAX_RESULTS + 1));
        let (log, limits) = log(&outcome);
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), MAX_RESULTS);
        assert_eq!(results[0]["ruleId"], "CRIT1");
        assert_eq!(limits.len(), 1);
        assert_eq!(limits[0].code, Code::Limit);
        assert_eq!(
            log["runs"][0]["invocations"][0]["executionSuccessful"],
            false
        );
    }

    #[test]
    fn uris_are_relative_and_percent_encoded() {
        assert_eq!(
            artifact("infra/my app/main.tf"),
            json!({ "uri": "infra/my%20app/main.tf", "uriBaseId": "%SRCROOT%" })
        );
        assert_eq!(
            artifact("/srv/x#1.yaml"),
            json!({ "uri": "file:///srv/x%231.yaml" })
        );
        assert_eq!(pascal_case("privileged_container"), "PrivilegedContainer");
    }
}
