# Helpers for finding hardcoded secrets (HY001): credential formats, secret-like names,
# placeholders, and a redacted form of a value for messages.
#
# A value is only ever shown through `redacted`: messages must never hold a secret.
#
# What counts:
#
# - a credential format anywhere in a string (`credentials(text)`): a private key block
#   (`-----BEGIN … PRIVATE KEY-----` with a key body), a GitHub token (`ghp_`, `gho_`, `ghu_`,
#   `ghs_`, `ghr_` + 36 characters, `github_pat_…`), a GitLab token (`glpat-…`) or a Slack
#   token (`xoxb-`, `xoxa-`, `xoxp-`, `xoxr-`, `xoxs-`); an AWS secret access key (40
#   characters) counts only when an access key id (`AKIA`/`ASIA` + 16) is beside it, in the
#   same resource (`aws_key_pairs`);
# - a literal in a value whose name is secret-like (`secret_name`), when the literal is not a
#   placeholder and not something other than a secret (`literal_secret`).
package tenet.lib.secrets

import rego.v1

# ---------------------------------------------------------------------------------------
# Redaction

# At most the first 4 characters of `s`, then `…`; fewer for short values (a quarter of the
# length, rounded down), so a short secret is never shown nearly whole: "hunter2xyz" gives
# "hu…", "abc" gives "…".
redacted(s) := concat("", [substring(s, 0, shown), "…"]) if {
	is_string(s)
	shown := min([4, floor(count(s) / 4)])
}

redacted(s) := "…" if not is_string(s)

# ---------------------------------------------------------------------------------------
# Secret-like names

# The words of a name: camelCase split, lower-cased, any character but a letter or a digit a
# separator. `masterUserPassword`, `MASTER_USER_PASSWORD`, `master-user.password` all give
# ["master", "user", "password"].
name_words(name) := [w |
	split_camel := regex.replace(name, `([a-z0-9])([A-Z])`, "${1}_${2}")
	split_acronym := regex.replace(split_camel, `([A-Z]+)([A-Z][a-z])`, "${1}_${2}")
	some w in regex.split(`[^a-z0-9]+`, lower(split_acronym))
	w != ""
]

# True when `name` names a secret. The decision is made on the last words of the name, so a
# name that only starts with a secret word is metadata about the secret, not the secret:
# `password_length`, `password_policy`, `secret_name`, `secret_arn`, `token_ttl`,
# `token_expiry`, `kms_key_id`, `secret_key_ref`, `POSTGRES_PASSWORD_FILE` are not secret
# names. A trailing Terraform write-only suffix (`password_wo`) is ignored.
#
# Secret names end in:
# - `password`, `passwd`, `pwd`, `pass`, `passphrase`, `secret`, `token`, `passwords`,
#   `credentials`, `apikey`, or a word ending in `password`, `passwd`, `secret`,
#   `token`, `apikey`, `secretkey`, `privatekey` (`dbpassword`, `authtoken`);
# - `key` after `api`, `secret`, `private`, `signing`, `master`, `shared`, `account`,
#   `client`, `license`, `auth`, `hmac`, `storage`, `subscription`, `consumer`, `webhook`,
#   `session`, `cookie`, `jwt`, `encryption`, `app` (`api_key`, `secret_key`,
#   `private_key`, `secret_access_key`);
# - `secret` `string`/`binary`/`data` (Secrets Manager and Secret Manager payloads).
#
# Not secret names, although they end in a secret word: `existingSecret`,
# `imagePullSecret`, `tls_secret` and the like (they name a Kubernetes Secret), switches
# (`MYSQL_ALLOW_EMPTY_PASSWORD`), and tokens that are not credentials (`creation_token`,
# `client_token`, `idempotency_token`, `next_token`, `MAX_INPUT_TOKENS`: `tokens` is not a
# secret name).
secret_name(name) if {
	is_string(name)
	may_name_secret(name)
	words := without_write_only(name_words(name))
	count(words) > 0
	padded := array.concat(["", ""], words)
	n := count(padded)
	secret_tail(padded[n - 3], padded[n - 2], padded[n - 1])
}

without_write_only(words) := array.slice(words, 0, count(words) - 1) if {
	count(words) > 1
	words[count(words) - 1] == "wo"
}

