//! The Rego engine: every rule and helper module parsed and compiled once per process,
//! warmed once, then cloned per rayon worker (a clone of a prepared regorus engine costs
//! about half a microsecond).
//!
//! Each rule is evaluated on its own (`eval_rule` on `data.<package>.deny`) so an error or a
//! timeout is attributed to that rule. Only rules whose `targets` include the document's kind
//! run. `http.send` and other network built-ins are not compiled in (regorus `http` feature
//! off), so a rule can never make a request.

mod builtins;
mod recursion;

use std::num::NonZeroU32;
use std::time::Duration;

use regorus::Value;
use regorus::utils::limits::ExecutionTimerConfig;

use crate::diagnostic::{Code, Diagnostic};
use crate::ir::{AttrPath, Document, PathSegment};
use crate::rules::{Rule, RuleSet};

/// Default wall-clock limit for one rule on one document.
pub const DEFAULT_RULE_TIMEOUT: Duration = Duration::from_secs(10);
/// Shortest and longest `--rule-timeout` accepted, in seconds.
pub const MIN_RULE_TIMEOUT: f64 = 0.001;
pub const MAX_RULE_TIMEOUT: f64 = 3600.0;

/// One `deny` result, before it is located in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Index of the rule in [`Engine::rules`].
    pub rule: usize,
    pub resource: String,
    pub path: AttrPath,
    pub message: String,
    /// Optional `file` (scan-scope rules use it to tell apart resources of equal address).
    pub file: Option<String>,
    /// Optional `severity` of this finding, when it differs from the rule's (LP016: a hostPath
    /// of `/` is critical where other hostPaths are high).
    pub severity: Option<crate::rules::Severity>,
    /// An `undecided` result: the rule's condition hinges on a value unknown statically, so
    /// it neither fired nor passed (`message` says why).
    pub undecided: bool,
    /// A secret the finding is about (HY001): reporters never print it, and redact it where
    /// they show source text.
    pub secret: Option<String>,
}

/// Prepared policies plus the rules they implement.
#[derive(Clone)]
pub struct Engine {
    rego: regorus::Engine,
    rules: Vec<Rule>,
    /// How long one rule may run on one document (`--rule-timeout`).
    timeout: Duration,
    /// Batch rules compiled for a set of rules (see [`Engine::prepare_batches`]): the rule
    /// indices and the path of the Rego rule that evaluates them all.
    batches: Vec<(Vec<usize>, String)>,
}

/// The package of the generated batch rules.
const BATCH_PACKAGE: &str = "tenet.internal.batch";

impl Engine {
    /// Makes `config` (settings from tenet.toml that rules read) available to rules as
    /// `data.tenet.config`.
    pub fn set_config(&mut self, config: serde_json::Value) -> Result<(), Diagnostic> {
        let data = serde_json::json!({ "tenet": { "config": config } });
        self.rego
            .add_data_json(&data.to_string())
            .map_err(|e| Diagnostic::error(Code::Rule, "<config>", e.to_string()))
    }

