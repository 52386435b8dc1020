//! Rules: Rego files whose `# METADATA` comment block is the single source of their metadata.
//!
//! regorus drops comments, so the block is read here: the `# METADATA` line, then every
//! contiguous `#` line, with the `# ` prefix stripped, parsed as YAML into [`RuleMeta`] with
//! unknown fields rejected. tenet's own fields sit under OPA's `custom:` key so the file stays
//! a valid OPA annotation. Built-in rules are embedded at build time (`build.rs`); `--rules DIR`
//! adds custom rules of the same format.

pub mod reference;
pub mod test;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic};
use crate::ir::InputKind;
use crate::parse::kubernetes::yaml_to_json;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pillar {
    ZeroTrust,
    LeastPrivilege,
    Backup,
    Immutability,
    Hygiene,
}

impl Pillar {
    pub const ALL: [Pillar; 5] = [
        Pillar::ZeroTrust,
        Pillar::LeastPrivilege,
        Pillar::Backup,
        Pillar::Immutability,
        Pillar::Hygiene,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Pillar::ZeroTrust => "zero_trust",
            Pillar::LeastPrivilege => "least_privilege",
            Pillar::Backup => "backup",
            Pillar::Immutability => "immutability",
            Pillar::Hygiene => "hygiene",
        }
    }
}

impl fmt::Display for Pillar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `document` rules run once per IR document; `scan` rules run once on a document holding
/// every Kubernetes resource of the scan (for relations across files).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleScope {
    #[default]
    Document,
    Scan,
}

/// A `related_resources` entry: a bare URL or OPA's `{ref, description}` object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RelatedResource {
    Url(String),
    Ref {
        #[serde(rename = "ref")]
        url: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
    },
}

impl RelatedResource {
    pub fn url(&self) -> &str {
        match self {
            RelatedResource::Url(url) | RelatedResource::Ref { url, .. } => url,
        }
    }
}

/// The METADATA block as written (OPA annotation keys at the top, tenet's under `custom`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Annotation {
    title: String,
    description: String,
    #[serde(default)]
    related_resources: Vec<RelatedResource>,
    /// OPA's annotation scope; only `package` makes sense for a tenet rule.
    #[serde(default)]
    scope: Option<String>,
    custom: Custom,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Custom {
    id: String,
    severity: Severity,
    pillar: Pillar,
    layer: f64,
    controls: Vec<String>,
    #[serde(default)]
    tenets: Vec<u8>,
    targets: Vec<InputKind>,
    remediation: String,
    #[serde(default)]
    scope: RuleScope,
    #[serde(default)]
    deprecated: bool,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Everything tenet knows about a rule, from its METADATA block.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleMeta {
    pub id: String,
    pub title: String,
    pub description: String,
    pub severity: Severity,
    pub pillar: Pillar,
    pub layer: f64,
    pub controls: Vec<String>,
    pub tenets: Vec<u8>,
    pub targets: Vec<InputKind>,
    pub remediation: String,
    pub references: Vec<RelatedResource>,
    pub scope: RuleScope,
    pub deprecated: bool,
    pub aliases: Vec<String>,
}

/// A loaded rule: metadata plus the Rego source.
#[derive(Clone, Debug)]
pub struct Rule {
    pub meta: RuleMeta,
    /// `tenet.<pillar>.<short_name>`.
    pub package: String,
    /// The file stem, which names the hazard (`privileged_container`).
    pub short_name: String,
    /// Where the rule came from (`rules/least_privilege/privileged_container.rego`).
    pub path: String,
    pub source: String,
    pub builtin: bool,
    /// The severity was set by the project (`[severity]` in tenet.toml): it applies to every
    /// finding of the rule, even one whose `deny` result names its own.
    pub severity_fixed: bool,
}

impl Rule {
    /// The Rego rule tenet evaluates: `data.<package>.deny`.
    pub fn deny_entry_point(&self) -> String {
        format!("data.{}.deny", self.package)
    }

    /// Where the rule lists what it could not decide (optional).
    pub fn undecided_entry_point(&self) -> String {
        format!("data.{}.undecided", self.package)
    }

    pub fn applies_to(&self, kind: InputKind) -> bool {
        self.meta.targets.contains(&kind)
    }
}

/// A Rego module without METADATA and without `deny`: shared helpers (`package tenet.lib.*`).
#[derive(Clone, Debug)]
pub struct Library {
    pub path: String,
    pub source: String,
}

/// All rules and helper modules to load into the engine.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub libraries: Vec<Library>,
}

