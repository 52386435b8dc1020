# METADATA
# title: Secret hardcoded in the configuration
# description: |
#   A password, token or key written into a file under version control is readable by
#   everyone who can read the repository, its forks, clones, CI logs and every image or state
#   built from it, and it stays in the history after it is removed: it has to be rotated,
#   which nobody does until it leaks. Fires on:
#
#   - Terraform: every attribute, at any depth, of every resource, data source and provider
#     configuration (`access_key`/`secret_key`, `token`), and every variable `default`:
#     - a credential format anywhere in a string: a private key block
#       (`-----BEGIN … PRIVATE KEY-----` with a key body), a GitHub token (`ghp_`, `gho_`,
#       `ghu_`, `ghs_`, `ghr_` + 36 characters, `github_pat_…`), a GitLab token (`glpat-…`),
#       a Slack token (`xoxb-`, `xoxp-`, …), an AWS secret access key (40 characters) when an
#       access key id (`AKIA…`/`ASIA…`) is in the same resource;
#     - a literal under a secret-like name: an attribute or map key (`password`,
#       `master_password`, `secret`, `token`, `api_key`, `private_key`, `client_secret`,
#       `DB_PASSWORD`, …), or a `{name = "<secret-like>", value = "…"}` pair (ECS
#       `container_definitions` `environment` entries, CodeBuild environment variables,
#       Elastic Beanstalk settings, Helm `set` blocks, the Kubernetes provider's `env`);
#       also inside a document held in a string: JSON (`jsonencode(…)`,
#       `container_definitions`, `secret_string`), YAML (Helm `values`, cloud-init) and
#       `NAME=value` text (a script's `export DB_PASSWORD=…`, an `.env` or properties
#       file);
#     - the value of a resource that holds nothing but a secret: `aws_ssm_parameter` of type
#       `SecureString`, `aws_api_gateway_api_key`, `azurerm_key_vault_secret`, and the
#       `data`/`binary_data` of `kubernetes_secret` (read like a Kubernetes `Secret`,
#       below).
#   - Kubernetes: a container `env` entry with a secret-like name and a literal `value`; a
#     `ConfigMap` `data` key with a secret-like name, and secret-like keys inside a file held
#     in `data`; a `Secret`'s `data` (decoded) and `stringData`: every one-line value except
#     under a key that names something else (`username`, `url`, `type`, `project`, `host`,
#     …) or a certificate (`tls.crt`, `ca.crt`), and in a file value (several lines, or
#     JSON) its secret-like keys; and a credential format anywhere in any object.
#   - Dockerfile: `ENV` and `ARG` (also before the first `FROM`, reported on the first
#     stage) with a secret-like name and a literal value or default, and a credential format
#     in any instruction.
#
#   A name is secret-like by its last words, so `password_length`, `password_policy`,
#   `secret_name`, `secret_arn`, `token_ttl`, `token_expiry`, `kms_key_id`,
#   `existingSecret`, `creation_token`, `MAX_INPUT_TOKENS`, `MYSQL_ALLOW_EMPTY_PASSWORD`
#   or `POSTGRES_PASSWORD_FILE` are not. Does not fire on a value that is unknown
#   statically (a variable without default, an attribute of another resource such as
#   `random_password.x.result`, a data source such as `aws_secretsmanager_secret_version`),
#   on an attribute whose own expression refers to a resource, on a non-string (`true`,
#   `16`), on an empty value, on a placeholder (`changeme`, `<password>`, `${…}`, `{{ … }}`,
#   `$VAR`, `$(VAR)`, `xxx`, `***`, `REPLACE_ME`, a name in capitals such as
#   `API_KEY_VALUE`, generic words such as `my-password` or `password123`, values
#   containing `example`, `dummy`, `sample`, `fake`, `test`, `your`, … so AWS's documented
#   example keys too), on a switch or unit (`yes`, `1`, `minutes`), on an identifier of a
#   secret kept elsewhere (an ARN, a file path, a URL without credentials, a Google secret
#   name), on a password hash (`$6$…`), on public keys and certificates, on prose in YAML
#   or text (a value with spaces), on code (`token=os.environ["TOKEN"]`), on Kubernetes
#   `valueFrom`/`secretKeyRef`, on ECS `secrets` (`valueFrom`), on CodeBuild variables of
#   type `PARAMETER_STORE`/`SECRETS_MANAGER`, or on an `ARG` without a default.
#
#   A secret written as a variable's default is reported at the default: when the
#   variable's name is secret-like (used or not), and when the default reaches an attribute
#   that holds a secret (the message names where it is used), once however many attributes
#   use it; those attributes are not reported again. A secret given in a `tfvars` file or as
#   a module argument is reported at the attribute that receives it (tenet keeps no
#   location for those values). An attribute
#   holding a credential format gives one finding, however many names in it match. A
#   message shows at most the first four characters of the secret (fewer for a short one).
# related_resources:
#   - ref: https://cwe.mitre.org/data/definitions/798.html
#     description: CWE-798, use of hard-coded credentials
#   - ref: https://developer.hashicorp.com/terraform/tutorials/configuration-language/sensitive-variables
#     description: Terraform, protect sensitive input variables
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#manage_master_user_password
#     description: Terraform AWS provider, RDS-managed master password in Secrets Manager
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
#     description: Amazon ECS, passing sensitive data to a container
#   - ref: https://kubernetes.io/docs/concepts/security/secrets-good-practices/
#     description: Kubernetes, good practices for Secrets
#   - ref: https://docs.docker.com/build/building/secrets/
#     description: Docker, build secrets
# custom:
#   id: HY001
#   severity: critical
#   pillar: hygiene
#   layer: 2
#   controls: [IA-5(7), SC-28]
#   targets: [terraform, terraform-plan, kubernetes, dockerfile]
#   remediation: |
#     Remove the secret from the file, rotate it (it is in the history), and read it at run
#     time from a secret store. Terraform: let the service manage it, or generate it and
#     keep it in a secret store; pass other secrets in as sensitive variables without a
#     default:
#
#     ```hcl
#     resource "aws_db_instance" "main" {
#       # ...
#       manage_master_user_password = true # RDS keeps it in Secrets Manager
#     }
#
#     variable "api_token" {
#       type      = string
#       sensitive = true # set from the CI secret store: TF_VAR_api_token
#     }
#
#     resource "aws_ecs_task_definition" "app" {
#       # ...
#       container_definitions = jsonencode([{
#         name  = "app"
#         image = "registry.example.com/app:1.4.2"
#         secrets = [{ name = "DB_PASSWORD", valueFrom = aws_secretsmanager_secret.db.arn }]
#       }])
#     }
#     ```
#
#     Kubernetes: keep the value out of the manifest (an External Secrets `ExternalSecret`,
#     a `SealedSecret`, or a Secret created by the deployment pipeline) and refer to it:
#
#     ```yaml
#     env:
#       - name: DB_PASSWORD
#         valueFrom:
#           secretKeyRef:
#             name: db
#             key: password
#     ```
#
#     Dockerfile: mount the secret for the one step that needs it instead of baking it into
#     a layer, and pass run-time secrets when the container starts:
#
#     ```dockerfile
#     # docker build --secret id=npm_token,env=NPM_TOKEN .
#     RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
#     ```
package tenet.hygiene.hardcoded_secret

