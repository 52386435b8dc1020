//! Undecided checks: a rule whose condition hinges on an unknown value reports it as

#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // tests may fail loudly
//! `undecided` instead of firing; JSON lists it with its place, and the rule harness asserts it
//! like a finding (`# undecided: ID`).

mod common;

use common::{project, stdout, tenet};
use serde_json::Value;

const RULE: &str = "\
# METADATA
# title: Volumes are encrypted
# description: Fires on `encrypted = false`; undecided when `encrypted` is unknown.
# custom:
#   id: HY950
#   severity: medium
#   pillar: hygiene
#   layer: 4
#   controls: [SC-28]
#   targets: [terraform]
#   remediation: |
#     ```hcl
#     encrypted = true
#     ```
package tenet.hygiene.volume_unencrypted

import data.tenet.lib.terraform as tf
import rego.v1

deny contains {\"resource\": v.address, \"path\": [\"encrypted\"], \"message\": \"unencrypted\"} if {
\tsome v in tf.resources(\"aws_ebs_volume\")
\tv.attributes.encrypted == false
}

undecided contains tf.undecided(v, [\"encrypted\"], \"`encrypted` is unknown\") if {
\tsome v in tf.resources(\"aws_ebs_volume\")
\ttf.unknown(v, [\"encrypted\"])
}
";

const MODULE: &str = "\
variable \"encrypted\" {}

resource \"aws_ebs_volume\" \"known\" {
  availability_zone = \"eu-west-1a\"
  encrypted         = false
}

resource \"aws_ebs_volume\" \"unknown\" {
  availability_zone = \"eu-west-1a\"
  encrypted         = var.encrypted
}
";

#[test]
fn unknown_values_are_listed_as_undecided_not_as_findings() {
    let dir = project(&[
        ("policies/volume_unencrypted.rego", RULE),
        ("app/main.tf", MODULE),
    ]);
    let output = tenet(
        dir.path(),
        &[
            "scan", "--format", "json", "--rules", "policies", "--select", "HY950", "app",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["summary"]["findings"], 1);
    assert_eq!(json["findings"][0]["resource"], "aws_ebs_volume.known");
    assert_eq!(json["summary"]["undecided"], 1);
    let undecided = &json["undecided"][0];
    assert_eq!(undecided["rule"], "HY950");
    assert_eq!(undecided["resource"], "aws_ebs_volume.unknown");
    assert_eq!(undecided["file"], "app/main.tf");
    assert_eq!(undecided["line"], 10);
    assert_eq!(undecided["path"], serde_json::json!(["encrypted"]));
    assert_eq!(undecided["why"], "`encrypted` is unknown");
}

#[test]
fn the_rule_harness_asserts_undecided_checks() {
    let annotated = MODULE
        .replace("= false", "= false # expect: HY950")
        .replace("= var.encrypted", "= var.encrypted # undecided: HY950");
    let dir = project(&[
        ("policies/volume_unencrypted.rego", RULE),
        ("policies/testdata/HY950/fail/mixed/main.tf", &annotated),
        (
            "policies/testdata/HY950/pass/encrypted/main.tf",
            "resource \"aws_ebs_volume\" \"v\" {\n  encrypted = true\n}\n",
        ),
    ]);
    let output = tenet(dir.path(), &["rules", "test", "policies"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));

    // Without the annotation, the undecided check is an unexpected result.
    let unannotated = MODULE.replace("= false", "= false # expect: HY950");
    std::fs::write(
        dir.path()
            .join("policies/testdata/HY950/fail/mixed/main.tf"),
        unannotated,
    )
    .unwrap();
    let output = tenet(dir.path(), &["rules", "test", "policies"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("main.tf:10: unexpected undecided HY950 check: `encrypted` is unknown"),
        "{text}"
    );
}