impl RuleSet {
    /// The built-in rules embedded in the binary.
    pub fn builtin() -> Result<RuleSet, Vec<Diagnostic>> {
        let mut set = RuleSet::default();
        let mut errors = Vec::new();
        for (path, source) in BUILTIN_RULES {
            set.add_file(path, source, true, &mut errors);
        }
        finish(set, errors)
    }

    /// Every `.rego` file under `dir` (recursively, `*_test.rego` excluded).
    pub fn load_dir(dir: &Path) -> Result<RuleSet, Vec<Diagnostic>> {
        let mut set = RuleSet::default();
        let mut errors = Vec::new();
        let files = match rego_files(dir, false) {
            Ok(files) => files,
            Err(e) => {
                let diagnostic = Diagnostic::error(
                    Code::Rule,
                    crate::discover::display_path(dir),
                    format!("cannot read rules directory: {e}"),
                );
                return Err(vec![diagnostic]);
            }
        };
        for file in files {
            let display = crate::discover::display_path(&file);
            match std::fs::read_to_string(&file) {
                Ok(source) => set.add_file(&display, &source, false, &mut errors),
                Err(e) => errors.push(Diagnostic::error(
                    Code::Rule,
                    display,
                    format!("cannot read rule: {e}"),
                )),
            }
        }
        finish(set, errors)
    }

    /// Adds `other`'s rules; a duplicate id is an error.
    pub fn extend(&mut self, other: RuleSet) -> Result<(), Vec<Diagnostic>> {
        let mut errors = Vec::new();
        for rule in other.rules {
            if let Some(existing) = self.get(&rule.meta.id) {
                errors.push(duplicate_id(&rule, existing));
                continue;
            }
            self.rules.push(rule);
        }
        self.libraries.extend(other.libraries);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules
            .iter()
            .find(|r| r.meta.id == id || r.meta.aliases.iter().any(|a| a == id))
    }

    fn add_file(&mut self, path: &str, source: &str, builtin: bool, errors: &mut Vec<Diagnostic>) {
        match parse_rule(path, source, builtin) {
            Ok(Some(rule)) => match self.get(&rule.meta.id) {
                Some(existing) => errors.push(duplicate_id(&rule, existing)),
                None => self.rules.push(rule),
            },
            Ok(None) => self.libraries.push(Library {
                path: path.to_string(),
                source: source.to_string(),
            }),
            Err(e) => errors.push(e),
        }
    }
}

fn finish(mut set: RuleSet, errors: Vec<Diagnostic>) -> Result<RuleSet, Vec<Diagnostic>> {
    if !errors.is_empty() {
        return Err(errors);
    }
    set.rules.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    Ok(set)
}

fn duplicate_id(rule: &Rule, existing: &Rule) -> Diagnostic {
    Diagnostic::error(
        Code::Rule,
        rule.path.as_str(),
        format!(
            "rule id {} is already used by {}",
            rule.meta.id, existing.path
        ),
    )
    .for_rule(rule.meta.id.as_str())
}