import data.tenet.lib.dockerfile as docker
import data.tenet.lib.kubernetes as k8s
import data.tenet.lib.secrets
import data.tenet.lib.terraform as tf
import rego.v1

# ---------------------------------------------------------------------------------------
# Terraform

deny contains finding if {
	some resource in tf.all_resources
	some hit in secrets.best(tf_hits(resource))
	not default_origin(resource, hit)
	finding := result(resource.address, hit, tf_message(resource, hit))
}

# A literal that reaches an attribute from a variable's default is reported once, where it is
# written: at the variable's default, naming one place it is used (the first in order).
deny contains finding if {
	some key, uses in default_use_groups
	address := key[0]
	path := key[1]
	entry := variable_entries[address]
	not own_hit_at(entry, path)
	first := sort(uses)[0]
	secret := first[0]
	use := first[1]
	finding := {
		"resource": address,
		"path": path,
		"message": sprintf("variable %q has a literal secret in its default (%q), used as %s", [entry.name, secrets.redacted(secret), use]),
		"secret": secret,
	}
}

# The uses grouped by default, in one pass: [entry address, path] → {[secret, use]}.
default_use_groups[key] contains [secret, use] if {
	some [address, path, secret, use] in default_uses
	key := [address, path]
}

# [variable entry, path in it, secret, where it is used] for each hit whose literal is written
# in the default of a variable the attribute draws on.
default_uses := {[origin[0], origin[1], hit.secret, use] |
	some resource in tf.all_resources
	count(object.get(resource, "defaults", {})) > 0
	some hit in secrets.best(tf_hits(resource))
	origin := default_origin(resource, hit)
	use := sprintf("`%s` of %s", [tf.display_path(hit.path), resource.address])
}