without_write_only(words) := words if {
	not count(words) > 1
}

without_write_only(words) := words if {
	count(words) > 1
	words[count(words) - 1] != "wo"
}

# A quick test before the regular expressions of `name_words`: regular expressions are
# costly in the engine, and most names hold none of these.
may_name_secret(name) if {
	text := lower(name)
	some stem in ["pass", "pwd", "secret", "token", "key", "credential"]
	contains(text, stem)
}

terminal_words := {
	"password", "passwords", "passwd", "pwd", "pass", "passphrase",
	"secret", "token", "credentials", "apikey",
}

compound_suffixes := ["password", "passwd", "secret", "token", "apikey", "secretkey", "privatekey"]

# Words before a terminal word that make the name something other than a credential.
not_credential := {
	"secret": {
		"existing", "pull", "tls", "ssl", "cert", "certificate", "sealed", "external",
		"use", "create", "generate", "enable", "manage", "mount", "k8s", "kube", "kubernetes",
	},
	"token": {
		"creation", "client", "idempotency", "continuation", "next", "page", "pagination", "cancel",
		"max", "min", "num", "total", "input", "output", "prefill",
	},
	"password": {"manage", "generate", "random", "require", "reset", "empty", "allow", "skip", "no"},
	"pass": {"first", "second", "single", "multi", "by"},
}

secret_tail(_, prev, last) if {
	last in terminal_words
	not prev in object.get(not_credential, last, set())
}

secret_tail(_, _, last) if {
	not last in terminal_words
	some suffix in compound_suffixes
	endswith(last, suffix)
	last != suffix
}

key_prefixes := {
	"api", "secret", "private", "signing", "master", "shared", "account", "client", "license",
	"auth", "hmac", "storage", "subscription", "consumer", "webhook", "session", "cookie",
	"jwt", "encryption", "app",
}

secret_tail(_, prev, "key") if prev in key_prefixes

secret_tail(before, "access", "key") if before == "secret"

secret_tail(_, "secret", last) if last in {"string", "binary", "data"}

# ---------------------------------------------------------------------------------------
# Placeholders and values that are not secrets

# True when `value` is not a real value but a stand-in, a template or a variable:
#
# - empty or blank;
# - a template or variable: `${…}`, `{{ … }}`, `$(…)`, `%{…}`, `#{…}`, a value starting
#   with `$NAME`, `%NAME%`, `__NAME__`, and anything holding `<…>` (`<password>`);
# - filler: only `x`, `*`, `.`, `#`, `_`, `-` or `?` characters, or a run of `xxxx`,
#   `****` or `...`;
# - a generic word as the whole value (any case): `password`, `passwd`, `pass`, `secret`,
#   `token`, `test`, `testing`, `changeit`, `default`, `value`, `string`, `none`, `null`,
#   `nil`, `undefined`, `empty`, `unset`, `n/a`, `na`, `tbd`, `todo`, `fixme`, `foo`, `bar`,
#   `foobar`;
# - a value containing a stand-in word (any case): `changeme`, `change_me`, `change-me`,
#   `changethis`, `replaceme`, `replace_me`, `replace-me`, `placeholder`, `example` (so
#   AWS's documented example keys `AKIAIOSFODNN7EXAMPLE` and
#   `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY` are placeholders), `dummy`, `sample`,
#   `fake`, `redacted`, `your`, `test`, `insert`, `notreal`, `not_real`, `not-real`,
#   `mock` (`mock_secret_key`, which provider test configurations set);
# - a variable or setting name in capitals (`GOOGLE_API_KEY_VAL`, `DB_PASSWORD`);
# - nothing but generic words, each perhaps followed by digits (`my-password`,
#   `password123456789`, `super-secret-token`).
placeholder(value) if {
	is_string(value)
	trim_space(value) == ""
}

placeholder(value) if {
	is_string(value)
	regex.match(`\$\{|\{\{|\$\(|%\{|#\{|^\s*\$[A-Za-z_]|^%[A-Za-z_][A-Za-z0-9_]*%$|^__[A-Za-z0-9_]+__$|<[^<>]*>`, value)
}

placeholder(value) if {
	is_string(value)
	regex.match(`^[xX*.#_?\-\s]+$|(?i)xxxx|\*\*\*\*|\.\.\.`, trim_space(value))
}

