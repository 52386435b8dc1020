//! Terraform input: HCL forms that break other parsers, evaluation, references, modules and
//! bad input. Values are asserted against what `terraform plan` shows for the same code.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests may fail loudly

mod common;

use common::{line_of, read, testdata};
use serde_json::{Value, json};
use tenet::diagnostic::{Code, Level};
use tenet::ir::{Document, Resource};
use tenet::scan::{Inputs, ScanOptions, read_inputs};

fn only_document(inputs: &Inputs) -> &Document {
    assert_eq!(inputs.documents.len(), 1, "one root module");
    &inputs.documents[0]
}

fn resource<'a>(document: &'a Document, address: &str) -> &'a Resource {
    document
        .resources
        .iter()
        .find(|r| r.address == address)
        .unwrap_or_else(|| {
            panic!(
                "no {address} in {:?}",
                document
                    .resources
                    .iter()
                    .map(|r| &r.address)
                    .collect::<Vec<_>>()
            )
        })
}

#[test]
fn hcl_forms_other_parsers_reject_parse_and_evaluate() {
    let inputs = read("terraform/forms");
    assert!(
        inputs.diagnostics.iter().all(|d| d.level != Level::Error),
        "{:?}",
        inputs.diagnostics
    );
    let document = only_document(&inputs);
    // import, moved, removed and check blocks parse and declare no resource.
    assert_eq!(resource_count(document), 2);
    assert_eq!(
        resource(document, "aws_ssm_parameter.roles").attributes["value"],
        "admin"
    );
    let forms = resource(document, "aws_ssm_parameter.forms");
    assert_eq!(forms.attributes["value"], "on");
    let tags = &forms.attributes["tags"];
    assert_eq!(tags["strict"], true);
    assert_eq!(tags["names"], "A,B");
    assert_eq!(tags["ports"], "80,8080,9090");
    assert_eq!(tags["banner"], "enabled\na:8080\nb:9090\n");
    assert_eq!(tags["wrapped"], json!(["A", "B"]));
    // A provider-defined function: parsed, its value unknown (null and listed).
    assert_eq!(tags["arn"], Value::Null);
    assert_eq!(forms.unknown, vec!["tags.arn".to_string()]);
}