variable_entries := {r.address: r |
	some r in tf.all_resources
	object.get(r, "mode", "managed") == "variable"
}

# [entry address, path] of the literal of `hit` when the attribute holding it draws on a
# variable's default (`defaults` in the IR) and that default holds the same string. A value
# only partly made of a default (`"conn-${var.password}"`) stays where it is used.
default_origin(resource, hit) := [address, array.concat(["default"], path)] if {
	hit_path := tf.display_path(hit.path)
	some key, addresses in object.get(resource, "defaults", {})
	within(hit_path, key)
	some address in addresses
	entry := variable_entries[address]
	walk(object.get(entry.attributes, "default", null), [path, value])
	value == hit.secret
}

within(path, prefix) if path == prefix

within(path, prefix) if {
	startswith(path, prefix)
	substring(path, count(prefix), 1) in {".", "["}
}

own_hit_at(entry, path) if {
	some hit in secrets.best(tf_hits(entry))
	hit.path == path
}

tf_hits(resource) := {hit |
	some hit in all_tf_hits(resource)
	not tf_from_reference(resource, hit.path)
}

all_tf_hits(resource) := (secrets.credential_hits(resource.attributes) | secrets.named_hits(resource.attributes)) | tf_typed_hits(resource)

# The attribute's own expression refers to a resource or data source: its value is not a
# literal written there.
tf_from_reference(resource, path) if object.get(resource, "references", {})[tf.display_path(path)]

tf_from_reference(resource, path) if tf.unknown(resource, path)

# Resources whose value is nothing but a secret. A `kubernetes_secret` is read like a
# Kubernetes `Secret` (below): its files are searched by `named_hits`.
tf_typed_hits(resource) := {hit |
	path := secret_value_paths[resource.type]
	resource_is_secret(resource)
	value := object.get(resource.attributes, path, null)
	secrets.literal_secret("value", value)
	hit := {"path": path, "kind": "typed", "name": tf.display_path(path), "secret": value}
} | {hit |
	resource.type in {"kubernetes_secret", "kubernetes_secret_v1"}
	some field in ["data", "binary_data"]
	some key, value in object.get(resource.attributes, field, {})
	is_string(value)
	secret_key(key)
	not file_like(value)
	secrets.literal_secret(key, value)
	hit := {"path": [field, key], "kind": "typed", "name": key, "secret": value}
} | {hit |
	# A variable named like a secret, with a literal default: judged where the default is
	# written. Where the variable is used, the attribute refers to this entry, so it is not
	# reported again; a value given by a caller or a tfvars file is judged where it is used.
	object.get(resource, "mode", "managed") == "variable"
	secrets.secret_name(resource.name)
	value := object.get(resource.attributes, "default", null)
	is_string(value)
	secrets.literal_secret(resource.name, value)
	hit := {"path": ["default"], "kind": "typed", "name": resource.name, "secret": value}
}

secret_value_paths := {
	"aws_ssm_parameter": ["value"],
	"aws_api_gateway_api_key": ["value"],
	"azurerm_key_vault_secret": ["value"],
}

resource_is_secret(resource) if resource.type != "aws_ssm_parameter"

resource_is_secret(resource) if {
	resource.type == "aws_ssm_parameter"
	resource.attributes.type == "SecureString"
}

tf_message(resource, hit) := sprintf("%s: %s", [resource.address, describe(hit, "configuration")]) if hit.kind != "typed"

tf_message(resource, hit) := sprintf("variable %q has a literal secret as its default (%q)", [resource.name, secrets.redacted(hit.secret)]) if {
	hit.kind == "typed"
	object.get(resource, "mode", "managed") == "variable"
}

