//! The TN rules, which tenet reports about suppressions themselves (no Rego: they read
//! comments, annotations and `tenet.toml`, not the IR). Their metadata has the same shape as
//! a Rego rule's, so reports, `tenet rules list` and the rule reference describe them alike.

use std::sync::LazyLock;

use crate::ir::InputKind;
use crate::rules::{Pillar, Rule, RuleMeta, RuleScope, Severity};

const REMEDIATION: &str = "Write every suppression with the rule ids it accepts, the reason, and \
an expiry when the risk is temporary:

```hcl
# tenet:ignore ZT001 until=2027-03-31 bastion for the migration; see INFRA-1234
resource \"aws_security_group\" \"bastion\" {
```

```yaml
metadata:
  annotations:
    tenet.dev/ignore: \"LP011 until=2027-03-31: the CNI needs privileges; see INFRA-1235\"
```";

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    [
        (
            "TN001",
            "suppression_without_reason",
            Severity::Low,
            "Suppression without a reason",
            "A `tenet:ignore` comment, `tenet.dev/ignore` annotation or `[[suppress]]` entry gives no reason. An accepted risk an auditor cannot read the reason for is not accepted, only hidden. The suppression still applies; this finding asks for the reason.",
        ),
        (
            "TN002",
            "suppression_unknown_rule",
            Severity::Low,
            "Suppression names an unknown rule",
            "A suppression names an id that is not a rule tenet knows (a typo, or a rule that was renamed or removed): it accepts nothing.",
        ),
        (
            "TN003",
            "suppression_expired",
            Severity::Medium,
            "Suppression expired",
            "A suppression's `until=` date has passed. It no longer applies: the findings it accepted are reported again, and this finding points at the suppression to renew (with a new reason) or remove.",
        ),
        (
            "TN004",
            "suppression_unused",
            Severity::Low,
            "Suppression matches no finding",
            "A suppression matched no finding of the rules it names (the risk was fixed, or the suppression is in the wrong place). Reported only when every rule it names ran.",
        ),
    ]
    .into_iter()
    .map(|(id, short_name, severity, title, description)| Rule {
        meta: RuleMeta {
            id: id.to_string(),
            title: title.to_string(),
            description: description.to_string(),
            severity,
            pillar: Pillar::Hygiene,
            layer: 0.0,
            controls: vec!["CA-7".to_string(), "PM-4".to_string()],
            tenets: Vec::new(),
            targets: InputKind::ALL.to_vec(),
            remediation: REMEDIATION.to_string(),
            references: Vec::new(),
            scope: RuleScope::Scan,
            deprecated: false,
            aliases: Vec::new(),
        },
        package: format!("tenet.suppressions.{short_name}"),
        short_name: short_name.to_string(),
        path: "src/suppress/meta_rules.rs".to_string(),
        source: String::new(),
        builtin: true,
        severity_fixed: false,
    })
    .collect()
});

/// The TN rules.
pub fn rules() -> &'static [Rule] {
    &RULES
}

/// One TN rule's metadata.
pub fn meta(id: &str) -> Option<&'static RuleMeta> {
    RULES.iter().find(|r| r.meta.id == id).map(|r| &r.meta)
}