#[test]
fn references_follow_count_for_each_and_module_outputs() {
    let inputs = read("terraform/references");
    let document = only_document(&inputs);
    let refs = |address: &str| {
        resource(document, address)
            .references
            .get("bucket")
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(
        refs("aws_s3_bucket_versioning.logs"),
        vec!["aws_s3_bucket.logs[1]"]
    );
    assert_eq!(
        refs("aws_s3_bucket_public_access_block.named[\"b\"]"),
        vec!["aws_s3_bucket.named[\"b\"]"]
    );
    assert_eq!(
        refs("aws_s3_bucket_ownership_controls.named[\"a\"]"),
        vec!["aws_s3_bucket.named[\"a\"]"]
    );
    assert_eq!(
        refs("aws_s3_bucket_policy.store"),
        vec!["module.store.aws_s3_bucket.this"]
    );
    // The child module is evaluated through its caller, with the caller's input, and its
    // resources point into its own file.
    let store = resource(document, "module.store.aws_s3_bucket.this");
    assert_eq!(store.attributes["bucket"], "data-store");
    assert!(
        store.file.ends_with("references/modules/store/main.tf"),
        "{}",
        store.file
    );
    assert_eq!(store.module.as_deref(), Some("module.store"));
    // Computed attributes are unknown, never guessed.
    let versioning = resource(document, "aws_s3_bucket_versioning.logs");
    assert_eq!(versioning.attributes["bucket"], Value::Null);
    assert_eq!(versioning.unknown, vec!["bucket".to_string()]);
    assert_eq!(
        resource(document, "aws_s3_bucket.named[\"a\"]").attributes["bucket"],
        "alpha"
    );
}

#[test]
fn malformed_terraform_is_reported_and_the_rest_still_evaluated() {
    let inputs = read("malformed/terraform");
    let diagnostic = |dir: &str| {
        inputs
            .diagnostics
            .iter()
            .find(|d| d.file.contains(dir))
            .unwrap_or_else(|| panic!("no diagnostic for {dir}: {:?}", inputs.diagnostics))
    };
    let broken = diagnostic("broken_file/bad.tf");
    assert_eq!(
        (broken.level, broken.code, broken.line),
        (Level::Error, Code::Parse, Some(2))
    );
    assert!(diagnostic("locals_cycle").message.contains("cycle"));
    assert!(
        diagnostic("count_limit")
            .message
            .contains("over the limit of 10000")
    );
    assert!(diagnostic("self_call").message.contains("calling itself"));

    let all: Vec<&str> = inputs
        .documents
        .iter()
        .flat_map(|d| d.resources.iter().map(|r| r.address.as_str()))
        .collect();
    // The good file beside the broken one is still checked.
    assert!(all.contains(&"aws_instance.still_checked"), "{all:?}");
    // The runaway count became one instance, the cycle an unknown value.
    assert_eq!(
        all.iter()
            .filter(|a| a.starts_with("aws_instance.fleet"))
            .count(),
        1
    );
    let cycle = inputs
        .documents
        .iter()
        .flat_map(|d| &d.resources)
        .find(|r| r.address == "aws_s3_bucket.b")
        .unwrap();
    assert_eq!(cycle.unknown, vec!["bucket".to_string()]);
    assert!(all.contains(&"aws_sqs_queue.q"));
}

#[test]
fn a_local_child_module_is_not_also_a_root() {
    // Scanning the caller: one document; scanning the child alone: it is a root of its own.
    let inputs = read("terraform/references");
    assert_eq!(inputs.documents.len(), 1);
    let inputs = read("terraform/references/modules/store");
    let document = only_document(&inputs);
    assert_eq!(document.resources[0].address, "aws_s3_bucket.this");
    // Its variable has no value as a root: unknown.
    assert_eq!(document.resources[0].unknown, vec!["bucket".to_string()]);
}

#[test]
fn an_explicit_file_is_scanned_with_its_module_as_context() {
    let file = testdata("terraform/references/main.tf");
    let inputs = read_inputs(&ScanOptions::new(vec![file])).unwrap();
    let document = only_document(&inputs);
    let only: Vec<&String> = document.report_only.as_ref().unwrap().iter().collect();
    assert_eq!(only.len(), 1);
    assert!(only[0].ends_with("references/main.tf"));
    // The module's other resources are still there as context.
    assert!(
        document
            .resources
            .iter()
            .any(|r| r.address == "module.store.aws_s3_bucket.this")
    );
}

#[test]
fn a_child_module_file_named_beside_its_caller_is_reported() {
    // As pre-commit passes changed files: the root's and the called module's.
    let inputs = read_inputs(&ScanOptions::new(vec![
        testdata("terraform/references/main.tf"),
        testdata("terraform/references/modules/store/main.tf"),
    ]))
    .unwrap();
    let document = only_document(&inputs);
    let only = document.report_only.as_ref().unwrap();
    assert_eq!(only.len(), 2, "{only:?}");
    assert!(
        only.iter()
            .any(|f| f.ends_with("references/modules/store/main.tf"))
    );
}

#[test]
fn providers_and_variables_are_evaluated() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        r#"
variable "region" { default = "eu-west-1" }
variable "env" {}
provider "aws" { region = var.region }
provider "aws" {
  alias  = "dr"
  region = "us-east-1"
  assume_role { role_arn = "arn:aws:iam::111122223333:role/backup" }
}
resource "aws_s3_bucket" "copy" {
  provider = aws.dr
  bucket   = "copy-${var.env}"
}
"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("terraform.tfvars"), "env = \"prod\"\n").unwrap();
    let mut options = ScanOptions::new(vec![dir.path().to_path_buf()]);
    options.variables.add_var("region=ap-south-1").unwrap();
    let inputs = read_inputs(&options).unwrap();
    let document = only_document(&inputs);
    let copy = resource(document, "aws_s3_bucket.copy");
    assert_eq!(copy.attributes["bucket"], "copy-prod");
    assert_eq!(copy.provider.as_deref(), Some("aws.dr"));
    assert_eq!(
        document.extra["providers"],
        json!([
            {"name": "aws", "alias": null, "address": "aws", "module": "", "region": "ap-south-1", "account": null},
            {"name": "aws", "alias": "dr", "address": "aws.dr", "module": "", "region": "us-east-1", "account": "111122223333"}
        ])
    );
}

