//! The rule reference under `docs/rules/`: one Markdown page per rule, generated from its
//! metadata (what SARIF's `helpUri` links to), and an index. `tests/rule_reference.rs` fails
//! when a page is out of date; `TENET_BLESS=1 cargo test --test rule_reference` rewrites them.

use std::fmt::Write as _;

use super::{RelatedResource, Rule};

/// The page of one rule.
pub fn page(rule: &Rule) -> String {
    let meta = &rule.meta;
    let mut out = String::new();
    let _ = writeln!(out, "# {} {}\n", meta.id, meta.title);
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(out, "| name | `{}` |", rule.short_name);
    let _ = writeln!(out, "| severity | {} |", meta.severity);
    let _ = writeln!(out, "| pillar | {} |", meta.pillar);
    if meta.layer > 0.0 {
        let _ = writeln!(out, "| layer | {} |", meta.layer);
    }
    let _ = writeln!(
        out,
        "| NIST SP 800-53 | {} |",
        if meta.controls.is_empty() {
            "-".to_string()
        } else {
            meta.controls.join(", ")
        }
    );
    if !meta.tenets.is_empty() {
        let tenets: Vec<String> = meta.tenets.iter().map(ToString::to_string).collect();
        let _ = writeln!(out, "| NIST SP 800-207 tenets | {} |", tenets.join(", "));
    }
    let targets: Vec<String> = meta.targets.iter().map(ToString::to_string).collect();
    let _ = writeln!(out, "| targets | {} |", targets.join(", "));
    let _ = writeln!(out, "| source | `{}` |", rule.path);
    let _ = writeln!(out, "\n## When it fires\n\n{}\n", meta.description.trim());
    let _ = writeln!(out, "## Remediation\n\n{}\n", meta.remediation.trim());
    if !meta.references.is_empty() {
        let _ = writeln!(out, "## References\n");
        for reference in &meta.references {
            match reference {
                RelatedResource::Ref {
                    url,
                    description: Some(description),
                } => {
                    let _ = writeln!(out, "- [{description}]({url})");
                }
                other => {
                    let _ = writeln!(out, "- <{}>", other.url());
                }
            }
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "## Suppressing it\n\nAccept the risk where it is, with the reason (and an expiry when it is temporary):\n`# tenet:ignore {} until=YYYY-MM-DD reason` above the resource; see\n[suppressions](../configuration.md#suppressions).",
        meta.id
    );
    out
}

/// The index of every rule, by pillar.
pub fn index<'r>(rules: impl IntoIterator<Item = &'r Rule>) -> String {
    let mut rules: Vec<&Rule> = rules.into_iter().collect();
    rules.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    let mut out = String::from(
        "# Rule reference\n\nGenerated from each rule's metadata by `tests/rule_reference.rs`; do not edit by hand.\n\n| id | title | severity | pillar | targets |\n|---|---|---|---|---|\n",
    );
    for rule in rules {
        let meta = &rule.meta;
        let targets: Vec<String> = meta.targets.iter().map(ToString::to_string).collect();
        let _ = writeln!(
            out,
            "| [{id}]({id}.md) | {} | {} | {} | {} |",
            meta.title,
            meta.severity,
            meta.pillar,
            targets.join(", "),
            id = meta.id
        );
    }
    out
}
