package tenet.hygiene.hardcoded_secret_test

import data.tenet.hygiene.hardcoded_secret
import data.tenet.lib.secrets
import rego.v1

# Redaction: at most 4 characters, never more than a quarter of the value.

test_redacted_long if secrets.redacted("0123456789abcdefghij") == "0123…"

test_redacted_quarter if secrets.redacted("hunter2xyz") == "hu…"

test_redacted_short if secrets.redacted("abc") == "…"

test_redacted_empty if secrets.redacted("") == "…"

test_redacted_counts_characters if secrets.redacted("pässwörd-ünïcode") == "päss…"

# Secret-like names, decided on their last words.

test_secret_names if {
	every name in [
		"password", "master_password", "DB_PASSWORD", "masterUserPassword", "admin-password",
		"api_key", "apiKey", "APIKey", "client_secret", "clientSecret", "secret_key",
		"private_key", "AWS_SECRET_ACCESS_KEY", "auth_token", "GITHUB_TOKEN", "password_wo",
		"secret_string", "secret_data", "passphrase", "dbpassword", "SMTP_PASS", "credentials",
		"passwords", "JWT_SECRET", "signing_key",
	] {
		secrets.secret_name(name)
	}
}

test_not_secret_names if {
	every name in [
		"password_length", "secret_name", "token_ttl", "secret_arn", "password_policy",
		"kms_key_id", "token_expiry", "existingSecret", "imagePullSecrets", "tls_secret",
		"creation_token", "client_token", "POSTGRES_PASSWORD_FILE", "MAX_INPUT_TOKENS",
		"MYSQL_ALLOW_EMPTY_PASSWORD", "public_key", "ssh_key", "gpg_key", "key_name",
		"secret_key_ref", "secretKeyRef", "password_reset_required", "api_key_source",
		"LOG_LEVEL", "tokens",
	] {
		not secrets.secret_name(name)
	}
}

# Placeholders and values that are not secrets.

test_placeholders if {
	every value in [
		"", "  ", "changeme", "CHANGE_ME", "<password>", "Bearer <token>", "${DB_PASSWORD}",
		"{{ .Values.password }}", "$(DB_PASSWORD)", "$DB_PASSWORD", "xxx", "XXXXXXXX", "***",
		"REPLACE_ME", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
		"my-password", "password123456789", "super-secret-token", "GOOGLE_API_KEY_VAL",
		"sk_test_dummy", "your-api-key", "TODO", "__DB_PASSWORD__", "%DB_PASSWORD%",
	] {
		secrets.placeholder(value)
	}
}

test_not_placeholders if {
	every value in ["Tr0ub4dor-horse-battery", "hunter2xyz", "s3cr3t-Lambda-Pw", "AdminPassword123!", "lgNvGyhnUKpa5PJi"] {
		not secrets.placeholder(value)
	}
}

test_not_secrets if {
	every value in [
		"true", "minutes", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db",
		"/run/secrets/db", "vault://secret/data/db", "projects/p/secrets/db/versions/1",
		"$6$rounds=5000$salt$hash", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA host",
		"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
	] {
		secrets.not_a_secret(value)
	}
}

test_literal_secret_not_its_own_name if not secrets.literal_secret("DB_PASSWORD", "db_password")

# Credential formats.

key_body := "dGVuZXQgdGVzdCBmaXh0dXJlOiB0aGlzIGlzIG5vdCBhIHJlYWwgcHJpdmF0ZSBr\nZXksIG9ubHkgaXRzIHNoYXBlLg==\n"

test_private_key_block if {
	text := concat("", ["#!/bin/sh\n-----BEGIN RSA PRIVATE KEY-----\n", key_body, "-----END RSA PRIVATE KEY-----\n"])
	found := [c | some c in secrets.credentials(text)]
	count(found) == 1
	found[0].kind == "private_key"
	startswith(found[0].secret, "-----BEGIN RSA PRIVATE KEY-----")
	endswith(found[0].secret, "-----END RSA PRIVATE KEY-----")
}

test_private_key_without_body if {
	count(secrets.credentials("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n")) == 0
}

test_tokens if {
	kinds := {c.kind |
		some text in [
			"ghp_0123456789abcdefghijklmnopqrstuvwxyz",
			"glpat-tenetFixtureNotARealOne01",
			"xoxb-1234567890-0987654321-tenetFixtureNotAReal",
		]
		some c in secrets.credentials(text)
	}
	kinds == {"github", "gitlab", "slack"}
}

test_token_placeholders if {
	count(secrets.credentials("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")) == 0
	count(secrets.credentials("ghp_short")) == 0
}

test_aws_key_pair_needs_both if {
	pair := {"env": {"AWS_ACCESS_KEY_ID": "AKIATENETFIXTURE0001", "AWS_SECRET_ACCESS_KEY": "tenetFixture/NotARealSecretAccessKey0001"}}
	hits := [h | some h in secrets.credential_hits(pair)]
	count(hits) == 1
	hits[0].path == ["env", "AWS_SECRET_ACCESS_KEY"]
	hits[0].kind == "aws"
	count(secrets.credential_hits({"sha": "tenetFixture/NotARealSecretAccessKey0001"})) == 0
}

test_git_sha_is_not_a_secret_key if {
	count(secrets.aws_secret_keys("d68d2897add9bc2203a5ed0632a5cdd8ff8cefb0")) == 0
}

# The deny result carries the literal for the engine to redact, and the message never
# holds it.

test_result_carries_secret_not_in_message if {
	doc := {"kind": "terraform", "resources": [{
		"address": "aws_db_instance.main",
		"type": "aws_db_instance",
		"name": "main",
		"mode": "managed",
		"attributes": {"password": "Tr0ub4dor-horse-battery", "password_length": 16},
	}]}
	findings := [f | some f in hardcoded_secret.deny] with input as doc
	count(findings) == 1
	finding := findings[0]
	finding.secret == "Tr0ub4dor-horse-battery"
	finding.path == ["password"]
	not contains(finding.message, "Tr0ub4dor-horse-battery")
	contains(finding.message, "Tr0u…")
}

test_reference_is_not_a_literal if {
	doc := {"kind": "terraform", "resources": [{
		"address": "aws_db_instance.main",
		"type": "aws_db_instance",
		"name": "main",
		"mode": "managed",
		"attributes": {"password": null},
		"references": {"password": ["random_password.db"]},
		"unknown": ["password"],
	}]}
	count(hardcoded_secret.deny) == 0 with input as doc
}
