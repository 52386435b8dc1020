//! Static rendering of `data "aws_iam_policy_document"`: the `json` attribute exactly as the AWS
//! provider (hashicorp/terraform-provider-aws, v5 and later) computes it, or `Unknown` when any
//! input that affects it is unknown or when the provider would fail (never guessed).
//!
//! What the provider does, from its source (`internal/service/iam/policy_document_data_source.go`,
//! `dataSourcePolicyDocumentRead`; `internal/service/iam/policy_model.go`):
//!
//! - Merge order: an empty document; each `source_policy_documents` JSON in turn (a non-empty
//!   `Sid` seen twice across them is an error; null entries are skipped); then this block's own
//!   statements; then each `override_policy_documents` JSON. `Merge` adopts a non-empty `Id`,
//!   upgrades `Version` to the greater string, and for each incoming statement replaces the
//!   first existing one with the same non-empty `Sid` in place, or appends it.
//! - Own statements: `effect` defaults to "Allow" (only "Allow"/"Deny" valid), `version` to
//!   "2012-10-17" (or "2008-10-17"); a non-empty `sid` repeated is an error. `actions`,
//!   `not_actions`, `resources`, `not_resources` and principal `identifiers` are schema sets:
//!   `policyDecodeConfigStrings` renders one element as a plain string, several sorted in
//!   *reverse* byte order. `&{` becomes `${` in resources, identifiers and condition values (an
//!   error under version 2008-10-17). Condition `values` is a list: order and empty strings kept.
//! - `principals`, `not_principals` and `condition` are sets of blocks, iterated in the SDK's
//!   set order: ascending by the decimal string of the CRC-32 of `SerializeResourceForHash`
//!   (terraform-plugin-sdk `helper/schema/set.go`, `serialize.go`). That order decides how
//!   blocks of the same principal type concatenate (`iamPolicyStatementPrincipalSet.MarshalJSON`:
//!   a list is reverse-sorted then appended) and how values of conditions with the same test and
//!   variable concatenate (`iamPolicyStatementConditionSet.MarshalJSON`; one value flattens to a
//!   string). A lone principal of type "*" with identifier "*" renders as `"*"`. Checked against
//!   the provider's acceptance-test expectations for multiple `principals` blocks (tests below).
//! - Output: `json.MarshalIndent(doc, "", "  ")` of structs whose empty `Sid`, `Effect`, `Id`,
//!   `Version` and `Statement` are omitted (`omitempty`; the empty `Sid` is dropped since v5.0),
//!   keys in struct order (`Version, Id, Statement`; `Sid, Effect, Action, NotAction, Resource,
//!   NotResource, Principal, NotPrincipal, Condition`), map keys sorted, Go's HTML-safe string
//!   escaping.
//! - Source and override documents go through Go's `json.Unmarshal` into those structs: fields
//!   match case-insensitively; `Action`/`Resource`/… keep any JSON as written; a string
//!   `Principal` becomes `"*"`; principal lists are re-sorted in reverse; condition values that
//!   are one-element lists flatten, booleans become strings, other non-string values drop.
//! - Not reproduced, rendered as `Unknown` instead: every provider error (duplicate Sid,
//!   invalid JSON, wrong JSON types, invalid `effect`/`version`), a non-empty deprecated
//!   `source_json`/`override_json` (merged before v5, rejected since), empty `identifiers` or
//!   condition `values`, null list elements, fractional numbers in source documents. The
//!   alphanumeric-Sid validation (PR #40562, Dec 2024) was reverted in v5.84.0: not applied.

use std::collections::{BTreeMap, BTreeSet};

use super::value::Value;

/// The rendered `json` attribute, or `Unknown`.
pub fn render(attributes: &Value) -> Value {
    match render_json(attributes) {
        Some(json) => Value::String(json),
        None => Value::Unknown,
    }
}

/// A policy document's JSON text parsed, or `None` when it is not JSON.
pub fn parse_policy(json: &str) -> Option<serde_json::Value> {
    serde_json::from_str(json).ok()
}

const DEFAULT_VERSION: &str = "2012-10-17";
const OLD_VERSION: &str = "2008-10-17";

/// JSON as Go marshals it: objects keep the order they are built in.
#[derive(Clone, Debug, PartialEq)]
enum Out {
    Null,
    Bool(bool),
    Number(String),
    Str(String),
    Array(Vec<Out>),
    Object(Vec<(String, Out)>),
}

/// A Go `interface{}` holding either a `string` or a `[]string`.
#[derive(Clone, Debug, PartialEq)]
enum Strings {
    One(String),
    Many(Vec<String>),
}