tf_message(resource, hit) := sprintf("%s: `%s` holds a literal %s (%q)", [resource.address, tf.display_path(hit.path), typed_what(resource), secrets.redacted(hit.secret)]) if {
	hit.kind == "typed"
	object.get(resource, "mode", "managed") != "variable"
}

typed_what(resource) := "SecureString parameter value" if resource.type == "aws_ssm_parameter"

typed_what(resource) := "API key" if resource.type == "aws_api_gateway_api_key"

typed_what(resource) := "Key Vault secret value" if resource.type == "azurerm_key_vault_secret"

typed_what(resource) := "Secret value" if resource.type in {"kubernetes_secret", "kubernetes_secret_v1"}

# A hit of a credential format or a secret-like name, for a message: what is where, with the
# value redacted. `where` is "configuration" or "manifest".
describe(hit, where) := sprintf("`%s` contains a %s (%q): a credential in the %s", [tf.display_path(hit.path), hit.what, secrets.redacted(hit.secret), where]) if {
	hit.kind in {"private_key", "github", "gitlab", "slack"}
}

describe(hit, where) := sprintf("`%s` contains an %s (%q, with access key id %q beside it): a credential in the %s", [tf.display_path(hit.path), hit.what, secrets.redacted(hit.secret), secrets.redacted(hit.key_id), where]) if {
	hit.kind == "aws"
}

describe(hit, _) := sprintf("`%s` is set to a literal secret (%q)", [tf.display_path(hit.path), secrets.redacted(hit.secret)]) if {
	hit.kind == "name"
	not hit.document
}

describe(hit, _) := sprintf("`%s` sets `%s` to a literal secret (%q)", [tf.display_path(hit.document), tf.display_path(array.slice(hit.path, count(hit.document), count(hit.path))), secrets.redacted(hit.secret)]) if {
	hit.kind == "name"
	hit.document
}

describe(hit, _) := sprintf("`%s` sets %s to a literal secret (%q)", [tf.display_path(array.slice(hit.path, 0, count(hit.path) - 1)), hit.name, secrets.redacted(hit.secret)]) if {
	hit.kind == "pair"
	not hit.document
}

describe(hit, _) := sprintf("`%s` sets %s to a literal secret (%q)", [tf.display_path(hit.document), hit.name, secrets.redacted(hit.secret)]) if {
	hit.kind == "pair"
	hit.document
}

# ---------------------------------------------------------------------------------------
# Kubernetes

deny contains finding if {
	some resource in k8s.all_resources
	some hit in secrets.best(k8s_hits(resource))
	finding := result(resource.address, hit, k8s_message(resource, hit))
}

k8s_hits(resource) := ((k8s_env_hits(resource.address) | k8s_config_map_hits(resource)) | k8s_secret_hits(resource)) | k8s_credential_hits(resource)

# Container `env` entries with a literal value under a secret-like name.
k8s_env_hits(address) := {hit |
	some entry in k8s.containers
	entry.address == address
	some i, env in object.get(entry.container, "env", [])
	is_object(env)
	secrets.secret_name(env.name)
	not env.valueFrom
	secrets.literal_secret(env.name, env.value)
	hit := {
		"path": array.concat(entry.path, ["env", i, "value"]),
		"kind": "env",
		"name": env.name,
		"container": k8s.container_name(entry),
		"secret": env.value,
	}
}

# `ConfigMap` data under a secret-like key, and secret-like keys inside a JSON or YAML
# document held in a data value.
k8s_config_map_hits(resource) := {hit |
	resource.type == "ConfigMap"
	some key, value in object.get(resource.attributes, "data", {})
	secrets.secret_name(key)
	not secrets.embedded_document(value)
	secrets.literal_secret(key, value)
	hit := {"path": ["data", key], "kind": "name", "name": key, "secret": value}
} | {hit |
	resource.type == "ConfigMap"
	some key, value in object.get(resource.attributes, "data", {})
	some inner in secrets.named_hits(value)
	hit := object.union(inner, {
		"path": array.concat(["data", key], inner.path),
		"document": array.concat(["data", key], inner.document),
	})
}