/// `.rego` files under `dir`, sorted; `tests` selects `*_test.rego` files instead of rules.
pub fn rego_files(dir: &Path, tests: bool) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let name = name.unwrap_or_default();
            if path.is_dir() {
                if !name.starts_with('.') && name != "testdata" {
                    stack.push(path);
                }
            } else if name.ends_with(".rego") && name.ends_with("_test.rego") == tests {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The `package` declared by a Rego source.
pub fn package_of(source: &str) -> Option<String> {
    source.lines().find_map(|line| {
        let rest = line.trim_start().strip_prefix("package ")?;
        rest.split_whitespace().next().map(str::to_string)
    })
}

/// Whether the source declares a top-level `deny` rule.
fn declares_deny(source: &str) -> bool {
    source.lines().any(|line| {
        line.strip_prefix("deny")
            .is_some_and(|rest| rest.starts_with([' ', '\t', '[', '{', ':', '=']))
    })
}

/// The METADATA block (YAML text) and the 1-based line of its `# METADATA` header.
fn metadata_block(source: &str) -> Option<(String, usize)> {
    let mut lines = source.lines().enumerate();
    let (header, _) = lines.find(|(_, l)| l.trim() == "# METADATA")?;
    let mut yaml = String::new();
    for (_, line) in lines {
        let Some(comment) = line.trim_start().strip_prefix('#') else {
            break;
        };
        yaml.push_str(comment.strip_prefix(' ').unwrap_or(comment));
        yaml.push('\n');
    }
    Some((yaml, header + 1))
}

/// Parses one rule file. `Ok(None)`: a helper library (no METADATA, no `deny`).
pub fn parse_rule(path: &str, source: &str, builtin: bool) -> Result<Option<Rule>, Diagnostic> {
    let error = |line: usize, message: String| {
        Diagnostic::error(Code::Rule, path, message).with_line(line, 1)
    };
    let Some((yaml, line)) = metadata_block(source) else {
        if declares_deny(source) {
            return Err(error(
                1,
                "rule has a `deny` rule but no `# METADATA` block".into(),
            ));
        }
        return Ok(None);
    };
    let value = yaml_to_json(&yaml)
        .map_err(|e| error(line, format!("METADATA is not valid YAML: {}", e.message)))?;
    let annotation: Annotation =
        serde_json::from_value(value).map_err(|e| error(line, format!("invalid METADATA: {e}")))?;
    let custom = annotation.custom;
    let meta = RuleMeta {
        id: custom.id,
        title: annotation.title.trim().to_string(),
        description: annotation.description.trim().to_string(),
        severity: custom.severity,
        pillar: custom.pillar,
        layer: custom.layer,
        controls: custom.controls,
        tenets: custom.tenets,
        targets: custom.targets,
        remediation: custom.remediation.trim().to_string(),
        references: annotation.related_resources,
        scope: custom.scope,
        deprecated: custom.deprecated,
        aliases: custom.aliases,
    };
    if let Some(scope) = annotation.scope.as_deref().filter(|s| *s != "package") {
        return Err(error(
            line,
            format!("METADATA scope must be `package`, not `{scope}`"),
        ));
    }
    let problems = validate(&meta);
    if let Some(problem) = problems.first() {
        return Err(error(line, format!("invalid METADATA: {problem}")).for_rule(meta.id.as_str()));
    }

    let short_name = Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let expected = format!("tenet.{}.{short_name}", meta.pillar);
    let package = package_of(source).unwrap_or_default();
    if package != expected {
        return Err(error(
            line,
            format!(
                "package is `{package}` but a {} rule in {short_name}.rego must be `{expected}`",
                meta.pillar
            ),
        )
        .for_rule(meta.id.as_str()));
    }
    let parent = Path::new(path)
        .parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned());
    let in_pillar_dir = parent
        .as_deref()
        .is_some_and(|p| Pillar::ALL.iter().any(|pillar| pillar.as_str() == p));
    if (builtin || in_pillar_dir) && parent.as_deref() != Some(meta.pillar.as_str()) {
        return Err(error(
            line,
            format!(
                "pillar `{}` does not match the directory `{}`",
                meta.pillar,
                parent.unwrap_or_default()
            ),
        )
        .for_rule(meta.id.as_str()));
    }
    if !declares_deny(source) {
        return Err(
            error(line, "rule has METADATA but no `deny` rule".into()).for_rule(meta.id.as_str())
        );
    }
    Ok(Some(Rule {
        meta,
        package,
        short_name,
        path: path.to_string(),
        source: source.to_string(),
        builtin,
        severity_fixed: false,
    }))
}

/// Checks the values the YAML types cannot: id shape, control ids, layer, targets.
fn validate(meta: &RuleMeta) -> Vec<String> {
    let mut problems = Vec::new();
    let id_ok = meta.id.len() == 5
        && meta.id.chars().take(2).all(|c| c.is_ascii_uppercase())
        && meta.id.chars().skip(2).all(|c| c.is_ascii_digit());
    if !id_ok {
        problems.push(format!(
            "id `{}` must be two capital letters and three digits (e.g. IM001)",
            meta.id
        ));
    }
    for control in &meta.controls {
        if !is_control_id(control) {
            problems.push(format!(
                "control `{control}` is not a NIST SP 800-53 id such as `AC-6` or `SC-8(1)`"
            ));
        }
    }
    const LAYERS: [f64; 9] = [-1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 6.5];
    if !LAYERS.contains(&meta.layer) {
        problems.push(format!(
            "layer {} is not one of -1, 0, 1, 2, 3, 4, 5, 6, 6.5",
            meta.layer
        ));
    }
    if meta.controls.is_empty() {
        problems.push("controls must name at least one NIST SP 800-53 control".into());
    }
    if meta.scope == RuleScope::Scan && !meta.targets.contains(&InputKind::Kubernetes) {
        problems.push(
            "a `scope: scan` rule runs on the scan's Kubernetes document: targets must include kubernetes".into(),
        );
    }
    if meta.targets.is_empty() {
        problems.push("targets must name at least one input kind".into());
    }
    if meta.tenets.iter().any(|t| !(1..=7).contains(t)) {
        problems.push("tenets are NIST SP 800-207 tenet numbers 1 to 7".into());
    }
    if meta.title.is_empty() || meta.description.is_empty() || meta.remediation.is_empty() {
        problems.push("title, description and remediation must not be empty".into());
    }
    problems
}

