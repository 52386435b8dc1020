//! Terraform forms found in public modules that once hid resources or findings: each fixture
//! under `testdata/terraform/fidelity/` asserts the value Terraform computes, or the finding
//! that was missed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may fail loudly

mod common;

use common::{findings, line_of, read, resource, scan_json};
use serde_json::json;
use tenet::diagnostic::{Code, Level};

const DIR: &str = "terraform/fidelity";

fn finding(rule: &str, file: &str, line: u64) -> (String, String, u64) {
    (rule.to_string(), format!("testdata/{DIR}/{file}"), line)
}

#[test]
fn a_key_set_twice_in_an_object_keeps_the_last_value_and_the_file_is_checked() {
    let inputs = read(&format!("{DIR}/duplicate_keys"));
    let (_, port) = resource(&inputs, "aws_ssm_parameter.port");
    assert_eq!(port.attributes["value"], json!(443));
    let warning = inputs
        .diagnostics
        .iter()
        .find(|d| d.code == Code::Parse)
        .unwrap();
    assert_eq!(warning.level, Level::Warning);
    assert_eq!(warning.line, Some(4));
    assert!(warning.message.contains("port"), "{}", warning.message);
    // The instance beside it is checked (ZT012 at its header: no metadata_options).
    let report = scan_json(&format!("{DIR}/duplicate_keys"));
    assert_eq!(
        findings(&report),
        vec![finding("ZT012", "duplicate_keys/main.tf", 13)]
    );
}

#[test]
fn path_module_of_a_module_outside_the_root_folder_reads_its_files() {
    let inputs = read(&format!("{DIR}/path_module"));
    assert!(inputs.diagnostics.is_empty(), "{:?}", inputs.diagnostics);
    let (_, policy) = resource(&inputs, "module.iam.aws_iam_policy.admin");
    let document: serde_json::Value =
        serde_json::from_str(policy.attributes["policy"].as_str().unwrap()).unwrap();
    assert_eq!(document["Statement"][0]["Action"], "*");
    let report = scan_json(&format!("{DIR}/path_module"));
    assert_eq!(
        findings(&report),
        vec![finding("LP001", "path_module/modules/iam/main.tf", 3)]
    );
}

#[test]
fn a_for_variable_indexes_a_counted_resource() {
    let inputs = read(&format!("{DIR}/for_index"));
    assert!(inputs.diagnostics.is_empty(), "{:?}", inputs.diagnostics);
    let (document, worker) = resource(&inputs, "aws_instance.worker[\"w1\"]");
    assert_eq!(worker.attributes["tags"]["n"], json!(1));
    // The security group id is unknown until apply; which groups it comes from is known.
    assert_eq!(
        worker.unknown,
        vec!["vpc_security_group_ids[0]".to_string()]
    );
    assert!(
        worker.references["vpc_security_group_ids"].contains(&"aws_security_group.sg[1]".into())
    );
    assert_eq!(line_of(document, worker, ""), 11);
}

#[test]
fn null_for_a_non_nullable_variable_means_its_default() {
    let inputs = read(&format!("{DIR}/nullable"));
    assert!(inputs.diagnostics.is_empty(), "{:?}", inputs.diagnostics);
    let (_, strict) = resource(&inputs, "module.strict.aws_instance.this");
    assert_eq!(
        strict.attributes["metadata_options"],
        json!([{ "http_tokens": "required" }])
    );
    assert_eq!(strict.attributes["tags"]["loose"], "kept");
    // A nullable variable (the default) keeps the caller's null.
    let (_, loose) = resource(&inputs, "module.loose.aws_instance.this");
    assert_eq!(loose.attributes["tags"]["loose"], json!(null));
    assert_eq!(
        loose.attributes["metadata_options"][0]["http_tokens"],
        "required"
    );
}

#[test]
fn the_resource_prefix_refers_to_a_managed_resource() {
    let inputs = read(&format!("{DIR}/resource_prefix"));
    assert!(inputs.diagnostics.is_empty(), "{:?}", inputs.diagnostics);
    let (_, logging) = resource(&inputs, "aws_s3_bucket_logging.app");
    // Attributes of resources are unknown to a static read (as `aws_s3_bucket.logs.bucket`
    // would be); the reference is what the prefix must not lose.
    assert_eq!(logging.unknown, vec!["target_bucket".to_string()]);
    assert_eq!(
        logging.references["target_bucket"],
        vec!["aws_s3_bucket.logs".to_string()]
    );
}