/// Scans `root-module.json` next to a configuration file `name` holding `text`: the plan's
/// `aws_instance.web` with the (file, line, column) of its `http_tokens`.
fn plan_beside(name: &str, text: &str) -> (String, usize, usize) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        testdata("terraform/plan/root-module.json"),
        dir.path().join("plan.json"),
    )
    .unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    let plan = read_inputs(&ScanOptions::new(vec![dir.path().join("plan.json")])).unwrap();
    let document = only_document(&plan);
    let web = resource(document, "aws_instance.web");
    let span = web.spans.resolve(&[
        tenet::ir::PathSegment::Key("metadata_options".into()),
        tenet::ir::PathSegment::Index(0),
        tenet::ir::PathSegment::Key("http_tokens".into()),
    ]);
    let at = document.file(&web.file).unwrap().position(span.start);
    (web.file.clone(), at.line, at.column)
}

#[test]
fn plan_findings_point_at_the_configuration_beside_the_plan() {
    let (file, line, _) = plan_beside(
        "main.tf",
        "resource \"aws_instance\" \"web\" {\n  ami           = \"ami-0c55b159cbfafe1f0\"\n  instance_type = \"t3.micro\"\n  metadata_options {\n    http_tokens = \"optional\"\n  }\n}\n",
    );
    assert!(file.ends_with("main.tf"), "{file}");
    assert_eq!(line, 5);
    // Without the configuration, the same resource points into the plan.
    let alone = read("terraform/plan/root-module.json");
    assert!(
        resource(only_document(&alone), "aws_instance.web")
            .file
            .ends_with("root-module.json")
    );
}