placeholder(value) if {
	is_string(value)
	lower(trim_space(value)) in generic_words
}

placeholder(value) if {
	is_string(value)
	text := lower(value)
	some word in stand_in_words
	contains(text, word)
}

# The name of a variable or setting, not its value: `GOOGLE_API_KEY_VAL`, `DB_PASSWORD`.
placeholder(value) if {
	is_string(value)
	regex.match(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$`, trim_space(value))
}

# Nothing but generic words, each perhaps followed by digits or punctuation:
# `my-password`, `my-token`, `password123456789`, `secret_value`, `super-secret-token`.
placeholder(value) if {
	is_string(value)
	words := [trim_right(w, "0123456789") | some w in name_words(value)]
	count([w | some w in words; w != ""]) > 0
	every w in words {
		generic_word(w)
	}
}

generic_word(w) if w == ""

generic_word(w) if w in generic_vocabulary

generic_vocabulary := {
	"my", "your", "our", "the", "a", "an", "some", "this", "here", "goes", "put",
	"secret", "secrets", "password", "passwd", "pass", "pwd", "token", "key", "api", "apikey",
	"value", "super", "top", "very", "mega", "dummy", "example", "test", "sample", "default",
	"placeholder", "foo", "bar", "baz", "qux", "abc", "xyz", "hello", "world", "user",
	"username", "string",
}

generic_words := {
	"password", "passwd", "pass", "secret", "token", "test", "testing", "changeit", "default",
	"value", "string", "none", "null", "nil", "undefined", "empty", "unset", "n/a", "na", "tbd",
	"todo", "fixme", "foo", "bar", "foobar",
}

stand_in_words := [
	"changeme", "change_me", "change-me", "changethis", "replaceme", "replace_me", "replace-me",
	"placeholder", "example", "dummy", "sample", "fake", "redacted", "your", "test", "insert",
	"notreal", "not_real", "not-real", "mock",
]

# True when a string is a value of another kind, which a secret-like name may still hold:
#
# - a boolean, a switch word, a unit or a type (`true`, `false`, `yes`, `no`, `on`, `off`,
#   `0`, `1`, `enabled`, `disabled`, `required`, `optional`, `auto`, `none`, `seconds`,
#   `minutes`, `hours`, `days` as in Cognito's `token_validity_units`, `str`, `int`, …);
# - an identifier of a secret kept elsewhere: an ARN (`arn:…`), a file path (`/run/…`,
#   `./…`, `../…`, `~/…`, `file:…`), a URL without credentials (`vault://…`, `https://…`,
#   `op://…`), a Google secret name (`projects/…/secrets/…`), a key alias (`alias/…`);
# - a password hash (`$2b$…`, `$6$…`, `$argon2id$…`): not the password;
# - public material: an SSH public key, a certificate, a public key block.
not_a_secret(value) if lower(trim_space(value)) in switch_words

not_a_secret(value) if regex.match(`^\s*(arn:|/|\./|\.\./|~/|file:|alias/|projects/[^/\s]+/secrets/)`, value)

not_a_secret(value) if regex.match(`^\s*[A-Za-z][A-Za-z0-9+.-]*://[^@\s]*$`, value)

not_a_secret(value) if regex.match(`^\$(1|2[abxy]?|5|6|y|apr1|argon2(id|i|d)?|pbkdf2[^$]*)\$`, trim_space(value))

not_a_secret(value) if regex.match(`^\s*(ssh-(rsa|dss|ed25519)|ecdsa-sha2-|sk-(ssh|ecdsa)-|-----BEGIN (CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|PGP PUBLIC KEY BLOCK|X509 CRL|CERTIFICATE REQUEST))`, value)

switch_words := {
	"true", "false", "yes", "no", "on", "off", "enabled", "disabled", "enable", "disable",
	"required", "optional", "auto", "none", "0", "1", "seconds", "minutes", "hours", "days",
	"str", "bytes", "int", "bool",
}

# True when `value`, written under the secret-like name `name`, is a literal secret: a
# string that is neither a placeholder, nor another kind of value, nor the name itself
# (`DB_PASSWORD: DB_PASSWORD`).
literal_secret(name, value) if {
	is_string(value)
	not placeholder(value)
	not not_a_secret(value)
	lower(trim_space(value)) != lower(name)
}

# ---------------------------------------------------------------------------------------
# Credential formats

# A quick test before the regular expressions below: most strings hold none of these.
may_hold_credential(text) if regex.match(`PRIVATE KEY|gh[pousr]_|github_pat_|glpat-|xox[abprs]-`, text)

# Every credential in `text`: {"kind", "what", "secret"}, `secret` being the credential as it
# appears in the text. AWS access keys are found by `aws_key_pairs`, which needs the whole
# resource.
credentials(text) := {c |
	is_string(text)
	may_hold_credential(text)
	some c in all_credentials(text)
}

all_credentials(text) := private_keys(text) | tokens(text)

# A private key block with a body: at least 40 characters of key material after the BEGIN
# line. `...` or a template in the body is a placeholder.
private_keys(text) := {{"kind": "private_key", "what": "private key", "secret": block} |
	some block in regex.find_n(`(?s)-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----.*?(-----END [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----|$)`, text, -1)
	body := regex.replace(block, `-----(BEGIN|END) [A-Z0-9 ]*-----|[A-Za-z-]+: [^\n]*`, "")
	material := regex.replace(body, `\s`, "")
	regex.match(`^[A-Za-z0-9+/=]{40,}$`, material)
	not regex.match(`\.\.\.|\$\{|\{\{|<`, body)
}

token_formats := [
	{"kind": "github", "what": "GitHub token", "pattern": `\bgh[pousr]_[A-Za-z0-9]{36}\b`},
	{"kind": "github", "what": "GitHub token", "pattern": `\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b`},
	{"kind": "gitlab", "what": "GitLab token", "pattern": `\bglpat-[A-Za-z0-9_-]{20,}`},
	{"kind": "slack", "what": "Slack token", "pattern": `\bxox[abprs]-[0-9]+-[0-9A-Za-z-]{10,}`},
]

tokens(text) := {{"kind": format.kind, "what": format.what, "secret": token} |
	some format in token_formats
	some token in regex.find_n(format.pattern, text, -1)
	not placeholder(token)
}

# AWS access key ids in `text` (`AKIA` long-term, `ASIA` temporary), placeholders excluded.
aws_key_ids(text) := {id |
	is_string(text)
	may_hold_key_id(text)
	some id in regex.find_n(`\b(AKIA|ASIA)[A-Z0-9]{16}\b`, text, -1)
	not placeholder(id)
}

may_hold_key_id(text) if contains(text, "AKIA")

may_hold_key_id(text) if contains(text, "ASIA")

# 40-character AWS secret access keys in `text`: base64 characters with lower case, upper
# case and a digit or `/`/`+` (a 40-character hexadecimal SHA-1 is not one).
aws_secret_keys(text) := {key |
	is_string(text)
	some match in regex.find_all_string_submatch_n(`(?:^|[^A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)`, text, -1)
	key := match[1]
	regex.match(`[a-z]`, key)
	regex.match(`[A-Z]`, key)
	regex.match(`[0-9/+]`, key)
	not placeholder(key)
}

# AWS key pairs in a tree (a resource's attributes): every secret access key that has an
# access key id in the same tree, as {"path", "kind", "what", "secret", "key_id"}. The path is
# the secret key's.
aws_key_pairs(tree) := {hit |
	ids := {id | some s in strings_in(tree); some id in aws_key_ids(s.value)}
	count(ids) > 0
	key_id := min(ids)
	some s in strings_in(tree)
	some key in aws_secret_keys(s.value)
	hit := {"path": s.path, "kind": "aws", "what": "AWS secret access key", "secret": key, "key_id": key_id}
}

# Every string in a tree, as {"path", "value"}.
strings_in(tree) := [{"path": path, "value": value} |
	walk(tree, [path, value])
	is_string(value)
]

# Credential formats in every string of a tree: {"path", "kind", "what", "secret"}.
#
# Built-in calls are costly in the engine (tens of microseconds each), so the tree is first
# screened as one JSON text: most resources hold no credential format at all.
credential_hits(tree) := {hit |
	regex.match(`PRIVATE KEY|gh[pousr]_|github_pat_|glpat-|xox[abprs]-|AKIA|ASIA`, json.marshal(tree))
	some hit in all_credential_hits(tree)
}

all_credential_hits(tree) := {hit |
	some s in strings_in(tree)
	some c in credentials(s.value)
	hit := object.union(c, {"path": s.path})
} | aws_key_pairs(tree)

# ---------------------------------------------------------------------------------------
# Secret-named values in a tree (Terraform attributes, a decoded JSON or YAML document)

# Every literal secret held under a secret-like name in `tree`: {"path", "kind", "name",
# "secret"}. Two shapes:
#
# - a string whose key is a secret-like name (`password = "…"`, `{"DB_PASSWORD": "…"}`);
#   `kind` "name";
# - an object `{name = "<secret-like>", value = "…"}` (ECS and CodeBuild environment
#   variables, Elastic Beanstalk settings, Helm `set` blocks, the Kubernetes provider's
#   `env`); `kind` "pair". Not when it takes its value from elsewhere (`valueFrom`,
#   `value_from`, …) or names a parameter or secret rather than holding it (CodeBuild
#   `type = "PARAMETER_STORE"` or `"SECRETS_MANAGER"`).
#
# A string that is itself a document is searched too, one level deep: a JSON document
# (`jsonencode(…)`, a heredoc), a YAML mapping, or a multi-line text of `NAME=value` or
# `name: value` lines (an `.env` or properties file, an INI file, a shell script's
# `export NAME=value`). The path continues into it (by key, or by the assigned name for a
# text), and `document` is the path of the string that holds it. In YAML and in text, a value
# with spaces is prose, not a secret (`token: used to sign requests`), and is skipped.
#
# Values under a key that refers to a secret kept elsewhere (`secret_key_ref`, `value_from`,
# `secretRef`, …) are not literals and are skipped.
#
# The tree is first screened as one JSON text for a secret-like word at the end of a key or
# of a name (`password":`, `DB_PASSWORD",`, `token=`, `api_key:`). Plurals other than
# `passwords` and `credentials` name no secret: `http_tokens` (on every EC2 instance with
# `metadata_options`) does not pass the screen.
named_hits(tree) := {hit |
	regex.match(`(?i)(pass|passwd|passwords?|passphrase|pwd|secret|token|key|credentials|apikey)(_?(wo|string|binary|data))?(["'\\]*\s*[:=,}]|\\n)`, json.marshal(tree))
	some hit in all_named_hits(tree)
}

all_named_hits(tree) := (direct_named_hits(tree) | embedded_named_hits(tree)) | assignment_hits(tree)

direct_named_hits(tree) := {hit |
	walk(tree, [path, value])
	is_string(value)
	name := last_key(path)
	secret_name(name)
	not embedded_document(value)
	literal_secret(name, value)
	not under_reference(path)
	hit := {"path": path, "kind": "name", "name": name, "secret": value}
} | {hit |
	walk(tree, [path, node])
	is_object(node)
	name := node.name
	secret_name(name)
	value := node.value
	not embedded_document(value)
	literal_secret(name, value)
	not takes_value_elsewhere(node)
	not under_reference(path)
	hit := {"path": array.concat(path, ["value"]), "kind": "pair", "name": name, "secret": value}
}

embedded_named_hits(tree) := {hit |
	walk(tree, [path, value])
	may_name_secret_inside(value)
	doc := embedded(value)
	some inner in direct_named_hits(doc.document)
	lower(inner.name) != "passwd"
	not prose(doc.kind, inner.secret)
	hit := object.union(inner, {"path": array.concat(path, inner.path), "document": path})
}

prose("yaml", value) if regex.match(`\s`, trim_space(value))

# `NAME=value` and `name: value` lines of a multi-line text that is not a JSON or YAML
# document; the value is one word, quotes removed. Lines with a comment after the value are
# skipped.
assignment_hits(tree) := {hit |
	walk(tree, [path, text])
	is_string(text)
	contains(text, "\n")
	may_name_secret_inside(text)
	not embedded(text)
	some m in regex.find_all_string_submatch_n(`(?m)^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*[=:][ \t]*(\S+?)[ \t]*\r?$`, text, -1)
	name := m[1]
	document_secret_name(name)
	not code(m[2])
	value := unquoted(m[2])
	literal_secret(name, value)
	hit := {"path": array.concat(path, [name]), "kind": "name", "name": name, "secret": value, "document": path}
}

# In a document, `passwd` alone is the Unix user database (`passwd: files` in
# `nsswitch.conf`), not a password.
document_secret_name(name) if {
	secret_name(name)
	lower(name) != "passwd"
}

# An unquoted value that is an expression of a programming language: a call, an index, a
# dotted name (`os.environ["TOKEN"]`, `get_secret()`, `args.token`).
code(text) if {
	not regex.match(`^(".*"|'.*')$`, text)
	regex.match(`[()\[\]{}]|^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$`, text)
}

# A quick test before a document is parsed (a Grafana dashboard is megabytes of JSON): a
# secret-like word right before a `:`, `=`, `,` or the end of a line, perhaps after a quote
# (a key, or the name of a name/value pair).
may_name_secret_inside(text) if {
	is_string(text)
	may_name_secret(text)
	regex.match(`(?im)(pass|pwd|secret|token|key|credential)[a-z0-9_.-]*["']?\s*([:=,]|$)`, text)
}

unquoted(text) := substring(text, 1, count(text) - 2) if {
	count(text) >= 2
	regex.match(`^(".*"|'.*')$`, text)
}

unquoted(text) := text if not regex.match(`^(".*"|'.*')$`, text)

# The last key (not index) of a path; undefined for a path without one.
last_key(path) := keys[count(keys) - 1] if {
	keys := [k | some k in path; is_string(k)]
	count(keys) > 0
}

under_reference(path) if {
	some key in path
	is_string(key)
	words := name_words(key)
	count(words) > 0
	words[count(words) - 1] in {"ref", "refs", "reference", "from"}
}

takes_value_elsewhere(node) if {
	some key, _ in node
	key != "value"
	under_reference([key])
}

takes_value_elsewhere(node) if upper(node.type) in {"PARAMETER_STORE", "SECRETS_MANAGER"}

# The decoded document when `value` is a JSON object or array, or a YAML mapping (at least
# one `key: value` line); undefined otherwise.
embedded_document(value) := embedded(value).document

# The same as {"kind": "json" or "yaml", "document"}.
embedded(value) := {"kind": "json", "document": document} if {
	is_string(value)
	json_like(value)
	json.is_valid(value)
	document := json.unmarshal(value)
	is_collection(document)
}

embedded(value) := {"kind": "yaml", "document": document} if {
	is_string(value)
	not json_like(value)
	contains(value, "\n")
	contains(value, ":")
	regex.match(`(?m)^\s*[A-Za-z_][A-Za-z0-9_.-]*:\s`, value)
	yaml.is_valid(value)
	document := yaml.unmarshal(value)
	is_object(document)
}

embedded(value) := {"kind": "yaml", "document": document} if {
	is_string(value)
	json_like(value)
	not json.is_valid(value)
	contains(value, "\n")
	yaml.is_valid(value)
	document := yaml.unmarshal(value)
	is_object(document)
}

json_like(value) if startswith(trim_left(value, " \t\r\n"), "{")

json_like(value) if startswith(trim_left(value, " \t\r\n"), "[")

is_collection(value) if is_object(value)

is_collection(value) if is_array(value)

# ---------------------------------------------------------------------------------------
# Choosing one hit per attribute

# Hits are ranked so that one attribute gives one finding, the most specific: a credential
# format before a secret-like name.
rank := {"private_key": 1, "aws": 2, "github": 3, "gitlab": 4, "slack": 5, "typed": 6, "name": 7, "pair": 7, "env": 7}

credential_kinds := {"private_key", "aws", "github", "gitlab", "slack"}

# The hits of `hits` (of one resource) that no other hit outranks: on one path, the best
# ranked; and nothing inside a document (a JSON string, a script) whose string already holds
# a credential format.
best(hits) := {hit |
	some hit in hits
	not outranked(hit, hits)
}

outranked(hit, hits) if {
	some other in hits
	other.path == hit.path
	[object.get(rank, other.kind, 9), other.secret] < [object.get(rank, hit.kind, 9), hit.secret]
}

outranked(hit, hits) if {
	some other in hits
	other.kind in credential_kinds
	other.path == hit.document
}