    /// Loads and compiles every rule and library of `set`, then warms the engine by evaluating
    /// each rule once on an empty document so that load-time problems (syntax errors, unknown
    /// functions) surface now, as rule errors, not halfway through a scan.
    pub fn new(set: &RuleSet, timeout: Duration) -> Result<Engine, Vec<Diagnostic>> {
        // `print()` output goes to stderr: a debugging aid for rule authors.
        let mut rego = regorus::Engine::new();
        let mut errors = Vec::new();
        for library in &set.libraries {
            let added = check_number_literals(&library.source)
                .and_then(|()| rego.add_policy(library.path.clone(), library.source.clone()));
            if let Err(e) = added {
                errors.push(Diagnostic::error(
                    Code::Rule,
                    library.path.as_str(),
                    e.to_string(),
                ));
            }
        }
        for rule in &set.rules {
            let added = check_number_literals(&rule.source)
                .and_then(|()| rego.add_policy(rule.path.clone(), rule.source.clone()));
            if let Err(e) = added {
                errors.push(
                    Diagnostic::error(Code::Rule, rule.path.as_str(), e.to_string())
                        .for_rule(rule.meta.id.as_str()),
                );
            }
        }
        if let Err(e) = builtins::register(&mut rego) {
            errors.push(Diagnostic::error(Code::Rule, "<engine>", e.to_string()));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        if let Err(error) = reject_recursion(&mut rego, &set.rules) {
            return Err(vec![error]);
        }
        if let Some(check_interval) = NonZeroU32::new(1000) {
            rego.set_execution_timer_config(ExecutionTimerConfig {
                limit: timeout,
                check_interval,
            });
        }
        let mut engine = Engine {
            rego,
            rules: set.rules.clone(),
            timeout,
            batches: Vec::new(),
        };
        // Built-in rules are proven to load and run by the test suite (tests/rules.rs runs
        // each on its fixtures); warming them here would only add start-up time.
        for (index, rule) in set.rules.iter().enumerate().filter(|(_, r)| !r.builtin) {
            for kind in rule.meta.targets.clone() {
                let empty = Document::new(kind, String::new(), Vec::new());
                if let Err(e) = engine.evaluate_rule(index, &empty) {
                    errors.push(e);
                    break;
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(engine)
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Compiles one Rego rule per set of rules in `sets` (the rules that apply to one input
    /// kind) that evaluates all of them, and prepares the engine, before it is cloned per
    /// worker. A batch evaluated as a compiled rule skips what a query costs on every call
    /// (parsing it and indexing every rule of every policy), which dominated the time of small
    /// documents. Sets of one rule, or sets that fail to compile, keep the query path.
    pub fn prepare_batches(&mut self, sets: &[Vec<usize>]) {
        let mut source = format!("package {BATCH_PACKAGE}\n\nimport rego.v1\n");
        let mut batches = Vec::new();
        for set in sets.iter().filter(|set| set.len() > 1) {
            if batches.iter().any(|(known, _)| known == set) {
                continue;
            }
            let name = format!("b{}", batches.len());
            source.push_str(&format!("\n{name} := [\n"));
            for &index in set {
                let Some(rule) = self.rules.get(index) else {
                    return;
                };
                source.push_str(&format!(
                    "\t[{{x | some x in {}}}, {{x | some x in {}}}],\n",
                    rule.deny_entry_point(),
                    rule.undecided_entry_point()
                ));
            }
            source.push_str("]\n");
            batches.push((set.clone(), format!("data.{BATCH_PACKAGE}.{name}")));
        }
        let Some((_, first)) = batches.first() else {
            return;
        };
        let first = first.clone();
        let mut rego = self.rego.clone();
        if rego.add_policy("<batch>".to_string(), source).is_err() {
            return;
        }
        // Prepare now (the analysis of every policy), so that no worker repeats it.
        rego.set_input(Value::new_object());
        if rego.eval_rule(first).is_err() {
            return;
        }
        self.rego = rego;
        self.batches = batches;
    }

    /// Evaluates the given rules (indices into [`Engine::rules`]) that target `document`'s
    /// kind. Rule errors come back as diagnostics; the other rules still run.
    pub fn evaluate(
        &mut self,
        document: &Document,
        rules: &[usize],
    ) -> (Vec<Violation>, Vec<Diagnostic>) {
        let mut violations = Vec::new();
        let mut diagnostics = Vec::new();
        let applicable: Vec<usize> = rules
            .iter()
            .copied()
            .filter(|&i| {
                self.rules
                    .get(i)
                    .is_some_and(|r| r.applies_to(document.kind))
            })
            .collect();
        if applicable.is_empty() {
            return (violations, diagnostics);
        }
        match input_value(document) {
            Ok(input) => self.rego.set_input(input),
            Err(e) => {
                let message = format!("cannot build the rule input: {e}");
                diagnostics.push(Diagnostic::error(
                    Code::Limit,
                    document.path.as_str(),
                    message,
                ));
                return (violations, diagnostics);
            }
        }
        // All applicable rules in one query, so that helpers several rules share (the pods
        // and containers of a manifest, network rules, IAM policy documents) are computed once
        // per document. Any error or time-out in the batch falls back to one query per rule,
        // which names the rule at fault and keeps the others' findings.
        if applicable.len() > 1
            && let Some(batch) = self.eval_batch(&applicable)
        {
            for (index, (deny, undecided)) in applicable.iter().zip(batch) {
                let found = self
                    .violations_of(*index, &deny, false)
                    .and_then(|mut found| {
                        found.append(&mut self.violations_of(*index, &undecided, true)?);
                        Ok(found)
                    });
                match found {
                    Ok(mut found) => violations.append(&mut found),
                    Err(e) => diagnostics.push(e),
                }
            }
            return (violations, diagnostics);
        }
        for index in applicable {
            match self.eval_loaded(index, document) {
                Ok(mut found) => violations.append(&mut found),
                Err(e) => diagnostics.push(e),
            }
        }
        (violations, diagnostics)
    }

    /// The `deny` and `undecided` sets of each rule of `indices`, from one query against the
    /// input already set; `None` if the query fails (then each rule is evaluated on its own).
    fn eval_batch(&mut self, indices: &[usize]) -> Option<Vec<(Value, Value)>> {
        if let Some((_, path)) = self.batches.iter().find(|(set, _)| set == indices) {
            let path = path.clone();
            return self.eval_compiled_batch(&path, indices.len());
        }
        let mut query = String::new();
        for (n, &index) in indices.iter().enumerate() {
            let rule = self.rules.get(index)?;
            // One statement per line: regorus refuses lines over 1,024 columns.
            if n > 0 {
                query.push('\n');
            }
            // A comprehension is defined even when `deny` (or `undecided`) is not.
            query.push_str(&format!(
                "r{n} := {{x | some x in {}}}; u{n} := {{x | some x in {}}}",
                rule.deny_entry_point(),
                rule.undecided_entry_point()
            ));
        }
        // The batch may take as long as its rules together; each keeps its own limit when the
        // batch falls back to one query per rule.
        self.set_time_limit(
            self.timeout
                .saturating_mul(u32::try_from(indices.len()).unwrap_or(u32::MAX)),
        );
        let results = self.rego.eval_query(query, false);
        self.set_time_limit(self.timeout);
        let results = results.ok()?;
        let [result] = results.result.as_slice() else {
            return None;
        };
        (0..indices.len())
            .map(|n| {
                let deny = result.bindings[&Value::from(format!("r{n}"))].clone();
                let undecided = result.bindings[&Value::from(format!("u{n}"))].clone();
                (deny != Value::Undefined && undecided != Value::Undefined)
                    .then_some((deny, undecided))
            })
            .collect()
    }

    /// A compiled batch rule's value: one `[deny, undecided]` pair per rule.
    fn eval_compiled_batch(&mut self, path: &str, rules: usize) -> Option<Vec<(Value, Value)>> {
        self.set_time_limit(
            self.timeout
                .saturating_mul(u32::try_from(rules).unwrap_or(u32::MAX)),
        );
        let result = self.rego.eval_rule(path.to_string());
        self.set_time_limit(self.timeout);
        let Ok(Value::Array(pairs)) = result else {
            return None;
        };
        let pairs: Vec<(Value, Value)> = pairs
            .iter()
            .map(|pair| match pair {
                Value::Array(both) => match both.as_slice() {
                    [deny, undecided] => Some((deny.clone(), undecided.clone())),
                    _ => None,
                },
                _ => None,
            })
            .collect::<Option<_>>()?;
        (pairs.len() == rules).then_some(pairs)
    }

    /// Runs Rego `test_*` rules of a package; returns (name, passed or the error).
    pub fn run_rego_test(&mut self, package: &str, name: &str) -> Result<bool, String> {
        self.rego.set_input(Value::new_object());
        match self.rego.eval_rule(format!("data.{package}.{name}")) {
            Ok(Value::Bool(b)) => Ok(b),
            Ok(Value::Undefined) => Ok(false),
            Ok(other) => Ok(other != Value::Bool(false) && other != Value::Null),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Adds a Rego module (a `_test.rego` file) after loading; for `tenet rules test`.
    pub fn add_module(&mut self, path: &str, source: &str) -> anyhow::Result<()> {
        check_number_literals(source)?;
        self.rego.add_policy(path.to_string(), source.to_string())?;
        reject_recursion(&mut self.rego, &self.rules).map_err(|d| anyhow::anyhow!(d.message))
    }

    fn evaluate_rule(
        &mut self,
        index: usize,
        document: &Document,
    ) -> Result<Vec<Violation>, Diagnostic> {
        let input = input_value(document).map_err(|e| self.rule_error(index, &e.to_string()))?;
        self.rego.set_input(input);
        self.eval_loaded(index, document)
    }

    /// Evaluates one rule against the input already set.
    fn eval_loaded(
        &mut self,
        index: usize,
        document: &Document,
    ) -> Result<Vec<Violation>, Diagnostic> {
        let Some(rule) = self.rules.get(index) else {
            return Ok(Vec::new());
        };
        let query = format!(
            "deny := {{x | some x in {}}}; undecided := {{x | some x in {}}}",
            rule.deny_entry_point(),
            rule.undecided_entry_point()
        );
        let result = self.rego.eval_query(query, false);
        let results = result.map_err(|e| {
            let message = e.to_string();
            let message = if message.contains("execution exceeded time limit")
                || message.contains("time limit")
            {
                format!(
                    "stopped: exceeded its time limit on {} ({message})",
                    if document.path.is_empty() {
                        "<warm-up>"
                    } else {
                        &document.path
                    }
                )
            } else {
                message
            };
            self.rule_error(index, &message)
        })?;
        let binding = |name: &str| {
            results
                .result
                .first()
                .map_or(Value::Undefined, |r| r.bindings[&Value::from(name)].clone())
        };
        let mut found = self.violations_of(index, &binding("deny"), false)?;
        found.append(&mut self.violations_of(index, &binding("undecided"), true)?);
        Ok(found)
    }

    fn set_time_limit(&mut self, limit: Duration) {
        if let Some(check_interval) = NonZeroU32::new(1000) {
            self.rego.set_execution_timer_config(ExecutionTimerConfig {
                limit,
                check_interval,
            });
        }
    }

    /// The violations in the `deny` (or, when `undecided`, the `undecided`) value of rule
    /// `index`.
    fn violations_of(
        &self,
        index: usize,
        value: &Value,
        undecided: bool,
    ) -> Result<Vec<Violation>, Diagnostic> {
        let items: Vec<Value> = match value {
            Value::Undefined => return Ok(Vec::new()),
            Value::Set(set) => set.iter().cloned().collect(),
            _ => {
                let name = if undecided { "undecided" } else { "deny" };
                return Err(self.rule_error(
                    index,
                    &format!("`{name}` must be a set (`{name} contains {{...}} if {{...}}`)"),
                ));
            }
        };
        items
            .iter()
            .map(|item| {
                parse_violation(index, item, undecided).map_err(|m| self.rule_error(index, &m))
            })
            .collect()
    }

    fn rule_error(&self, index: usize, message: &str) -> Diagnostic {
        match self.rules.get(index) {
            Some(rule) => Diagnostic::error(Code::Rule, rule.path.as_str(), message)
                .for_rule(rule.meta.id.as_str()),
            None => Diagnostic::error(Code::Rule, "<engine>", message),
        }
    }
}

/// Recursive rules and functions are rejected when they load, as OPA rejects them: regorus
/// would recurse until the stack overflows (an abort no thread can survive).
fn reject_recursion(rego: &mut regorus::Engine, rules: &[Rule]) -> Result<(), Diagnostic> {
    let cycle = recursion::find_cycle(rego.get_modules())
        .map_err(|e| Diagnostic::error(Code::Rule, "<engine>", e.to_string()))?;
    let Some(cycle) = cycle else {
        return Ok(());
    };
    let message = format!(
        "recursion is not allowed in rules (as in OPA): {}",
        cycle.join(" -> ")
    );
    // Name the rule whose package the cycle starts in, when it is one of ours.
    let first = cycle.first().map(String::as_str).unwrap_or_default();
    let owner = rules
        .iter()
        .find(|r| first.starts_with(&format!("data.{}.", r.package)));
    Err(match owner {
        Some(rule) => Diagnostic::error(Code::Rule, rule.path.as_str(), message)
            .for_rule(rule.meta.id.as_str()),
        None => Diagnostic::error(Code::Rule, "<rules>", message),
    })
}

/// Number literals with huge exponents (`1e2000000000`) make regorus's big-number parser run
/// for minutes: refused before a policy is parsed. Strings and comments are skipped.
pub fn check_number_literals(source: &str) -> anyhow::Result<()> {
    let bytes = source.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'#' => {
                i += bytes
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|&&c| c != b'\n')
                    .count();
            }
            b'"' => {
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    i += if c == b'\\' { 2 } else { 1 };
                    if c == b'"' || c == b'\n' {
                        break;
                    }
                }
            }
            b'`' => {
                i += 1
                    + bytes
                        .get(i + 1..)
                        .unwrap_or_default()
                        .iter()
                        .take_while(|&&c| c != b'`')
                        .count()
                    + 1;
            }
            b'0'..=b'9' => {
                let identifier_before = i > 0
                    && bytes
                        .get(i - 1)
                        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
                let mut j = i;
                while bytes
                    .get(j)
                    .is_some_and(|c| c.is_ascii_digit() || *c == b'.')
                {
                    j += 1;
                }
                if !identifier_before && matches!(bytes.get(j), Some(b'e' | b'E')) {
                    j += 1;
                    if matches!(bytes.get(j), Some(b'+' | b'-')) {
                        j += 1;
                    }
                    let digits = bytes
                        .get(j..)
                        .unwrap_or_default()
                        .iter()
                        .take_while(|c| c.is_ascii_digit())
                        .count();
                    if digits > 4 {
                        anyhow::bail!(
                            "a number literal with an exponent over 9999 is not supported"
                        );
                    }
                    j += digits;
                }
                i = j.max(i + 1);
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                i += bytes
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
                    .count();
            }
            _ => i += 1,
        }
    }
    Ok(())
}

#[cfg(test)]
#[test]
fn huge_exponents_are_refused_outside_strings_and_comments() {
    assert!(check_number_literals("x := 1e20000000\n").is_err());
    assert!(check_number_literals("x := 2.5E+99999\n").is_err());
    assert!(check_number_literals("x := 1e300 # 1e20000000\ny := \"9e123456\"\nz := `5e99999`\nsha := \"d41e123456\"\nv1e123456 := 1\n").is_ok());
}

/// Deepest rule input accepted (parsers keep documents far shallower: 200 levels of YAML).
pub const MAX_INPUT_DEPTH: usize = 512;

/// The rule input, converted without a text round trip (whose parser stops at 128 levels).
fn input_value(document: &Document) -> anyhow::Result<Value> {
    let json = document.to_input()?;
    let depth = json_depth(&json);
    if depth > MAX_INPUT_DEPTH {
        anyhow::bail!(
            "the document nests {depth} levels deep, over the {MAX_INPUT_DEPTH}-level limit; not checked"
        );
    }
    Ok(Value::from(json))
}

/// Nesting depth of a JSON value, without recursion.
fn json_depth(value: &serde_json::Value) -> usize {
    let mut deepest = 0;
    let mut pending = vec![(value, 1)];
    while let Some((value, depth)) = pending.pop() {
        deepest = deepest.max(depth);
        match value {
            serde_json::Value::Array(items) => pending.extend(items.iter().map(|v| (v, depth + 1))),
            serde_json::Value::Object(map) => pending.extend(map.values().map(|v| (v, depth + 1))),
            _ => {}
        }
    }
    deepest
}

/// A deny result must be an object with `resource` (string), `path` (array of keys and
/// indices) and `message` (string); `file` is optional.
fn parse_violation(rule: usize, item: &Value, undecided: bool) -> Result<Violation, String> {
    let json = serde_json::to_value(item).map_err(|e| e.to_string())?;
    let kind = if undecided { "an undecided" } else { "a deny" };
    let shape = || {
        format!(
            "{kind} result must be {{\"resource\": string, \"path\": [keys and indices], \"message\": string}}, got {json}"
        )
    };
    let object = json.as_object().ok_or_else(shape)?;
    let resource = object
        .get("resource")
        .and_then(|v| v.as_str())
        .ok_or_else(shape)?;
    let message = object
        .get("message")
        .and_then(|v| v.as_str())
        .ok_or_else(shape)?;
    let path = object
        .get("path")
        .and_then(|v| v.as_array())
        .ok_or_else(shape)?
        .iter()
        .map(|segment| match segment {
            serde_json::Value::String(key) => Some(PathSegment::Key(key.clone())),
            serde_json::Value::Number(n) => n
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .map(PathSegment::Index),
            _ => None,
        })
        .collect::<Option<AttrPath>>()
        .ok_or_else(shape)?;
    let fields: &[&str] = if undecided {
        &["resource", "path", "message", "file"]
    } else {
        &["resource", "path", "message", "file", "severity", "secret"]
    };
    if let Some(extra) = object.keys().find(|k| !fields.contains(&k.as_str())) {
        return Err(format!("{kind} result has an unknown field `{extra}`"));
    }
    let secret = match object.get("secret") {
        None => None,
        Some(serde_json::Value::String(secret)) => Some(secret.clone()),
        Some(_) => return Err(format!("{kind} result's `secret` must be a string")),
    };
    let severity = match object.get("severity") {
        None => None,
        Some(value) => Some(
            serde_json::from_value::<crate::rules::Severity>(value.clone()).map_err(|_| {
                format!(
                    "a deny result's `severity` must be \"low\", \"medium\", \"high\" or \"critical\", got {value}"
                )
            })?,
        ),
    };
    Ok(Violation {
        rule,
        resource: resource.to_string(),
        path,
        message: message.to_string(),
        file: object
            .get("file")
            .and_then(|v| v.as_str())
            .map(str::to_string),
        severity,
        undecided,
        secret,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine_with(policy: &str) -> regorus::Engine {
        let mut rego = regorus::Engine::new();
        builtins::register(&mut rego).unwrap();
        rego.add_policy("t.rego".into(), policy.into()).unwrap();
        rego
    }

    #[test]
    fn cidr_extensions_behave_like_opa() {
        let mut rego = engine_with(
            "package t\n\
             a := net.cidr_intersects(\"10.0.0.0/8\", \"10.1.0.0/16\")\n\
             b := net.cidr_intersects(\"10.0.0.0/8\", \"192.168.0.0/16\")\n\
             c := net.cidr_overlap(\"0.0.0.0/0\", \"1.2.3.4\")\n\
             d := net.cidr_merge([\"10.0.0.0/24\", \"10.0.1.0/24\", \"::/0\"])\n",
        );
        let result = rego.eval_rule("data.t.a".into()).unwrap();
        assert_eq!(result, Value::from(true));
        assert_eq!(
            rego.eval_rule("data.t.b".into()).unwrap(),
            Value::from(false)
        );
        assert_eq!(
            rego.eval_rule("data.t.c".into()).unwrap(),
            Value::from(true)
        );
        let merged = serde_json::to_value(rego.eval_rule("data.t.d".into()).unwrap()).unwrap();
        assert_eq!(merged, serde_json::json!(["10.0.0.0/23", "::/0"]));
    }

    #[test]
    fn network_builtins_are_unavailable() {
        let mut rego = engine_with(
            "package t\nx := http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1\"})\n",
        );
        assert!(rego.eval_rule("data.t.x".into()).is_err());
    }

    #[test]
    fn rules_of_a_document_run_in_one_query_with_the_per_rule_results() {
        let set = RuleSet::builtin().unwrap();
        let mut engine = Engine::new(&set, DEFAULT_RULE_TIMEOUT).unwrap();
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n";
        let file = std::sync::Arc::new(crate::source::SourceFile::new("p.yaml", text));
        let document = crate::parse::kubernetes::parse(file).unwrap();
        let index = |id: &str| set.rules.iter().position(|r| r.meta.id == id).unwrap();
        let (lp011, zt012) = (index("LP011"), index("ZT012"));
        engine.rego.set_input(input_value(&document).unwrap());
        // The batch is taken (not the per-rule fallback), and each rule keeps its own result.
        let batch = engine.eval_batch(&[lp011, zt012]).unwrap();
        assert_eq!(
            engine
                .violations_of(lp011, &batch[0].0, false)
                .unwrap()
                .len(),
            1
        );
        assert!(
            engine
                .violations_of(zt012, &batch[1].0, false)
                .unwrap()
                .is_empty()
        );
        // Every built-in rule at once: the query stays within regorus's limits.
        let every: Vec<usize> = (0..set.rules.len()).collect();
        assert!(engine.eval_batch(&every).is_some());
        // The same batch compiled as a rule gives the same results.
        let by_query = engine.eval_batch(&[lp011, zt012]).unwrap();
        engine.prepare_batches(&[vec![lp011, zt012]]);
        assert_eq!(engine.batches.len(), 1);
        engine.rego.set_input(input_value(&document).unwrap());
        assert_eq!(engine.eval_batch(&[lp011, zt012]).unwrap(), by_query);
        let (together, errors) = engine.evaluate(&document, &[lp011, zt012]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(together.len(), 1);
        assert_eq!(together[0].rule, lp011);
    }

    #[test]
    fn deny_results_must_have_resource_path_and_message() {
        let good =
            Value::from_json_str(r#"{"resource": "Pod/x", "path": ["spec", 0], "message": "m"}"#)
                .unwrap();
        let violation = parse_violation(0, &good, false).unwrap();
        assert_eq!(
            violation.path,
            vec![PathSegment::Key("spec".into()), PathSegment::Index(0)]
        );
        let missing = Value::from_json_str(r#"{"resource": "Pod/x", "message": "m"}"#).unwrap();
        assert!(
            parse_violation(0, &missing, false)
                .unwrap_err()
                .contains("a deny result must be")
        );
        let typo =
            Value::from_json_str(r#"{"resource": "r", "path": [], "message": "m", "msg": "x"}"#)
                .unwrap();
        assert!(
            parse_violation(0, &typo, false)
                .unwrap_err()
                .contains("unknown field `msg`")
        );
        let severe = Value::from_json_str(
            r#"{"resource": "r", "path": [], "message": "m", "severity": "critical"}"#,
        )
        .unwrap();
        assert_eq!(
            parse_violation(0, &severe, false).unwrap().severity,
            Some(crate::rules::Severity::Critical)
        );
        let bad = Value::from_json_str(
            r#"{"resource": "r", "path": [], "message": "m", "severity": "urgent"}"#,
        )
        .unwrap();
        assert!(
            parse_violation(0, &bad, false)
                .unwrap_err()
                .contains("`severity` must be")
        );
    }
}