/// The 1-based line of `path` (an attribute path such as `ingress[0].cidr_blocks`, or empty
/// for the header) in the file that declares `resource`.
#[test]
fn json_syntax_evaluates_like_native_syntax() {
    let native = read("terraform/json/native");
    let json = read("terraform/json/json");
    for inputs in [&native, &json] {
        assert!(inputs.diagnostics.is_empty(), "{:?}", inputs.diagnostics);
    }
    let (native, json) = (only_document(&native), only_document(&json));
    assert_eq!(resource_count(native), 8);
    assert_eq!(json.resources.len(), native.resources.len());
    for expected in &native.resources {
        let got = resource(json, &expected.address);
        assert_eq!(got.attributes, expected.attributes, "{}", expected.address);
        assert_eq!(got.references, expected.references, "{}", expected.address);
        assert_eq!(got.unknown, expected.unknown, "{}", expected.address);
        assert_eq!(got.provider, expected.provider, "{}", expected.address);
    }
    assert_eq!(json.extra["providers"], native.extra["providers"]);

    // Values that exercise the JSON rules: templates, `$${` escapes, tfvars.json, blocks
    // written as objects and arrays, a dynamic block, a tags map, and a module in JSON.
    let web = resource(json, "aws_instance.web[1]");
    assert_eq!(web.attributes["user_data"], "echo ${HOME} 1 %{x}");
    assert_eq!(
        web.attributes["tags"],
        json!({"Name": "web-1", "Port": 443})
    );
    assert_eq!(
        web.attributes["metadata_options"],
        json!([{"http_tokens": "required"}])
    );
    assert_eq!(
        web.attributes["provisioner"],
        json!([{"command": "echo bye", "when": "destroy"}])
    );
    let group = resource(json, "aws_security_group.web");
    assert_eq!(group.provider.as_deref(), Some("aws.dr"));
    assert_eq!(
        group.attributes["ingress"],
        json!([{"cidr_blocks": ["10.0.0.0/8"], "from_port": 443, "protocol": "tcp", "to_port": 443}])
    );
    let queue = resource(json, "module.queue.aws_sqs_queue.this");
    assert_eq!(queue.attributes["name"], "shop-prod-queue");
    assert_eq!(queue.provider.as_deref(), Some("aws.dr"));
    let policy = resource(json, "aws_s3_bucket_policy.logs");
    assert_eq!(
        policy.references["policy"],
        vec!["data.aws_iam_policy_document.read".to_string()]
    );

    // Spans point into the JSON file: headers at the name of the resource, attributes at
    // their property, nested blocks at their key.
    let bucket = resource(json, "aws_s3_bucket.logs");
    assert_eq!(line_of(json, bucket, ""), 49);
    assert_eq!(line_of(json, bucket, "bucket"), 50);
    assert_eq!(line_of(json, group, "ingress[0]"), 68);
    assert_eq!(line_of(json, group, "ingress[0].cidr_blocks"), 75);
    assert_eq!(line_of(json, group, "egress[0].cidr_blocks[0]"), 84);
    assert_eq!(line_of(json, web, "tags.Port"), 107);
    assert_eq!(line_of(json, queue, "name"), 9);
}

#[test]
fn malformed_terraform_json_is_reported_at_its_line_and_column() {
    let inputs = read("malformed/terraform/json");
    let at = |file: &str| {
        let d = inputs
            .diagnostics
            .iter()
            .find(|d| d.file.ends_with(file))
            .unwrap_or_else(|| panic!("no diagnostic for {file}: {:?}", inputs.diagnostics));
        assert_eq!((d.level, d.code), (Level::Error, Code::Parse), "{file}");
        (d.line, d.column, d.message.clone())
    };
    assert_eq!(at("trailing_comma.tf.json").0, Some(4));
    assert_eq!(at("trailing_comma.tf.json").1, Some(29));
    // An unterminated interpolation inside a JSON string, at the string.
    assert_eq!(at("bad_template.tf.json").0, Some(3));
    assert_eq!(at("bad_template.tf.json").1, Some(13));
    assert!(
        at("bad_template.tf.json")
            .2
            .contains("unterminated interpolation")
    );
    // An invalid expression inside a JSON string: the HCL error, at its place in the string.
    assert_eq!(at("bad_expression.tf.json").0, Some(3));
    assert_eq!(at("bad_expression.tf.json").1, Some(33));
    assert!(at("unknown_block.tf.json").2.contains("\"resources\""));
    assert!(at("deep.tf.json").2.contains("deeper than 128"));
    assert!(at("terraform.tfvars.json").2.contains("must be an object"));
    // The valid file beside them is still evaluated.
    let document = only_document(&inputs);
    resource(document, "aws_instance.still_checked");
}

#[test]
fn a_json_var_file_is_read_as_literal_values() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        r#"
variable "name" {}
variable "ports" { type = list(number) }
resource "aws_ssm_parameter" "p" {
  name  = var.name
  value = join(",", var.ports)
}
"#,
    )
    .unwrap();
    let vars = dir.path().join("prod.tfvars.json");
    std::fs::write(&vars, r#"{"name": "app-${literal}", "ports": [80, "443"]}"#).unwrap();
    let mut options = ScanOptions::new(vec![dir.path().to_path_buf()]);
    options.variables.add_var_file(&vars).unwrap();
    let inputs = read_inputs(&options).unwrap();
    let parameter = resource(only_document(&inputs), "aws_ssm_parameter.p");
    assert_eq!(parameter.attributes["name"], "app-${literal}");
    assert_eq!(parameter.attributes["value"], "80,443");

    std::fs::write(&vars, "{\n  \"name\": [1,]\n}").unwrap();
    let error = options.variables.add_var_file(&vars).unwrap_err();
    assert!(
        error.ends_with("prod.tfvars.json:2: expected a JSON value, found ']'"),
        "{error}"
    );
}