#[test]
fn an_instance_of_an_unresolved_module_is_unknown_and_counted() {
    let inputs = read(&format!("{DIR}/unresolved_for_each"));
    let codes: Vec<(Level, Code)> = inputs
        .diagnostics
        .iter()
        .map(|d| (d.level, d.code))
        .collect();
    assert_eq!(codes, vec![(Level::Info, Code::UnresolvedModule)]);
    let (_, parameter) = resource(&inputs, "aws_ssm_parameter.asg");
    assert_eq!(parameter.unknown, vec!["value".to_string()]);
    let report = scan_json(&format!("{DIR}/unresolved_for_each"));
    assert_eq!(report["summary"]["module_calls_unresolved"], 1);
}

#[test]
fn a_module_called_only_with_zero_instances_is_checked_as_a_root() {
    let inputs = read(&format!("{DIR}/zero_instances"));
    assert_eq!(inputs.documents.len(), 2);
    let (_, instance) = resource(&inputs, "aws_instance.this");
    assert_eq!(instance.attributes["tags"]["Name"], "wrapped");
    let report = scan_json(&format!("{DIR}/zero_instances"));
    assert_eq!(
        findings(&report),
        vec![finding("ZT012", "zero_instances/wrapper/main.tf", 6)]
    );
}

#[test]
fn files_are_counted_once_and_root_modules_and_unresolved_calls_apart() {
    let report = scan_json(&format!("{DIR}/shared_module"));
    let summary = &report["summary"];
    // modules/bucket/main.tf is used by both roots: 3 files, not 4.
    assert_eq!(summary["files_scanned"], 3);
    assert_eq!(summary["terraform_root_modules"], 2);
    assert_eq!(summary["module_calls_unresolved"], 2);
}

#[test]
fn override_files_merge_into_the_blocks_they_override() {
    let inputs = read(&format!("{DIR}/override"));
    let (document, web) = resource(&inputs, "aws_instance.web");
    // Arguments replaced (the last override file in lexical order wins), nested blocks of a
    // type replaced, `lifecycle` merged argument by argument, locals and variables replaced.
    assert_eq!(web.attributes["instance_type"], "t3.large");
    assert_eq!(web.attributes["ami"], "ami-12345678");
    assert_eq!(
        web.attributes["metadata_options"],
        json!([{ "http_tokens": "optional" }])
    );
    assert_eq!(
        web.attributes["lifecycle"],
        json!([{ "create_before_destroy": true, "prevent_destroy": true }])
    );
    assert_eq!(
        web.attributes["tags"],
        json!({ "Name": "app-override", "Env": "dev" })
    );
    // Each attribute is located in the file that set it.
    let (span, file) = web
        .spans
        .locate(&[tenet::ir::PathSegment::Key("instance_type".into())]);
    assert!(file.unwrap().ends_with("override/override.tf"));
    let override_tf = document.file(file.unwrap()).unwrap();
    assert_eq!(override_tf.position(span.start).line, 7);
    assert_eq!(line_of(document, web, "ami"), 13);
    let (_, group) = resource(&inputs, "aws_security_group.web");
    assert_eq!(group.attributes["ingress"].as_array().unwrap().len(), 1);
    // An override block with nothing to override is reported and ignored.
    let warning = inputs
        .diagnostics
        .iter()
        .find(|d| d.file.ends_with("dev_override.tf"))
        .unwrap();
    assert_eq!((warning.level, warning.line), (Level::Warning, Some(24)));
    assert_eq!(resource_count(&inputs.documents[0]), 2);
    // Findings on overridden attributes point into the override file.
    let report = scan_json(&format!("{DIR}/override"));
    assert_eq!(
        findings(&report),
        vec![
            finding("ZT012", "override/dev_override.tf", 8),
            finding("ZT001", "override/dev_override.tf", 20),
        ]
    );
}

#[test]
fn logical_operators_short_circuit_like_terraform_1_12() {
    let inputs = read(&format!("{DIR}/short_circuit"));
    assert!(inputs.diagnostics.is_empty(), "{:?}", inputs.diagnostics);
    // count = 0: no instance.
    assert_eq!(resource_count(&inputs.documents[0]), 1);
    let (_, flags) = resource(&inputs, "aws_ssm_parameter.flags");
    assert_eq!(flags.attributes["value"], "on");
}

#[test]
fn unknown_templates_and_jsonencode_keep_what_is_known_of_them_as_partial_values() {
    let inputs = read(&format!("{DIR}/partial_values"));
    let (_, pod) = resource(&inputs, "kubernetes_pod.web");
    // The attribute stays unknown; its partial text is beside it.
    assert_eq!(
        pod.attributes["spec"][0]["container"][0]["image"],
        json!(null)
    );
    assert!(
        pod.unknown
            .contains(&"spec[0].container[0].image".to_string())
    );
    assert_eq!(pod.partial["spec[0].container[0].image"], "${…}/web:1.2.3");
    // A local built from unknown parts is unknown as a whole: only the attribute's own
    // template is rendered partially.
    assert_eq!(
        pod.partial["spec[0].container[1].image"],
        "${…}/tool:latest"
    );
    // A bare reference has nothing known.
    assert!(!pod.partial.contains_key("spec[0].container[2].image"));
    let (_, policy) = resource(&inputs, "aws_sqs_queue_policy.q");
    assert_eq!(policy.attributes["policy"], json!(null));
    assert_eq!(
        policy.partial["policy"],
        r#"{"Statement":[{"Action":"sqs:SendMessage","Effect":"Allow","Principal":"*","Resource":null}]}"#
    );
}

