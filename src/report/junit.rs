//! JUnit XML, as CI systems (GitLab, Jenkins, Azure Pipelines) read test reports: one test
//! suite per rule that ran, one test case per rule and resource with a finding (a `failure`
//! per finding; a suppressed finding is `skipped` with its reason), and one passing case per
//! rule for the resources it found nothing on. Inputs that could not be checked are an
//! `error` case in a `tenet` suite, so the report never looks green when the scan was not.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

use crate::findings::Finding;
use crate::scan::ScanOutcome;

pub fn write(outcome: &ScanOutcome, out: &mut dyn Write) -> std::io::Result<()> {
    // rule id → resource key → findings (active, then suppressed).
    let mut by_rule: BTreeMap<&str, BTreeMap<(&str, &str), Vec<&Finding>>> = BTreeMap::new();
    for rule in &outcome.rules {
        by_rule.entry(rule.meta.id.as_str()).or_default();
    }
    for finding in outcome.findings.iter().chain(&outcome.suppressed) {
        by_rule
            .entry(finding.rule.as_str())
            .or_default()
            .entry((finding.file.as_str(), finding.resource.as_str()))
            .or_default()
            .push(finding);
    }
    let title = |id: &str| {
        outcome
            .rules
            .iter()
            .find(|r| r.meta.id == id)
            .map_or(String::new(), |r| r.meta.title.clone())
    };

    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let mut suites = String::new();
    let (mut total_tests, mut total_failures, mut total_errors, mut total_skipped) = (0, 0, 0, 0);
    for (rule, resources) in &by_rule {
        let mut cases = String::new();
        let (mut tests, mut failures, mut skipped) = (0, 0, 0);
        for ((file, resource), findings) in resources {
            tests += 1;
            let active: Vec<&&Finding> = findings
                .iter()
                .filter(|f| f.suppression.is_none())
                .collect();
            let _ = write!(
                cases,
                "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\"",
                escape(rule),
                escape(resource),
                escape(file)
            );
            if let Some(first) = active.first() {
                failures += 1;
                let text: Vec<String> = active
                    .iter()
                    .map(|f| format!("{}:{}:{}: {}", f.file, f.line, f.column, f.message))
                    .collect();
                let _ = write!(
                    cases,
                    " line=\"{}\">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
                    first.line,
                    first.severity,
                    escape(&first.message),
                    escape(&text.join("\n"))
                );
            } else if let Some(suppressed) = findings.first().and_then(|f| f.suppression.as_ref()) {
                skipped += 1;
                let _ = writeln!(
                    cases,
                    ">\n      <skipped message=\"{}\"/>\n    </testcase>",
                    escape(&format!(
                        "accepted ({}): {}",
                        suppressed.source.as_str(),
                        suppressed.reason
                    ))
                );
            } else {
                cases.push_str("/>\n");
            }
        }
        // The resources this rule checked and found nothing on, as one passing case.
        tests += 1;
        let _ = writeln!(
            cases,
            "    <testcase classname=\"{}\" name=\"every other resource\"/>",
            escape(rule)
        );
        let _ = write!(
            suites,
            "  <testsuite name=\"{} {}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">\n{cases}  </testsuite>\n",
            escape(rule),
            escape(&title(rule))
        );
        total_tests += tests;
        total_failures += failures;
        total_skipped += skipped;
    }
    let errors: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    if !errors.is_empty() {
        let mut cases = String::new();
        for diagnostic in &errors {
            let _ = writeln!(
                cases,
                "    <testcase classname=\"tenet\" name=\"{}\" file=\"{}\">\n      <error type=\"{}\" message=\"{}\"/>\n    </testcase>",
                escape(&diagnostic.file),
                escape(&diagnostic.file),
                diagnostic.code.as_str(),
                escape(&diagnostic.message)
            );
        }
        let _ = write!(
            suites,
            "  <testsuite name=\"tenet: inputs and rules not checked\" tests=\"{n}\" failures=\"0\" errors=\"{n}\" skipped=\"0\">\n{cases}  </testsuite>\n",
            n = errors.len()
        );
        total_tests += errors.len();
        total_errors += errors.len();
    }
    let _ = write!(
        xml,
        "<testsuites name=\"tenet\" tests=\"{total_tests}\" failures=\"{total_failures}\" errors=\"{total_errors}\" skipped=\"{total_skipped}\">\n{suites}</testsuites>\n"
    );
    out.write_all(xml.as_bytes())
}

/// Escapes text for an XML attribute or element, dropping characters XML 1.0 forbids.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_special_and_control_characters_are_escaped() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