/// `AC-6`, `SC-8(1)`, `IA-5(7)`.
fn is_control_id(control: &str) -> bool {
    let (base, enhancement) = match control.split_once('(') {
        Some((base, rest)) => (base, Some(rest)),
        None => (control, None),
    };
    let base_ok = base.split_once('-').is_some_and(|(family, number)| {
        family.len() == 2
            && family.chars().all(|c| c.is_ascii_uppercase())
            && !number.is_empty()
            && number.chars().all(|c| c.is_ascii_digit())
    });
    let enhancement_ok = enhancement.is_none_or(|e| {
        e.strip_suffix(')')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    });
    base_ok && enhancement_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: &str = "# METADATA\n# title: Example\n# description: An example.\n# custom:\n#   id: IM099\n#   severity: low\n#   pillar: immutability\n#   layer: 6\n#   controls: [CM-2]\n#   targets: [dockerfile]\n#   remediation: Do it.\npackage tenet.immutability.example\n\ndeny contains x if { false; x := 1 }\n";

    #[test]
    fn metadata_is_parsed_from_the_comment_block() {
        let rule = parse_rule("rules/immutability/example.rego", RULE, true)
            .unwrap()
            .unwrap();
        assert_eq!(rule.meta.id, "IM099");
        assert_eq!(rule.meta.severity, Severity::Low);
        assert_eq!(rule.meta.targets, vec![InputKind::Dockerfile]);
        assert_eq!(rule.package, "tenet.immutability.example");
    }

    #[test]
    fn unknown_metadata_fields_are_rule_errors() {
        let typo = RULE.replace("#   layer: 6", "#   layer: 6\n#   sevrity: high");
        let err = parse_rule("rules/immutability/example.rego", &typo, true).unwrap_err();
        assert!(
            err.message.contains("unknown field `sevrity`"),
            "{}",
            err.message
        );
        assert_eq!(err.line, Some(1));
    }

    #[test]
    fn missing_fields_and_wrong_package_are_rule_errors() {
        let missing = RULE.replace("#   remediation: Do it.\n", "");
        let err = parse_rule("rules/immutability/example.rego", &missing, true).unwrap_err();
        assert!(
            err.message.contains("missing field `remediation`"),
            "{}",
            err.message
        );
        let err = parse_rule("rules/immutability/other.rego", RULE, true).unwrap_err();
        assert!(
            err.message.contains("must be `tenet.immutability.other`"),
            "{}",
            err.message
        );
        let err = parse_rule("rules/hygiene/example.rego", RULE, true).unwrap_err();
        assert!(
            err.message.contains("does not match the directory"),
            "{}",
            err.message
        );
    }

    #[test]
    fn control_ids_are_checked() {
        assert!(is_control_id("AC-6"));
        assert!(is_control_id("SC-8(1)"));
        assert!(!is_control_id("AC6"));
        assert!(!is_control_id("sc-8"));
        assert!(!is_control_id("SC-8(x)"));
    }

    #[test]
    fn a_file_without_metadata_or_deny_is_a_library() {
        let lib = "package tenet.lib.k8s\n\nworkloads := []\n";
        assert!(
            parse_rule("rules/lib/k8s.rego", lib, true)
                .unwrap()
                .is_none()
        );
        let forgot = "package tenet.hygiene.x\n\ndeny contains 1 if { true }\n";
        assert!(parse_rule("rules/hygiene/x.rego", forgot, true).is_err());
    }
}