#[test]
fn aws_partition_and_region_data_sources_come_from_their_providers_region() {
    let inputs = read(&format!("{DIR}/region_data_sources"));
    let (_, attachment) = resource(&inputs, "aws_iam_role_policy_attachment.monitoring");
    assert_eq!(
        attachment.attributes["policy_arn"],
        "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
    );
    let (_, whereabouts) = resource(&inputs, "aws_ssm_parameter.where");
    assert_eq!(whereabouts.attributes["value"], "eu-west-1.amazonaws.com");
    let (_, china) = resource(&inputs, "aws_ssm_parameter.china");
    assert_eq!(china.attributes["value"], "aws-cn");
    // A provider region from a variable without a value: unknown, not guessed.
    let (_, unknown) = resource(&inputs, "aws_ssm_parameter.unknown");
    assert_eq!(unknown.attributes["value"], json!(null));
    assert!(unknown.unknown.contains(&"value".to_string()));
}

/// The resources and data sources of a document (not its variable and provider entries).
fn resource_count(document: &tenet::ir::Document) -> usize {
    document
        .resources
        .iter()
        .filter(|r| !r.is_configuration_entry())
        .count()
}

#[test]
fn variable_defaults_and_provider_configurations_are_entries_of_their_own() {
    let inputs = read(&format!("{DIR}/variables_and_providers"));
    assert!(inputs.diagnostics.is_empty(), "{:?}", inputs.diagnostics);
    let document = &inputs.documents[0];
    let entries: Vec<(&str, Option<&str>)> = document
        .resources
        .iter()
        .filter(|r| matches!(r.mode.as_deref(), Some("variable" | "provider")))
        .map(|r| (r.address.as_str(), r.mode.as_deref()))
        .collect();
    // Only variables with a default; one per module instance.
    assert_eq!(
        entries,
        vec![
            ("provider.aws", Some("provider")),
            ("var.retention", Some("variable")),
            ("var.name", Some("variable")),
            ("module.child.var.label", Some("variable")),
        ]
    );
    let (_, provider) = resource(&inputs, "provider.aws");
    assert_eq!(
        provider.attributes["default_tags"][0]["tags"]["team"],
        "data"
    );
    let (_, retention) = resource(&inputs, "var.retention");
    assert_eq!(retention.attributes["default"], 7);
    assert_eq!(line_of(document, retention, "default"), 10);
    // Values drawn from a default name the variable in `defaults`, never in `references`.
    let (_, bucket) = resource(&inputs, "aws_s3_bucket.logs");
    assert_eq!(bucket.attributes["bucket"], "app-logs");
    assert_eq!(bucket.defaults["bucket"], vec!["var.name"]);
    assert_eq!(bucket.defaults["tags"], vec!["var.retention"]);
    assert!(bucket.references.is_empty());
    // A caller's value replaces the child's default, and keeps the caller's provenance.
    let (_, queue) = resource(&inputs, "module.child.aws_sqs_queue.q");
    assert_eq!(queue.attributes["name"], "app");
    assert_eq!(queue.defaults["name"], vec!["var.name"]);
    // The entries are not infrastructure: one rule makes one check per resource, two here.
    let output = common::tenet(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        &[
            "scan",
            &format!("testdata/{DIR}/variables_and_providers"),
            "--select",
            "BK007",
            "--format",
            "json",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["checks"], 2);
}

#[test]
fn unknown_conditionals_between_known_values_list_their_alternatives() {
    let inputs = read(&format!("{DIR}/alternatives"));
    assert!(inputs.diagnostics.is_empty(), "{:?}", inputs.diagnostics);
    let (_, parameter) = resource(&inputs, "aws_ssm_parameter.p");
    assert_eq!(parameter.attributes["type"], serde_json::Value::Null);
    assert!(parameter.unknown.contains(&"type".to_string()));
    assert_eq!(
        parameter.alternatives["type"],
        vec![
            serde_json::json!("String"),
            serde_json::json!("SecureString")
        ]
    );
    assert_eq!(
        parameter.alternatives["tier"],
        vec![serde_json::json!("Standard"), serde_json::json!("Advanced")]
    );
    assert!(!parameter.alternatives.contains_key("value"));
    assert!(!parameter.alternatives.contains_key("description"));
    assert_eq!(parameter.attributes["description"], "one");
}
