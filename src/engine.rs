//! The Rego engine: every rule and helper module parsed and compiled once per process,
//! warmed once, then cloned per rayon worker (a clone of a prepared regorus engine costs
//! about half a microsecond).
//!
//! Each rule is evaluated on its own (`eval_rule` on `data.<package>.deny`) so an error or a
//! timeout is attributed to that rule. Only rules whose `targets` include the document's kind
//! run. `http.send` and other network built-ins are not compiled in (regorus `http` feature
//! off), so a rule can never make a request.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use anyhow::anyhow;
use ipnet::IpNet;
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
}

/// Prepared policies plus the rules they implement.
#[derive(Clone)]
pub struct Engine {
    rego: regorus::Engine,
    rules: Vec<Rule>,
}

impl Engine {
    /// Loads and compiles every rule and library of `set`, then warms the engine by evaluating
    /// each rule once on an empty document so that load-time problems (syntax errors, unknown
    /// functions) surface now, as rule errors, not halfway through a scan.
    pub fn new(set: &RuleSet, timeout: Duration) -> Result<Engine, Vec<Diagnostic>> {
        // `print()` output goes to stderr: a debugging aid for rule authors.
        let mut rego = regorus::Engine::new();
        let mut errors = Vec::new();
        for library in &set.libraries {
            if let Err(e) = rego.add_policy(library.path.clone(), library.source.clone()) {
                errors.push(Diagnostic::error(
                    Code::Rule,
                    library.path.as_str(),
                    e.to_string(),
                ));
            }
        }
        for rule in &set.rules {
            if let Err(e) = rego.add_policy(rule.path.clone(), rule.source.clone()) {
                errors.push(
                    Diagnostic::error(Code::Rule, rule.path.as_str(), e.to_string())
                        .for_rule(rule.meta.id.as_str()),
                );
            }
        }
        if let Err(e) = register_extensions(&mut rego) {
            errors.push(Diagnostic::error(Code::Rule, "<engine>", e.to_string()));
        }
        if !errors.is_empty() {
            return Err(errors);
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
        };
        for (index, rule) in set.rules.iter().enumerate() {
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
                    Code::Internal,
                    document.path.as_str(),
                    message,
                ));
                return (violations, diagnostics);
            }
        }
        for index in applicable {
            match self.eval_loaded(index, document) {
                Ok(mut found) => violations.append(&mut found),
                Err(e) => diagnostics.push(e),
            }
        }
        (violations, diagnostics)
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
        self.rego
            .add_policy(path.to_string(), source.to_string())
            .map(|_| ())
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
        let entry = rule.deny_entry_point();
        let result = self.rego.eval_rule(entry);
        let value = result.map_err(|e| {
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
        let items: Vec<Value> = match &value {
            Value::Undefined => return Ok(Vec::new()),
            Value::Set(set) => set.iter().cloned().collect(),
            _ => {
                return Err(self.rule_error(
                    index,
                    "`deny` must be a set (`deny contains {...} if {...}`)",
                ));
            }
        };
        items
            .iter()
            .map(|item| parse_violation(index, item).map_err(|m| self.rule_error(index, &m)))
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

fn input_value(document: &Document) -> anyhow::Result<Value> {
    Value::from_json_str(&document.to_input_json()?)
}

/// A deny result must be an object with `resource` (string), `path` (array of keys and
/// indices) and `message` (string); `file` is optional.
fn parse_violation(rule: usize, item: &Value) -> Result<Violation, String> {
    let json = serde_json::to_value(item).map_err(|e| e.to_string())?;
    let shape = || {
        format!(
            "a deny result must be {{\"resource\": string, \"path\": [keys and indices], \"message\": string}}, got {json}"
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
    if let Some(extra) = object
        .keys()
        .find(|k| !["resource", "path", "message", "file"].contains(&k.as_str()))
    {
        return Err(format!("a deny result has an unknown field `{extra}`"));
    }
    Ok(Violation {
        rule,
        resource: resource.to_string(),
        path,
        message: message.to_string(),
        file: object
            .get("file")
            .and_then(|v| v.as_str())
            .map(str::to_string),
    })
}

/// OPA network built-ins that regorus lacks.
fn register_extensions(rego: &mut regorus::Engine) -> anyhow::Result<()> {
    rego.add_extension(
        "net.cidr_intersects".to_string(),
        2,
        Box::new(|args: Vec<Value>| {
            let (a, b) = two_nets(&args)?;
            Ok(Value::from(
                a.contains(&b.network()) || b.contains(&a.network()),
            ))
        }),
    )?;
    rego.add_extension(
        "net.cidr_overlap".to_string(),
        2,
        Box::new(|args: Vec<Value>| {
            // OPA: `net.cidr_overlap(cidr, ip)`: whether the IP address lies in the CIDR.
            let (Some(cidr), Some(ip)) = (args.first(), args.get(1)) else {
                return Err(anyhow!("net.cidr_overlap: expects two arguments"));
            };
            let cidr = parse_net(cidr)?;
            let ip: IpAddr = ip.as_string()?.parse().map_err(|_| {
                anyhow!("net.cidr_overlap: the second argument must be an IP address")
            })?;
            Ok(Value::from(cidr.contains(&ip)))
        }),
    )?;
    rego.add_extension(
        "net.cidr_merge".to_string(),
        1,
        Box::new(|args: Vec<Value>| {
            let Some(list) = args.first() else {
                return Err(anyhow!("net.cidr_merge: expects one argument"));
            };
            let items: Vec<Value> = match list {
                Value::Array(a) => a.iter().cloned().collect(),
                Value::Set(s) => s.iter().cloned().collect(),
                _ => {
                    return Err(anyhow!(
                        "net.cidr_merge: expects an array or set of strings"
                    ));
                }
            };
            let nets = items
                .iter()
                .map(parse_net)
                .collect::<anyhow::Result<Vec<IpNet>>>()?;
            let merged: std::collections::BTreeSet<Value> = IpNet::aggregate(&nets)
                .iter()
                .map(|n| Value::from(n.to_string()))
                .collect();
            Ok(Value::from(merged))
        }),
    )?;
    Ok(())
}

fn two_nets(args: &[Value]) -> anyhow::Result<(IpNet, IpNet)> {
    match args {
        [a, b] => Ok((parse_net(a)?, parse_net(b)?)),
        _ => Err(anyhow!("expects two arguments")),
    }
}

/// A CIDR or a bare IP address (a /32 or /128 network).
fn parse_net(value: &Value) -> anyhow::Result<IpNet> {
    let text = value.as_string()?;
    if let Ok(net) = text.parse::<IpNet>() {
        return Ok(net);
    }
    let ip: IpAddr = text
        .parse()
        .map_err(|_| anyhow!("`{text}` is not a CIDR or IP address"))?;
    Ok(IpNet::from(ip))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine_with(policy: &str) -> regorus::Engine {
        let mut rego = regorus::Engine::new();
        register_extensions(&mut rego).unwrap();
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
    fn deny_results_must_have_resource_path_and_message() {
        let good =
            Value::from_json_str(r#"{"resource": "Pod/x", "path": ["spec", 0], "message": "m"}"#)
                .unwrap();
        let violation = parse_violation(0, &good).unwrap();
        assert_eq!(
            violation.path,
            vec![PathSegment::Key("spec".into()), PathSegment::Index(0)]
        );
        let missing = Value::from_json_str(r#"{"resource": "Pod/x", "message": "m"}"#).unwrap();
        assert!(
            parse_violation(0, &missing)
                .unwrap_err()
                .contains("a deny result must be")
        );
        let typo =
            Value::from_json_str(r#"{"resource": "r", "path": [], "message": "m", "msg": "x"}"#)
                .unwrap();
        assert!(
            parse_violation(0, &typo)
                .unwrap_err()
                .contains("unknown field `msg`")
        );
    }
}