# `Secret` `data` (base64, judged decoded) and `stringData`: a one-line value under any key
# but a key that names something else (`username`, `url`, `type`, `project`, …) or holds a
# certificate (`tls.crt`, `ca.crt`); in a file (several lines, or a JSON document), the
# secret-like keys of the JSON, YAML or `name=value` text; and any credential format.
k8s_secret_hits(resource) := {hit |
	some entry in secret_entries(resource)
	not file_like(entry.plain)
	secret_key(entry.key)
	secrets.literal_secret(entry.key, entry.plain)
	not secrets.placeholder(entry.value)
	hit := {"path": entry.path, "kind": "typed", "name": entry.key, "field": entry.field, "secret": entry.value}
} | {hit |
	some entry in secret_entries(resource)
	file_like(entry.plain)
	some inner in secrets.named_hits(entry.plain)
	hit := object.union(inner, {
		"path": array.concat(entry.path, inner.path),
		"document": array.concat(entry.path, inner.document),
		"secret": written(entry, inner.secret),
	})
} | {hit |
	some entry in secret_entries(resource)
	entry.field == "data"
	some c in secrets.credentials(entry.plain)
	hit := object.union(c, {"path": entry.path, "secret": entry.value})
}

# Every string value of a Secret's `data` and `stringData`: {"field", "key", "path",
# "value" (as written), "plain" (decoded)}.
secret_entries(resource) := {entry |
	resource.type == "Secret"
	some field in ["data", "stringData"]
	some key, value in object.get(resource.attributes, field, {})
	is_string(value)
	entry := {"field": field, "key": key, "path": [field, key], "value": value, "plain": secret_text(field, value)}
}

secret_text("data", value) := base64.decode(value) if base64.is_valid(value)

secret_text("data", value) := value if not base64.is_valid(value)

secret_text("stringData", value) := value

# A value that is a file: several lines, or a JSON document.
file_like(text) if contains(trim_space(text), "\n")

file_like(text) if secrets.embedded_document(text)

# What to redact for a secret found inside a value: the value itself when it is base64 (the
# decoded secret is not in the file).
written(entry, _) := entry.value if entry.field == "data"

written(entry, secret) := secret if entry.field == "stringData"

# A Secret key holds a secret unless it names something else or a certificate.
secret_key(key) if secrets.secret_name(key)

secret_key(key) if {
	not secrets.secret_name(key)
	not certificate_key(key)
	not metadata_key(key)
}

metadata_key(key) if {
	some word in secrets.name_words(key)
	word in metadata_words
}

metadata_words := {
	"user", "username", "login", "name", "type", "url", "uri", "endpoint", "host", "hostname",
	"server", "port", "project", "namespace", "region", "zone", "database", "db", "email",
	"id", "mtime", "insecure", "enabled", "proxy", "scheme", "path", "bucket",
}

# Keys that hold a certificate or a public key, which are not secret (`tls.crt`, `ca.crt`).
certificate_key(key) if regex.match(`(?i)(\.crt|\.cert|\.pub|^ca|[._-]ca)$|certificate|ca[._-]?bundle`, key)

# Credential formats anywhere, apart from the schema of a CustomResourceDefinition.
k8s_credential_hits(resource) := {hit |
	resource.type != "CustomResourceDefinition"
	some hit in secrets.credential_hits(resource.attributes)
}

k8s_message(resource, hit) := sprintf("%s: container %q sets env %s to a literal secret (%q)", [k8s.label(resource), hit.container, hit.name, secrets.redacted(hit.secret)]) if hit.kind == "env"

k8s_message(resource, hit) := sprintf("%s: `%s.%s` is written in the manifest (%q): the secret is stored in the repository", [k8s.label(resource), hit.field, hit.name, secrets.redacted(hit.secret)]) if hit.kind == "typed"

k8s_message(resource, hit) := sprintf("%s: %s", [k8s.label(resource), describe(hit, "manifest")]) if not hit.kind in {"env", "typed"}

# ---------------------------------------------------------------------------------------
# Dockerfile

deny contains finding if {
	some stage in docker.stages
	some hit in secrets.best(docker_hits(stage))
	finding := result(stage.address, hit, docker_message(stage, hit))
}

docker_hits(stage) := (docker_variable_hits(stage) | docker_global_arg_hits(stage)) | docker_credential_hits(stage)

