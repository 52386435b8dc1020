//! The backup posture in the JSON report: one row per data store, counted as
//! `docs/backup-posture.md` describes (the worked example there is this module).

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)] // tests may fail loudly

mod common;

use serde_json::{Value, json};

fn row<'a>(report: &'a Value, store: &str) -> &'a Value {
    report["backup_posture"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["store"] == store)
        .unwrap_or_else(|| panic!("no posture for {store}: {report:#}"))
}

#[test]
fn three_databases_in_three_backup_states() {
    let report = common::scan_json("backup/three_databases");
    assert_eq!(report["backup_posture"].as_array().unwrap().len(), 3);

    let orders = row(&report, "aws_db_instance.orders");
    assert_eq!(orders["file"], "testdata/backup/three_databases/main.tf");
    assert_eq!(orders["line"], 60);
    assert_eq!(orders["copies"], 4);
    assert_eq!(orders["media"], 3);
    assert_eq!(
        orders["backup_media"],
        json!(["service_snapshots", "backup_vault"])
    );
    assert_eq!(orders["off_site"], true);
    assert_eq!(orders["retention_days"], 90);
    assert_eq!(orders["verdict"], "3-2-1");
    let sources: Vec<(&str, u64, &Value)> = orders["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["resource"].as_str().unwrap(),
                s["line"].as_u64().unwrap(),
                &s["off_site"],
            )
        })
        .collect();
    assert_eq!(
        sources,
        vec![
            ("aws_backup_plan.daily", 30, &json!(true)),
            ("aws_backup_plan.daily", 30, &json!(false)),
            ("aws_db_instance.orders", 60, &json!(false)),
        ]
    );

    let reports = row(&report, "aws_db_instance.reports");
    assert_eq!(
        (
            &reports["copies"],
            &reports["media"],
            &reports["off_site"],
            &reports["retention_days"],
            &reports["verdict"]
        ),
        (
            &json!(2),
            &json!(2),
            &json!(false),
            &json!(7),
            &json!("partial")
        )
    );

    let scratch = row(&report, "aws_db_instance.scratch");
    assert_eq!(
        (
            &scratch["copies"],
            &scratch["media"],
            &scratch["sources"],
            &scratch["retention_days"],
            &scratch["verdict"]
        ),
        (
            &json!(1),
            &json!(1),
            &json!([]),
            &Value::Null,
            &json!("no backup")
        )
    );

    // The rules read the same posture.
    let backup_findings: Vec<(String, String, u64)> = common::findings(&report)
        .into_iter()
        .filter(|(rule, _, _)| rule.starts_with("BK"))
        .collect();
    let file = "testdata/backup/three_databases/main.tf".to_string();
    assert_eq!(
        backup_findings,
        vec![
            ("BK003".to_string(), file.clone(), 70),
            ("BK004".to_string(), file.clone(), 70),
            ("BK005".to_string(), file.clone(), 70),
            ("BK001".to_string(), file, 80),
        ]
    );
}

/// Many stores, each selected by its own AWS Backup selection (by reference, by tag, by ARN):
/// every store gets exactly its own plan's copy, whichever way the selection is indexed.
#[test]
fn each_store_is_matched_with_the_selections_that_select_it() {
    let mut module = String::from(
        "resource \"aws_backup_vault\" \"v\" {\n  name = \"v\"\n}\n\
         resource \"aws_backup_plan\" \"p\" {\n  name = \"p\"\n  rule {\n    rule_name = \"r\"\n    \
         target_vault_name = aws_backup_vault.v.name\n    schedule = \"cron(0 3 * * ? *)\"\n  }\n}\n",
    );
    for n in 0..60 {
        module.push_str(&format!(
            "resource \"aws_dynamodb_table\" \"t{n}\" {{\n  name = \"table-{n}\"\n  hash_key = \"id\"\n  \
             tags = {{ backup = \"tag-{n}\" }}\n}}\n"
        ));
        let how = match n % 3 {
            0 => format!("resources = [aws_dynamodb_table.t{n}.arn]"),
            1 => format!(
                "selection_tag {{\n    type = \"STRINGEQUALS\"\n    key = \"backup\"\n    value = \"tag-{n}\"\n  }}"
            ),
            _ => format!("resources = [\"arn:aws:dynamodb:*:*:table/table-{n}\"]"),
        };
        module.push_str(&format!(
            "resource \"aws_backup_selection\" \"s{n}\" {{\n  name = \"s{n}\"\n  plan_id = aws_backup_plan.p.id\n  \
             iam_role_arn = \"arn:aws:iam::111122223333:role/backup\"\n  {how}\n}}\n"
        ));
    }
    module.push_str(
        "resource \"aws_dynamodb_table\" \"unselected\" {\n  name = \"unselected\"\n  hash_key = \"id\"\n}\n",
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("main.tf"), module).unwrap();
    let output = common::tenet(dir.path(), &["scan", ".", "--format", "json"]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    for n in 0..60 {
        let table = row(&report, &format!("aws_dynamodb_table.t{n}"));
        let selections: Vec<&str> = table["sources"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["kind"].as_str())
            .filter(|kind| kind.contains("AWS Backup"))
            .collect();
        assert_eq!(selections.len(), 1, "t{n}: {table:#}");
        assert_eq!(table["unknown"], json!([]), "t{n}");
    }
    assert_eq!(
        row(&report, "aws_dynamodb_table.unselected")["verdict"],
        "no backup"
    );
}