#[test]
fn plan_findings_point_at_a_json_configuration_beside_the_plan() {
    let (file, line, column) = plan_beside(
        "main.tf.json",
        r#"{
  "resource": {
    "aws_instance": {
      "web": {
        "ami": "ami-0c55b159cbfafe1f0",
        "instance_type": "t3.micro",
        "metadata_options": { "http_tokens": "optional" }
      }
    }
  }
}
"#,
    );
    assert!(file.ends_with("main.tf.json"), "{file}");
    assert_eq!((line, column), (7, 31));
}

#[test]
fn tfvars_files_apply_in_terraform_order_json_included() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "main.tf",
        "variable \"a\" {}\nvariable \"b\" {}\nvariable \"c\" {}\nvariable \"d\" {}\n\
         resource \"aws_ssm_parameter\" \"p\" {\n  value = \"${var.a} ${var.b} ${var.c} ${var.d}\"\n}\n",
    );
    // Later files win: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json)
    // in lexical order.
    write("terraform.tfvars", "a = 1\nb = 1\nc = 1\nd = 1\n");
    write("terraform.tfvars.json", r#"{"b": 2, "c": 2, "d": 2}"#);
    write("x.auto.tfvars", "c = 3\nd = 3\n");
    write("x.auto.tfvars.json", r#"{"d": "4"}"#);
    let inputs = read_inputs(&ScanOptions::new(vec![dir.path().to_path_buf()])).unwrap();
    let parameter = resource(only_document(&inputs), "aws_ssm_parameter.p");
    assert_eq!(parameter.attributes["value"], "1 2 3 4");
}

#[test]
fn json_escapes_and_literal_for_each_evaluate_as_terraform_does() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf.json"),
        r#"{"resource": {"aws_s3_bucket": {
  "a": {"tags": {"n": "$$${\"/*\"}"}},
  "b": {"acl": "public-read", "tags": {"n": "$$${\"*/ == \"}"}}},
  "aws_vpc": {"net": {"for_each": {"primary": "10.0.0.0/16", "dr": "10.1.0.0/16"},
                      "cidr_block": "${each.value}"}}}}"#,
    )
    .unwrap();
    let inputs = read_inputs(&ScanOptions::new(vec![dir.path().to_path_buf()])).unwrap();
    assert!(inputs.diagnostics.is_empty(), "{:?}", inputs.diagnostics);
    let document = only_document(&inputs);
    // `$$${` is a literal `$` and the escape `$${`: both buckets exist, tags are text.
    assert_eq!(
        resource(document, "aws_s3_bucket.a").attributes["tags"]["n"],
        "$${\"/*\"}"
    );
    assert_eq!(
        resource(document, "aws_s3_bucket.b").attributes["acl"],
        "public-read"
    );
    // A literal map in `for_each` is the meta-argument, not a nested block.
    assert_eq!(
        resource(document, "aws_vpc.net[\"dr\"]").attributes["cidr_block"],
        "10.1.0.0/16"
    );
    assert_eq!(
        resource(document, "aws_vpc.net[\"primary\"]").attributes["for_each"],
        Value::Null
    );
}

/// The resources and data sources of a document (not its variable and provider entries).
fn resource_count(document: &tenet::ir::Document) -> usize {
    document
        .resources
        .iter()
        .filter(|r| !r.is_configuration_entry())
        .count()
}