impl Strings {
    fn to_out(&self) -> Out {
        match self {
            Strings::One(s) => Out::Str(s.clone()),
            Strings::Many(list) => Out::Array(list.iter().cloned().map(Out::Str).collect()),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Principal {
    kind: String,
    identifiers: Strings,
}

#[derive(Clone, Debug, PartialEq)]
struct Condition {
    test: String,
    variable: String,
    values: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Statement {
    sid: String,
    effect: String,
    action: Option<Out>,
    not_action: Option<Out>,
    resource: Option<Out>,
    not_resource: Option<Out>,
    principals: Vec<Principal>,
    not_principals: Vec<Principal>,
    conditions: Vec<Condition>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Doc {
    version: String,
    id: String,
    statements: Vec<Statement>,
}

impl Doc {
    /// `iamPolicyDoc.Merge`.
    fn merge(&mut self, new: Doc) {
        if !new.id.is_empty() {
            self.id = new.id;
        }
        if new.version > self.version {
            self.version = new.version;
        }
        for statement in new.statements {
            if statement.sid.is_empty() {
                self.statements.push(statement);
                continue;
            }
            match self.statements.iter_mut().find(|s| s.sid == statement.sid) {
                Some(existing) => *existing = statement,
                None => self.statements.push(statement),
            }
        }
    }

    fn to_out(&self) -> Out {
        let mut fields = Vec::new();
        if !self.version.is_empty() {
            fields.push(("Version".to_string(), Out::Str(self.version.clone())));
        }
        if !self.id.is_empty() {
            fields.push(("Id".to_string(), Out::Str(self.id.clone())));
        }
        if !self.statements.is_empty() {
            let statements = self.statements.iter().map(Statement::to_out).collect();
            fields.push(("Statement".to_string(), Out::Array(statements)));
        }
        Out::Object(fields)
    }
}

impl Statement {
    fn to_out(&self) -> Out {
        let mut fields = Vec::new();
        let mut text = |name: &str, value: &str| {
            if !value.is_empty() {
                fields.push((name.to_string(), Out::Str(value.to_string())));
            }
        };
        text("Sid", &self.sid);
        text("Effect", &self.effect);
        let elements = [
            ("Action", &self.action),
            ("NotAction", &self.not_action),
            ("Resource", &self.resource),
            ("NotResource", &self.not_resource),
        ];
        for (name, value) in elements {
            if let Some(value) = value {
                fields.push((name.to_string(), value.clone()));
            }
        }
        for (name, principals) in [
            ("Principal", &self.principals),
            ("NotPrincipal", &self.not_principals),
        ] {
            if !principals.is_empty() {
                fields.push((name.to_string(), principals_out(principals)));
            }
        }
        if !self.conditions.is_empty() {
            fields.push(("Condition".to_string(), conditions_out(&self.conditions)));
        }
        Out::Object(fields)
    }
}

/// `iamPolicyStatementPrincipalSet.MarshalJSON`.
fn principals_out(principals: &[Principal]) -> Out {
    if let [only] = principals {
        let wildcard = match &only.identifiers {
            Strings::One(s) => s == "*",
            Strings::Many(list) => matches!(list.as_slice(), [s] if s == "*"),
        };
        if only.kind == "*" && wildcard {
            return Out::Str("*".to_string());
        }
    }
    let mut raw: BTreeMap<String, Strings> = BTreeMap::new();
    for principal in principals {
        let previous = raw.remove(&principal.kind);
        let next = match &principal.identifiers {
            Strings::Many(list) => {
                let mut merged = match previous {
                    None => Vec::new(),
                    Some(Strings::One(s)) => vec![s],
                    Some(Strings::Many(existing)) => existing,
                };
                let mut list = list.clone();
                list.sort();
                list.reverse();
                merged.extend(list);
                Strings::Many(merged)
            }
            Strings::One(s) => match previous {
                None => Strings::One(s.clone()),
                Some(Strings::One(existing)) => Strings::Many(vec![existing, s.clone()]),
                Some(Strings::Many(mut existing)) => {
                    existing.push(s.clone());
                    Strings::Many(existing)
                }
            },
        };
        raw.insert(principal.kind.clone(), next);
    }
    Out::Object(raw.into_iter().map(|(k, v)| (k, v.to_out())).collect())
}

/// `iamPolicyStatementConditionSet.MarshalJSON`.
fn conditions_out(conditions: &[Condition]) -> Out {
    let mut raw: BTreeMap<&str, BTreeMap<&str, Vec<String>>> = BTreeMap::new();
    for condition in conditions {
        raw.entry(&condition.test)
            .or_default()
            .entry(&condition.variable)
            .or_default()
            .extend(condition.values.iter().cloned());
    }
    let tests = raw.into_iter().map(|(test, variables)| {
        let variables = variables.into_iter().map(|(variable, mut values)| {
            let value = match values.len() {
                1 => values.pop().map_or(Out::Null, Out::Str),
                _ => Out::Array(values.into_iter().map(Out::Str).collect()),
            };
            (variable.to_string(), value)
        });
        (test.to_string(), Out::Object(variables.collect()))
    });
    Out::Object(tests.collect())
}

fn render_json(attributes: &Value) -> Option<String> {
    let Value::Object(attributes) = attributes else {
        return None;
    };
    // Deprecated and required to be empty since v5; they did merge before, so a value here
    // renders differently by provider version.
    for key in ["source_json", "override_json"] {
        if optional_string(attributes, key)?.is_some_and(|s| !s.is_empty()) {
            return None;
        }
    }
    let mut merged = Doc::default();
    let mut sids = BTreeSet::new();
    for text in documents(attributes.get("source_policy_documents"))? {
        let source = parse_document(&text)?;
        for statement in &source.statements {
            if !statement.sid.is_empty() && !sids.insert(statement.sid.clone()) {
                return None;
            }
        }
        merged.merge(source);
    }
    merged.merge(config_document(attributes)?);
    for text in documents(attributes.get("override_policy_documents"))? {
        merged.merge(parse_document(&text)?);
    }
    let mut json = String::new();
    write_indented(&merged.to_out(), 0, &mut json);
    Some(json)
}

// ---- the data source's own configuration ----

type Attributes = BTreeMap<String, Value>;

/// A string attribute: absent or null is `Some(None)`; numbers and bools convert as Terraform
/// converts them; anything else (unknown, a collection) is `None`.
fn optional_string(attributes: &Attributes, key: &str) -> Option<Option<String>> {
    match attributes.get(key) {
        None | Some(Value::Null) => Some(None),
        Some(value) => value.to_template_string().map(Some),
    }
}

fn required_string(attributes: &Attributes, key: &str) -> Option<String> {
    optional_string(attributes, key)?
}

/// A list of strings; null elements are unrenderable.
fn string_list(value: Option<&Value>) -> Option<Vec<String>> {
    match value {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(Value::List(items)) => items.iter().map(Value::to_template_string).collect(),
        Some(_) => None,
    }
}

/// A schema set of strings, in the SDK's set order (each string hashes as `value;`).
fn string_set(value: Option<&Value>) -> Option<Vec<String>> {
    Some(set_order(string_list(value)?, |s| format!("{s};")))
}

/// Nested blocks: a list of objects.
fn blocks(value: Option<&Value>) -> Option<Vec<&Attributes>> {
    match value {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(Value::List(items)) => items
            .iter()
            .map(|item| match item {
                Value::Object(map) => Some(map),
                _ => None,
            })
            .collect(),
        Some(_) => None,
    }
}

/// `source_policy_documents` / `override_policy_documents`: null entries are skipped.
fn documents(value: Option<&Value>) -> Option<Vec<String>> {
    match value {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(Value::List(items)) => items
            .iter()
            .filter(|item| !matches!(item, Value::Null))
            .map(Value::to_template_string)
            .collect(),
        Some(_) => None,
    }
}

/// `schema.Set.List()`: elements keyed by the decimal string of their hash code (CRC-32 of the
/// serialization), first one kept on a collision, listed in ascending string order of the keys.
fn set_order<T>(items: Vec<T>, serialize: impl Fn(&T) -> String) -> Vec<T> {
    let mut set: BTreeMap<String, T> = BTreeMap::new();
    for item in items {
        let code = crc32(serialize(&item).as_bytes()).to_string();
        set.entry(code).or_insert(item);
    }
    set.into_values().collect()
}

/// CRC-32 (IEEE), as Go's `crc32.ChecksumIEEE`.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// `policyDecodeConfigStrings`: one element as a string, several sorted in reverse.
fn decode_strings(mut list: Vec<String>) -> Strings {
    if list.len() == 1 {
        if let Some(only) = list.pop() {
            return Strings::One(only);
        }
    }
    list.sort();
    list.reverse();
    Strings::Many(list)
}

/// `dataSourcePolicyDocumentReplaceVarsInList`: `&{` → `${`, refused under 2008-10-17.
fn replace_var(value: &str, version: &str) -> Option<String> {
    if version == OLD_VERSION && value.contains("&{") {
        return None;
    }
    Some(value.replace("&{", "${"))
}

fn replace_vars(strings: Strings, version: &str) -> Option<Strings> {
    Some(match strings {
        Strings::One(s) => Strings::One(replace_var(&s, version)?),
        Strings::Many(list) => Strings::Many(
            list.iter()
                .map(|s| replace_var(s, version))
                .collect::<Option<_>>()?,
        ),
    })
}

fn config_document(attributes: &Attributes) -> Option<Doc> {
    let version =
        optional_string(attributes, "version")?.unwrap_or_else(|| DEFAULT_VERSION.to_string());
    if version != DEFAULT_VERSION && version != OLD_VERSION {
        return None;
    }
    let id = optional_string(attributes, "policy_id")?.unwrap_or_default();
    let mut statements = Vec::new();
    let mut sids = BTreeSet::new();
    for block in blocks(attributes.get("statement"))? {
        let statement = config_statement(block, &version)?;
        if !statement.sid.is_empty() && !sids.insert(statement.sid.clone()) {
            return None;
        }
        statements.push(statement);
    }
    Some(Doc {
        version,
        id,
        statements,
    })
}

fn config_statement(block: &Attributes, version: &str) -> Option<Statement> {
    let sid = optional_string(block, "sid")?.unwrap_or_default();
    let effect = optional_string(block, "effect")?.unwrap_or_else(|| "Allow".to_string());
    if effect != "Allow" && effect != "Deny" {
        return None;
    }
    let actions = |key: &str| -> Option<Option<Out>> {
        let set = string_set(block.get(key))?;
        Some((!set.is_empty()).then(|| decode_strings(set).to_out()))
    };
    let resources = |key: &str| -> Option<Option<Out>> {
        let set = string_set(block.get(key))?;
        if set.is_empty() {
            return Some(None);
        }
        Some(Some(replace_vars(decode_strings(set), version)?.to_out()))
    };
    Some(Statement {
        sid,
        effect,
        action: actions("actions")?,
        not_action: actions("not_actions")?,
        resource: resources("resources")?,
        not_resource: resources("not_resources")?,
        principals: config_principals(block.get("principals"), version)?,
        not_principals: config_principals(block.get("not_principals"), version)?,
        conditions: config_conditions(block.get("condition"), version)?,
    })
}

/// `dataSourcePolicyDocumentMakePrincipals` over the set of blocks.
fn config_principals(value: Option<&Value>, version: &str) -> Option<Vec<Principal>> {
    let mut items = Vec::new();
    for block in blocks(value)? {
        let kind = required_string(block, "type")?;
        let identifiers = string_set(block.get("identifiers"))?;
        // Required; whether the SDK accepts an empty set is not worth guessing.
        if identifiers.is_empty() {
            return None;
        }
        items.push((kind, identifiers));
    }
    // SerializeResourceForHash: keys sorted, `identifiers` a set, `type` a string.
    let ordered = set_order(items, |(kind, identifiers)| {
        let members: String = identifiers.iter().map(|i| format!("{i};")).collect();
        format!("identifiers:{{{members}}};type:{kind};")
    });
    ordered
        .into_iter()
        .map(|(kind, identifiers)| {
            Some(Principal {
                kind,
                identifiers: replace_vars(decode_strings(identifiers), version)?,
            })
        })
        .collect()
}

/// `dataSourcePolicyDocumentMakeConditions` over the set of blocks.
fn config_conditions(value: Option<&Value>, version: &str) -> Option<Vec<Condition>> {
    let mut items = Vec::new();
    for block in blocks(value)? {
        let test = required_string(block, "test")?;
        let variable = required_string(block, "variable")?;
        let values = string_list(block.get("values"))?;
        // Required; whether the SDK accepts an empty list is not worth guessing.
        if values.is_empty() {
            return None;
        }
        items.push(Condition {
            test,
            variable,
            values,
        });
    }
    // SerializeResourceForHash: keys sorted, `values` a list.
    let ordered = set_order(items, |c| {
        let members: String = c.values.iter().map(|v| format!("{v};")).collect();
        format!(
            "test:{};values:({members});variable:{};",
            c.test, c.variable
        )
    });
    ordered
        .into_iter()
        .map(|c| {
            Some(Condition {
                values: c
                    .values
                    .iter()
                    .map(|v| replace_var(v, version))
                    .collect::<Option<_>>()?,
                ..c
            })
        })
        .collect()
}

// ---- source and override documents, as Go's json.Unmarshal reads them ----

const DOC_FIELDS: &[&str] = &["VERSION", "ID", "STATEMENT"];
const STATEMENT_FIELDS: &[&str] = &[
    "SID",
    "EFFECT",
    "ACTION",
    "NOTACTION",
    "RESOURCE",
    "NOTRESOURCE",
    "PRINCIPAL",
    "NOTPRINCIPAL",
    "CONDITION",
];

fn parse_document(text: &str) -> Option<Doc> {
    let mut doc = Doc::default();
    let map = match parse_policy(text)? {
        // Unmarshalling `null` leaves the document empty.
        serde_json::Value::Null => return Some(doc),
        serde_json::Value::Object(map) => map,
        _ => return None,
    };
    for (field, value) in go_fields(&map, DOC_FIELDS)? {
        match field {
            "VERSION" => {
                if let Some(version) = go_string(value)? {
                    doc.version = version;
                }
            }
            "ID" => {
                if let Some(id) = go_string(value)? {
                    doc.id = id;
                }
            }
            _ => {
                doc.statements = match value {
                    serde_json::Value::Null => Vec::new(),
                    serde_json::Value::Array(items) => {
                        items.iter().map(parse_statement).collect::<Option<_>>()?
                    }
                    _ => return None,
                }
            }
        }
    }
    Some(doc)
}

/// The struct fields an object's keys land in. Go matches keys case-insensitively; two keys
/// for one field (the last would win in Go) and the few non-ASCII keys Go folds onto ASCII
/// letters are refused rather than reproduced.
fn go_fields<'a>(
    map: &'a serde_json::Map<String, serde_json::Value>,
    fields: &[&'static str],
) -> Option<Vec<(&'static str, &'a serde_json::Value)>> {
    let mut found: Vec<(&'static str, &serde_json::Value)> = Vec::new();
    for (key, value) in map {
        if key
            .chars()
            .any(|c| matches!(c, '\u{17F}' | '\u{212A}' | '\u{130}' | '\u{131}'))
        {
            return None;
        }
        let folded = key.to_ascii_uppercase();
        if let Some(field) = fields.iter().find(|f| **f == folded) {
            if found.iter().any(|(f, _)| f == field) {
                return None;
            }
            found.push((field, value));
        }
    }
    Some(found)
}

/// A Go `string` field: null leaves it unset (`Some(None)`); other types fail.
fn go_string(value: &serde_json::Value) -> Option<Option<String>> {
    match value {
        serde_json::Value::Null => Some(None),
        serde_json::Value::String(s) => Some(Some(s.clone())),
        _ => None,
    }
}

fn parse_statement(value: &serde_json::Value) -> Option<Statement> {
    // A null statement is a nil pointer the provider dereferences.
    let serde_json::Value::Object(map) = value else {
        return None;
    };
    let mut statement = Statement::default();
    for (field, value) in go_fields(map, STATEMENT_FIELDS)? {
        match field {
            "SID" => {
                if let Some(sid) = go_string(value)? {
                    statement.sid = sid;
                }
            }
            "EFFECT" => {
                if let Some(effect) = go_string(value)? {
                    statement.effect = effect;
                }
            }
            "ACTION" => statement.action = go_any(value)?,
            "NOTACTION" => statement.not_action = go_any(value)?,
            "RESOURCE" => statement.resource = go_any(value)?,
            "NOTRESOURCE" => statement.not_resource = go_any(value)?,
            "PRINCIPAL" => statement.principals = parse_principals(value)?,
            "NOTPRINCIPAL" => statement.not_principals = parse_principals(value)?,
            _ => statement.conditions = parse_conditions(value)?,
        }
    }
    Some(statement)
}

/// An `interface{}` field: null is nil (omitted); anything else is re-marshalled as is.
fn go_any(value: &serde_json::Value) -> Option<Option<Out>> {
    match value {
        serde_json::Value::Null => Some(None),
        value => Some(Some(go_value(value)?)),
    }
}

/// A JSON value as Go re-marshals it (objects with sorted keys). Only integers are taken as
/// numbers: Go formats them as float64, exactly reproducible; fractions are refused.
fn go_value(value: &serde_json::Value) -> Option<Out> {
    Some(match value {
        serde_json::Value::Null => Out::Null,
        serde_json::Value::Bool(b) => Out::Bool(*b),
        serde_json::Value::Number(n) => {
            let float = if let Some(i) = n.as_i64() {
                i as f64
            } else {
                n.as_u64()? as f64
            };
            Out::Number(format!("{float}"))
        }
        serde_json::Value::String(s) => Out::Str(s.clone()),
        serde_json::Value::Array(items) => {
            Out::Array(items.iter().map(go_value).collect::<Option<_>>()?)
        }
        serde_json::Value::Object(map) => {
            let mut entries = map
                .iter()
                .map(|(k, v)| Some((k.clone(), go_value(v)?)))
                .collect::<Option<Vec<_>>>()?;
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Out::Object(entries)
        }
    })
}

/// `iamPolicyStatementPrincipalSet.UnmarshalJSON`.
fn parse_principals(value: &serde_json::Value) -> Option<Vec<Principal>> {
    match value {
        serde_json::Value::String(_) => Some(vec![Principal {
            kind: "*".to_string(),
            identifiers: Strings::Many(vec!["*".to_string()]),
        }]),
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(kind, identifiers)| {
                let identifiers = match identifiers {
                    serde_json::Value::String(s) => Strings::One(s.clone()),
                    serde_json::Value::Array(items) => {
                        let mut list = items
                            .iter()
                            .map(|i| i.as_str().map(str::to_string))
                            .collect::<Option<Vec<_>>>()?;
                        list.sort();
                        Strings::Many(list)
                    }
                    _ => return None,
                };
                Some(Principal {
                    kind: kind.clone(),
                    identifiers,
                })
            })
            .collect(),
        // null included: the provider's UnmarshalJSON rejects it.
        _ => None,
    }
}

/// `iamPolicyStatementConditionSet.UnmarshalJSON`.
fn parse_conditions(value: &serde_json::Value) -> Option<Vec<Condition>> {
    let tests = match value {
        serde_json::Value::Null => return Some(Vec::new()),
        serde_json::Value::Object(tests) => tests,
        _ => return None,
    };
    let mut conditions = Vec::new();
    for (test, variables) in tests {
        let variables = match variables {
            serde_json::Value::Null => continue,
            serde_json::Value::Object(variables) => variables,
            _ => return None,
        };
        for (variable, values) in variables {
            let values = match values {
                serde_json::Value::String(s) => vec![s.clone()],
                serde_json::Value::Bool(b) => vec![b.to_string()],
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|i| i.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()?,
                // Numbers, nulls and objects match no case and are dropped.
                _ => continue,
            };
            conditions.push(Condition {
                test: test.clone(),
                variable: variable.clone(),
                values,
            });
        }
    }
    Some(conditions)
}

// ---- json.MarshalIndent(doc, "", "  ") ----

fn write_indented(out: &Out, depth: usize, json: &mut String) {
    match out {
        Out::Null => json.push_str("null"),
        Out::Bool(b) => json.push_str(if *b { "true" } else { "false" }),
        Out::Number(n) => json.push_str(n),
        Out::Str(s) => write_string(s, json),
        Out::Array(items) if items.is_empty() => json.push_str("[]"),
        Out::Array(items) => {
            json.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    json.push(',');
                }
                newline(depth + 1, json);
                write_indented(item, depth + 1, json);
            }
            newline(depth, json);
            json.push(']');
        }
        Out::Object(fields) if fields.is_empty() => json.push_str("{}"),
        Out::Object(fields) => {
            json.push('{');
            for (i, (key, value)) in fields.iter().enumerate() {
                if i > 0 {
                    json.push(',');
                }
                newline(depth + 1, json);
                write_string(key, json);
                json.push_str(": ");
                write_indented(value, depth + 1, json);
            }
            newline(depth, json);
            json.push('}');
        }
    }
}

fn newline(depth: usize, json: &mut String) {
    json.push('\n');
    for _ in 0..depth {
        json.push_str("  ");
    }
}

/// Go's `encoding/json` string escaping with HTML escaping on (`<`, `>`, `&`, U+2028, U+2029
/// as `\u` escapes; `\b` and `\f` short forms as since Go 1.22).
fn write_string(s: &str, json: &mut String) {
    json.push('"');
    for c in s.chars() {
        match c {
            '"' => json.push_str("\\\""),
            '\\' => json.push_str("\\\\"),
            '\u{8}' => json.push_str("\\b"),
            '\u{c}' => json.push_str("\\f"),
            '\n' => json.push_str("\\n"),
            '\r' => json.push_str("\\r"),
            '\t' => json.push_str("\\t"),
            c if u32::from(c) < 0x20 || matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}') => {
                json.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => json.push(c),
        }
    }
    json.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render_json(config: serde_json::Value) -> Value {
        render(&Value::from_json(&config))
    }

    fn rendered(config: serde_json::Value) -> String {
        match render_json(config) {
            Value::String(json) => json,
            other => format!("not rendered: {other:?}"),
        }
    }

    /// The configuration with `Unknown` put at the JSON pointer `path`.
    fn with_unknown(config: serde_json::Value, path: &[&str]) -> Value {
        fn put(value: &mut Value, path: &[&str]) {
            let Some((first, rest)) = path.split_first() else {
                *value = Value::Unknown;
                return;
            };
            match value {
                Value::Object(map) => {
                    if let Some(inner) = map.get_mut(*first) {
                        put(inner, rest);
                    }
                }
                Value::List(items) => {
                    if let Some(inner) = first.parse::<usize>().ok().and_then(|i| items.get_mut(i))
                    {
                        put(inner, rest);
                    }
                }
                _ => {}
            }
        }
        let mut value = Value::from_json(&config);
        put(&mut value, path);
        value
    }

    #[test]
    fn crc32_matches_the_ieee_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn minimal_allow_statement() {
        let config = json!({"statement": [{"actions": ["s3:GetObject"], "resources": ["*"]}]});
        assert_eq!(
            rendered(config),
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    }
  ]
}"#
        );
    }

    #[test]
    fn default_effect_is_allow_and_explicit_deny_is_kept() {
        let config = json!({"statement": [
            {"actions": ["s3:GetObject"]},
            {"effect": "Deny", "actions": ["s3:DeleteObject"]},
            {"effect": null, "actions": ["s3:PutObject"]}
        ]});
        assert_eq!(
            rendered(config),
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject"
    },
    {
      "Effect": "Deny",
      "Action": "s3:DeleteObject"
    },
    {
      "Effect": "Allow",
      "Action": "s3:PutObject"
    }
  ]
}"#
        );
    }

    #[test]
    fn invalid_effect_or_version_is_not_rendered() {
        let effect = json!({"statement": [{"effect": "allow", "actions": ["s3:*"]}]});
        assert_eq!(render_json(effect), Value::Unknown);
        let version = json!({"version": "2020-01-01", "statement": [{"actions": ["s3:*"]}]});
        assert_eq!(render_json(version), Value::Unknown);
    }

    #[test]
    fn multiple_actions_are_deduplicated_and_reverse_sorted() {
        let config = json!({
            "policy_id": "example",
            "statement": [{
                "sid": "Read",
                "actions": ["s3:GetObject", "s3:ListBucket", "s3:GetObject", "s3:GetBucketLocation"],
                "resources": ["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"]
            }]
        });
        assert_eq!(
            rendered(config),
            r#"{
  "Version": "2012-10-17",
  "Id": "example",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": [
        "s3:ListBucket",
        "s3:GetObject",
        "s3:GetBucketLocation"
      ],
      "Resource": [
        "arn:aws:s3:::bucket/*",
        "arn:aws:s3:::bucket"
      ]
    }
  ]
}"#
        );
    }

    #[test]
    fn principals_aws_service_and_wildcard() {
        let config = json!({"statement": [
            {
                "actions": ["sts:AssumeRole"],
                "principals": [
                    {"type": "Service", "identifiers": ["ec2.amazonaws.com"]},
                    {"type": "AWS", "identifiers": ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"]}
                ]
            },
            {"actions": ["kinesis:*"], "principals": [{"type": "AWS", "identifiers": ["*"]}]},
            {"actions": ["firehose:*"], "principals": [{"type": "*", "identifiers": ["*"]}]}
        ]});
        assert_eq!(
            rendered(config),
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Principal": {
        "AWS": [
          "arn:aws:iam::222222222222:root",
          "arn:aws:iam::111111111111:root"
        ],
        "Service": "ec2.amazonaws.com"
      }
    },
    {
      "Effect": "Allow",
      "Action": "kinesis:*",
      "Principal": {
        "AWS": "*"
      }
    },
    {
      "Effect": "Allow",
      "Action": "firehose:*",
      "Principal": "*"
    }
  ]
}"#
        );
    }

    /// The provider's acceptance tests `statementPrincipalIdentifiers_stringAndSlice` and
    /// `_multiplePrincipals` (commercial and GovCloud partitions): blocks of one type concatenate
    /// in the SDK's set-hash order.
    #[test]
    fn principal_blocks_concatenate_in_set_hash_order() {
        let arn = |partition: &str, account: &str| format!("arn:{partition}:iam::{account}:root");
        let principals_json = |blocks: Vec<Vec<String>>| {
            let blocks: Vec<_> = blocks
                .into_iter()
                .map(|ids| json!({"type": "AWS", "identifiers": ids}))
                .collect();
            let config = json!({"statement": [{"actions": ["*"], "principals": blocks}]});
            let Value::String(text) = render_json(config) else {
                return Vec::new();
            };
            let parsed = parse_policy(&text).unwrap_or_default();
            parsed["Statement"][0]["Principal"]["AWS"]
                .as_array()
                .map(|ids| {
                    ids.iter()
                        .filter_map(|i| i.as_str())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default()
        };
        let a = |account: &str| arn("aws", account);
        assert_eq!(
            principals_json(vec![
                vec![a("111111111111")],
                vec![a("222222222222"), a("333333333333")]
            ]),
            vec![a("111111111111"), a("333333333333"), a("222222222222")]
        );
        assert_eq!(
            principals_json(vec![
                vec![a("111111111111"), a("222222222222")],
                vec![a("333333333333")],
                vec![a("444444444444")]
            ]),
            vec![
                a("333333333333"),
                a("444444444444"),
                a("222222222222"),
                a("111111111111")
            ]
        );
        let g = |account: &str| arn("aws-us-gov", account);
        assert_eq!(
            principals_json(vec![
                vec![g("111111111111"), g("222222222222")],
                vec![g("333333333333")],
                vec![g("444444444444")]
            ]),
            vec![
                g("333333333333"),
                g("222222222222"),
                g("111111111111"),
                g("444444444444")
            ]
        );
    }

    #[test]
    fn not_actions_not_resources_not_principals() {
        let config = json!({"statement": [{
            "effect": "Deny",
            "not_actions": ["iam:*", "s3:*"],
            "not_resources": ["arn:aws:s3:::bucket"],
            "not_principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111111111111:role/admin"]}]
        }]});
        assert_eq!(
            rendered(config),
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "NotAction": [
        "s3:*",
        "iam:*"
      ],
      "NotResource": "arn:aws:s3:::bucket",
      "NotPrincipal": {
        "AWS": "arn:aws:iam::111111111111:role/admin"
      }
    }
  ]
}"#
        );
    }

    #[test]
    fn conditions_keep_value_order_and_group_by_test() {
        let config = json!({"statement": [{
            "actions": ["s3:ListBucket"],
            "resources": ["arn:aws:s3:::bucket"],
            "condition": [
                {"test": "StringLike", "variable": "s3:prefix", "values": ["home/", "", "home/&{aws:username}/"]},
                {"test": "Bool", "variable": "aws:SecureTransport", "values": [true]},
                {"test": "StringLike", "variable": "aws:userid", "values": ["AIDA*"]}
            ]
        }]});
        assert_eq!(
            rendered(config),
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::bucket",
      "Condition": {
        "Bool": {
          "aws:SecureTransport": "true"
        },
        "StringLike": {
          "aws:userid": "AIDA*",
          "s3:prefix": [
            "home/",
            "",
            "home/${aws:username}/"
          ]
        }
      }
    }
  ]
}"#
        );
    }

    /// Two blocks with the same test and variable merge their values, in set-hash order
    /// (CRC-32 of `test:StringEquals;values:(blue;);variable:…;` sorts before red's).
    #[test]
    fn conditions_with_same_test_and_variable_merge() {
        let config = json!({"statement": [{
            "actions": ["s3:GetObject"],
            "condition": [
                {"test": "StringEquals", "variable": "aws:PrincipalTag/team", "values": ["red"]},
                {"test": "StringEquals", "variable": "aws:PrincipalTag/team", "values": ["blue"]}
            ]
        }]});
        assert_eq!(
            rendered(config),
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Condition": {
        "StringEquals": {
          "aws:PrincipalTag/team": [
            "blue",
            "red"
          ]
        }
      }
    }
  ]
}"#
        );
    }

    #[test]
    fn statement_sid_overrides_source_policy_documents() {
        let source = r#"{"Version":"2012-10-17","Statement":[
            {"Sid":"Shared","Effect":"Allow","Action":"s3:*","Resource":"*"},
            {"Effect":"Allow","Action":["ec2:Describe*"],"Resource":"*"},
            {"Sid":"Kept","Effect":"Deny","Action":"iam:*","Resource":"*"}]}"#;
        let config = json!({
            "source_policy_documents": [source],
            "statement": [
                {"sid": "Shared", "actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::bucket/*"]},
                {"sid": "Own", "actions": ["sqs:SendMessage"], "resources": ["*"]}
            ]
        });
        assert_eq!(
            rendered(config),
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Shared",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::bucket/*"
    },
    {
      "Effect": "Allow",
      "Action": [
        "ec2:Describe*"
      ],
      "Resource": "*"
    },
    {
      "Sid": "Kept",
      "Effect": "Deny",
      "Action": "iam:*",
      "Resource": "*"
    },
    {
      "Sid": "Own",
      "Effect": "Allow",
      "Action": "sqs:SendMessage",
      "Resource": "*"
    }
  ]
}"#
        );
    }

    #[test]
    fn duplicate_sids_are_provider_errors() {
        let own = json!({"statement": [
            {"sid": "A", "actions": ["s3:*"]},
            {"sid": "A", "actions": ["ec2:*"]}
        ]});
        assert_eq!(render_json(own), Value::Unknown);
        let a = r#"{"Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:*"}]}"#;
        let b = r#"{"Statement":[{"Sid":"A","Effect":"Allow","Action":"ec2:*"}]}"#;
        let sources = json!({"source_policy_documents": [a, b]});
        assert_eq!(render_json(sources), Value::Unknown);
        // Blank Sids never clash.
        let blank = json!({"statement": [
            {"sid": "", "actions": ["s3:*"]},
            {"sid": "", "actions": ["ec2:*"]}
        ]});
        assert!(matches!(render_json(blank), Value::String(_)));
    }

    /// The provider's `overrideList` acceptance test: matching Sids replace in place, others append.
    #[test]
    fn override_policy_documents_replace_by_sid_and_append() {
        let a = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"foo:ActionOne"},{"Sid":"overrideSid","Effect":"Allow","Action":"bar:ActionOne"}]}"#;
        let b = r#"{"Version":"2012-10-17","Statement":[{"Sid":"validSid","Effect":"Deny","Action":"foo:ActionTwo"}]}"#;
        let c = r#"{"Version":"2012-10-17","Id":"overridden","Statement":[{"Sid":"overrideSid","Effect":"Deny","Action":"bar:ActionOne"}]}"#;
        let config = json!({
            "version": "2012-10-17",
            "policy_id": "mine",
            "override_policy_documents": [a, null, b, c]
        });
        assert_eq!(
            rendered(config),
            r#"{
  "Version": "2012-10-17",
  "Id": "overridden",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "foo:ActionOne"
    },
    {
      "Sid": "overrideSid",
      "Effect": "Deny",
      "Action": "bar:ActionOne"
    },
    {
      "Sid": "validSid",
      "Effect": "Deny",
      "Action": "foo:ActionTwo"
    }
  ]
}"#
        );
    }

    #[test]
    fn source_documents_are_normalised_as_the_provider_unmarshals_them() {
        let source = r#"{"version":"2008-10-17","statement":[{
            "sid":"Src","effect":"Allow","action":"s3:GetObject","resource":{"b":1,"a":[true,null]},
            "principal":{"AWS":["arn:aws:iam::111111111111:root","arn:aws:iam::222222222222:root"],"Service":["ec2.amazonaws.com"]},
            "condition":{"Bool":{"aws:SecureTransport":false},"StringEquals":{"aws:x":["one"],"aws:n":5}}
        },{"Effect":"Allow","Principal":"anything","Action":"sts:AssumeRole"}]}"#;
        let config = json!({"source_policy_documents": [source]});
        assert_eq!(
            rendered(config),
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Src",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": {
        "a": [
          true,
          null
        ],
        "b": 1
      },
      "Principal": {
        "AWS": [
          "arn:aws:iam::222222222222:root",
          "arn:aws:iam::111111111111:root"
        ],
        "Service": [
          "ec2.amazonaws.com"
        ]
      },
      "Condition": {
        "Bool": {
          "aws:SecureTransport": "false"
        },
        "StringEquals": {
          "aws:x": "one"
        }
      }
    },
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Principal": "*"
    }
  ]
}"#
        );
    }

    #[test]
    fn unparseable_source_documents_are_not_rendered() {
        for bad in [
            "not json",
            r#"[1]"#,
            r#"{"Statement":{"Effect":"Allow"}}"#,
            r#"{"Statement":[null]}"#,
            r#"{"Statement":[{"Principal":null}]}"#,
            r#"{"Statement":[{"Sid":"a","sid":"b"}]}"#,
            r#"{"Statement":[{"Action":1.5}]}"#,
        ] {
            let config = json!({"source_policy_documents": [bad]});
            assert_eq!(render_json(config), Value::Unknown, "{bad}");
        }
    }

    #[test]
    fn unknown_inputs_are_not_rendered() {
        let config = json!({"statement": [{
            "actions": ["sts:AssumeRole"],
            "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111111111111:root", "x"]}]
        }]});
        for path in [
            &["statement", "0", "principals", "0", "identifiers", "1"][..],
            &["statement", "0", "principals", "0", "type"][..],
            &["statement", "0", "actions"][..],
            &["statement"][..],
        ] {
            assert_eq!(
                render(&with_unknown(config.clone(), path)),
                Value::Unknown,
                "{path:?}"
            );
        }
        let source =
            json!({"source_policy_documents": ["{}"], "statement": [{"actions": ["s3:*"]}]});
        assert!(matches!(render_json(source.clone()), Value::String(_)));
        assert_eq!(
            render(&with_unknown(source, &["source_policy_documents", "0"])),
            Value::Unknown
        );
    }

    #[test]
    fn template_variables_and_version_2008() {
        let config = json!({"statement": [{
            "actions": ["s3:*"],
            "resources": ["arn:aws:s3:::bucket/home/&{aws:username}"]
        }]});
        assert_eq!(
            rendered(config.clone()),
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": "arn:aws:s3:::bucket/home/${aws:username}"
    }
  ]
}"#
        );
        let mut old = config;
        old["version"] = json!("2008-10-17");
        assert_eq!(render_json(old), Value::Unknown);
    }

    #[test]
    fn strings_are_escaped_as_go_does() {
        let config = json!({"statement": [{
            "actions": ["s3:GetObject"],
            "condition": [{"test": "StringLike", "variable": "s3:prefix", "values": ["a&b<c>\"d\\\n"]}]
        }]});
        assert_eq!(
            rendered(config),
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Condition": {
        "StringLike": {
          "s3:prefix": "a\u0026b\u003cc\u003e\"d\\\n"
        }
      }
    }
  ]
}"#
        );
    }

    #[test]
    fn no_statements_renders_version_only() {
        assert_eq!(rendered(json!({})), "{\n  \"Version\": \"2012-10-17\"\n}");
        assert_eq!(render_json(json!({"source_json": "{}"})), Value::Unknown);
    }
}