docker_variable_hits(stage) := {hit |
	some i, instruction in stage.attributes.instructions
	some variable in variables(instruction)
	hit := object.union(variable, {"path": ["instructions", i, "args"], "line": instruction.line})
}

# `ARG`s before the first `FROM` belong to no stage: they are reported on the first stage.
docker_global_arg_hits(stage) := {hit |
	stage.attributes.index == 0
	some i, instruction in docker.global_args
	some variable in variables(instruction)
	hit := object.union(variable, {"path": ["global_args", i], "line": instruction.line})
}

# The secret-named variables an `ENV` or `ARG` sets to a literal: {"kind", "keyword",
# "name", "secret"}.
variables(instruction) := {variable |
	keyword := docker.keyword(instruction)
	keyword in {"ENV", "ARG"}
	some pair in assignments(keyword, docker.args_text(instruction))
	secrets.secret_name(pair.name)
	not substituted(pair.value)
	secrets.literal_secret(pair.name, pair.value)
	variable := {"kind": "name", "keyword": keyword, "name": pair.name, "secret": pair.value}
}

# `NAME=value` assignments (quotes removed); for `ENV`, also the legacy `ENV NAME value`.
# An `ARG NAME` without `=` has no default and gives nothing.
assignments(keyword, text) := pairs if {
	regex.match(`^[^\s=]+=`, text)
	pairs := {{"name": m[1], "value": unquote(m[2])} |
		some m in regex.find_all_string_submatch_n(`([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|(?:[^\s"'\\]|\\.)*)`, text, -1)
	}
}

assignments("ENV", text) := {{"name": name, "value": value}} if {
	not regex.match(`^[^\s=]+=`, text)
	name := regex.split(`\s+`, text)[0]
	value := trim_space(substring(text, count(name), -1))
}

unquote(text) := substring(text, 1, count(text) - 2) if regex.match(`^'.*'$`, text)

unquote(text) := replace(substring(text, 1, count(text) - 2), `\"`, `"`) if regex.match(`^".*"$`, text)

unquote(text) := regex.replace(text, `\\(.)`, "${1}") if not regex.match(`^(".*"|'.*')$`, text)

# A Dockerfile value that refers to another variable (`$HOME`, `${TOKEN}`) is not a literal.
substituted(value) if regex.match(`\$[A-Za-z_{]`, value)

docker_credential_hits(stage) := {hit |
	some i, instruction in stage.attributes.instructions
	some c in secrets.credentials(docker.args_text(instruction))
	hit := object.union(c, {"path": ["instructions", i, "args"], "line": instruction.line})
} | {hit |
	some i, instruction in stage.attributes.instructions
	some heredoc in object.get(instruction, "heredocs", [])
	some c in secrets.credentials(heredoc.content)
	hit := object.union(c, {"path": ["instructions", i], "line": instruction.line})
} | {hit |
	stage.attributes.index == 0
	some i, instruction in docker.global_args
	some c in secrets.credentials(docker.args_text(instruction))
	hit := object.union(c, {"path": ["global_args", i], "line": instruction.line})
}

docker_message(stage, hit) := sprintf("stage %s: `%s %s` sets a literal secret (%q): it stays in the image", [docker.stage_label(stage), hit.keyword, hit.name, secrets.redacted(hit.secret)]) if {
	hit.kind == "name"
	hit.path[0] == "instructions"
}

docker_message(stage, hit) := sprintf("global `%s %s` on line %d sets a literal secret (%q): it stays in the build history", [hit.keyword, hit.name, hit.line, secrets.redacted(hit.secret)]) if {
	hit.kind == "name"
	hit.path[0] == "global_args"
}

docker_message(stage, hit) := sprintf("stage %s: the instruction on line %d contains a %s (%q)", [docker.stage_label(stage), hit.line, hit.what, secrets.redacted(hit.secret)]) if {
	hit.kind != "name"
}

# ---------------------------------------------------------------------------------------

# The deny result. `secret` is the literal (as written in the value), for tenet to redact the
# source snippet under the finding; it is never printed.
result(address, hit, message) := {
	"resource": address,
	"path": hit.path,
	"message": message,
	"secret": hit.secret,
}
