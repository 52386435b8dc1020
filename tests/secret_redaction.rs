//! HY001 never prints the secrets it finds: every output format shows at most their first
//! four characters and `…`, the text snippet included.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // tests may fail loudly

mod common;

use common::{project, stdout, tenet};

const PASSWORD: &str = "Zq7vRt2pLm9xWc4k";
const TOKEN: &str = "ghp_R8mQ2vL5xT9kW3nB7pZ4cY6hJ1dF0sG8aE2u";
const KEY_LINE: &str = "MIIEpAIBAAKCAQEAq8vZ3xN7rT2mL9pW4cK6hJ1dF0sG8aE2uR8mQ2vL5xT9kW3n";

fn files() -> Vec<(&'static str, String)> {
    vec![
        (
            "infra/main.tf",
            format!(
                "resource \"aws_db_instance\" \"orders\" {{\n  engine   = \"postgres\"\n  password = \"{PASSWORD}\"\n}}\n\nresource \"tls_cert_request\" \"web\" {{\n  private_key_pem = <<-EOT\n    -----BEGIN RSA PRIVATE KEY-----\n    {KEY_LINE}\n    -----END RSA PRIVATE KEY-----\n  EOT\n}}\n"
            ),
        ),
        (
            "k8s/deploy.yaml",
            format!(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels: {{app: api}}\n  template:\n    metadata:\n      labels: {{app: api}}\n    spec:\n      containers:\n        - name: api\n          image: api:1.0\n          env:\n            - name: GITHUB_TOKEN\n              value: \"{TOKEN}\"\n"
            ),
        ),
        (
            "app/Dockerfile",
            format!("FROM alpine:3.20\nENV DB_PASSWORD={PASSWORD}\n"),
        ),
    ]
}

#[test]
fn secrets_are_redacted_in_every_output_format() {
    let files = files();
    let borrowed: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let dir = project(&borrowed);
    for format in [
        "text", "concise", "json", "sarif", "github", "junit", "gitlab",
    ] {
        let output = tenet(
            dir.path(),
            &[
                "scan", "--select", "HY001", "--format", format, "--color", "never",
            ],
        );
        let text = stdout(&output);
        assert_eq!(output.status.code(), Some(1), "{format}: {text}");
        for secret in [PASSWORD, TOKEN, KEY_LINE] {
            // Not the secret, and not its tail either (only a prefix may show).
            let tail = &secret[6..];
            assert!(
                !text.contains(tail),
                "{format} output shows a secret ({secret}):\n{text}"
            );
        }
        if format == "text" {
            // The snippet shows the redacted form where the secret is written.
            assert!(text.contains("password = \"Zq7v…\""), "{text}");
            assert!(text.contains("ghp_…"), "{text}");
        }
    }
    // Four findings (password, private key, token, ENV), each a redacted message.
    let output = tenet(
        dir.path(),
        &["scan", "--select", "HY001", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let messages: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 4, "{messages:#?}");
    assert!(messages.iter().all(|m| m.contains('…')), "{messages:#?}");
}
