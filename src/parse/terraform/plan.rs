//! Terraform plan JSON (`terraform show -json plan.out`).
//!
//! One resource per instance in `planned_values` (the root module and, recursively, its
//! `child_modules`). Attributes are the planned `values`; what Terraform will only know after
//! apply (`resource_changes[].change.after_unknown`) is set to `null` and listed in `unknown`.
//! Spans point into the plan JSON: the header at the resource's entry in `planned_values`, and
//! every attribute path at its key under that entry's `values`. References come from the
//! plan's `configuration`, followed through module inputs and outputs as the HCL reader does.
//!
//! The JSON is read through the Kubernetes YAML loader ([`spanned_documents`]), which gives a
//! span for every path. Odd shapes (missing fields, wrong types) are skipped, never fatal; only
//! a file that is not a plan at all is an error.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::ir::{AttrPath, Document, InputKind, PathSegment, Resource, SpanMap, display_path};
use crate::parse::ParseError;
use crate::parse::kubernetes::spanned_documents;
use crate::source::SourceFile;

/// How many `var.`/`module.…` hops a reference is followed through (each variable and
/// output is also followed at most once per expression, so crafted plans cannot fan out).
const MAX_REFERENCE_HOPS: usize = 32;

/// Parses a `terraform show -json` plan into one document.
pub fn parse(file: Arc<SourceFile>) -> Result<Document, ParseError> {
    let (root, spans) = spanned_documents(&file)?
        .into_iter()
        .next()
        .ok_or_else(|| ParseError::new("not a Terraform plan: the file is empty", None))?;
    let Value::Object(plan) = &root else {
        return Err(ParseError::new(
            "not a Terraform plan: the file is not a JSON object",
            Some(spans.header),
        ));
    };
    check_format_version(plan, &spans)?;
    let planned = match plan.get("planned_values") {
        Some(Value::Object(planned)) => planned,
        Some(_) => {
            return Err(ParseError::new(
                "not a Terraform plan: `planned_values` is not an object",
                Some(spans.resolve(&[key("planned_values")])),
            ));
        }
        None => {
            return Err(ParseError::new(
                "not a Terraform plan: no `planned_values` (is this a state file?)",
                Some(spans.header),
            ));
        }
    };

    let mut entries = Vec::new();
    if let Some(root_module) = planned.get("root_module") {
        let mut json_path = vec![key("planned_values"), key("root_module")];
        collect_module(root_module, &mut json_path, "", &mut entries);
    }

    let after_unknown = after_unknown_by_address(plan.get("resource_changes"));
    let configuration = Configuration::new(plan.get("configuration"), &entries);

    let mut document = Document::new(
        InputKind::TerraformPlan,
        file.display.clone(),
        vec![file.clone()],
    );
    if let Some(version) = plan.get("terraform_version").and_then(Value::as_str) {
        document.extra.insert(
            "terraform_version".to_string(),
            Value::String(version.to_string()),
        );
    }
    for entry in &entries {
        if let Some(resource) = build_resource(&file, entry, &spans, &after_unknown, &configuration)
        {
            document.resources.push(resource);
        }
    }
    Ok(document)
}

fn key(name: &str) -> PathSegment {
    PathSegment::Key(name.to_string())
}

/// Rejects a plan of another major format version (the format's own compatibility rule).
fn check_format_version(plan: &Map<String, Value>, spans: &SpanMap) -> Result<(), ParseError> {
    let Some(version) = plan.get("format_version").and_then(Value::as_str) else {
        return Ok(());
    };
    if version.split('.').next() == Some("1") {
        return Ok(());
    }
    Err(ParseError::new(
        format!("unsupported Terraform plan format_version {version:?} (tenet reads 1.x)"),
        Some(spans.resolve(&[key("format_version")])),
    ))
}

/// One resource instance listed in `planned_values`.
struct Entry<'a> {
    object: &'a Map<String, Value>,
    /// Path of the entry from the JSON root (`planned_values.root_module.resources[3]`).
    json_path: AttrPath,
    /// Module instance address (`module.web[0]`), empty for the root module.
    module: String,
}

/// Collects the resources of a `planned_values` module and its child modules, in file order.
fn collect_module<'a>(
    module: &'a Value,
    json_path: &mut AttrPath,
    address: &str,
    out: &mut Vec<Entry<'a>>,
) {
    if let Some(Value::Array(resources)) = module.get("resources") {
        json_path.push(key("resources"));
        for (i, resource) in resources.iter().enumerate() {
            if let Value::Object(object) = resource {
                json_path.push(PathSegment::Index(i));
                out.push(Entry {
                    object,
                    json_path: json_path.clone(),
                    module: address.to_string(),
                });
                json_path.pop();
            }
        }
        json_path.pop();
    }
    if let Some(Value::Array(children)) = module.get("child_modules") {
        json_path.push(key("child_modules"));
        for (i, child) in children.iter().enumerate() {
            let child_address = child
                .get("address")
                .and_then(Value::as_str)
                .map(str::to_string)
                .or_else(|| first_module_address(child))
                .unwrap_or_else(|| address.to_string());
            json_path.push(PathSegment::Index(i));
            collect_module(child, json_path, &child_address, out);
            json_path.pop();
        }
        json_path.pop();
    }
}

/// The module address of a child module without an `address`, from its first resource.
fn first_module_address(module: &Value) -> Option<String> {
    let Some(Value::Array(resources)) = module.get("resources") else {
        return None;
    };
    let address = resources.first()?.get("address")?.as_str()?;
    let (calls, _) = split_resource_address(address)?;
    Some(module_prefix(&calls).trim_end_matches('.').to_string())
}

/// `change.after_unknown` of every entry of `resource_changes`, by address. Deposed objects
/// (being replaced) are skipped: `planned_values` describes the current object.
fn after_unknown_by_address(changes: Option<&Value>) -> HashMap<&str, &Value> {
    let mut out = HashMap::new();
    let Some(Value::Array(changes)) = changes else {
        return out;
    };
    for change in changes {
        if change.get("deposed").is_some_and(|d| !d.is_null()) {
            continue;
        }
        let Some(address) = change.get("address").and_then(Value::as_str) else {
            continue;
        };
        if let Some(unknown) = change.get("change").and_then(|c| c.get("after_unknown")) {
            out.insert(address, unknown);
        }
    }
    out
}

fn build_resource(
    file: &SourceFile,
    entry: &Entry<'_>,
    spans: &SpanMap,
    after_unknown: &HashMap<&str, &Value>,
    configuration: &Configuration<'_>,
) -> Option<Resource> {
    let object = entry.object;
    let address = object.get("address")?.as_str()?.to_string();
    let text = |name: &str| object.get(name).and_then(Value::as_str).map(str::to_string);
    let mode = text("mode").unwrap_or_else(|| {
        let data = split_resource_address(&address)
            .is_some_and(|(_, rest)| rest.first().is_some_and(|(first, _)| first == "data"));
        if data { "data" } else { "managed" }.to_string()
    });
    let resource_type = text("type").unwrap_or_default();
    let name = text("name").unwrap_or_default();

    let mut header_and_values = SpanMap::new(
        spans
            .attributes
            .get(&entry.json_path)
            .copied()
            .unwrap_or(spans.header),
    );
    let mut attributes = match object.get("values") {
        Some(Value::Object(values)) => Value::Object(values.clone()),
        _ => Value::Object(Map::new()),
    };
    let mut json_path = entry.json_path.clone();
    json_path.push(key("values"));
    let prefix = json_path.len();
    record_spans(
        &attributes,
        &mut json_path,
        prefix,
        spans,
        &mut header_and_values,
    );

    let mut unknown = Vec::new();
    if let Some(marks) = after_unknown.get(address.as_str()) {
        mark_unknown(&mut attributes, marks, &mut Vec::new(), &mut unknown);
    }

    let config = configuration.resource(&entry.module, &mode, &resource_type, &name);
    let provider = config
        .and_then(|c| c.get("provider_config_key"))
        .and_then(Value::as_str)
        .map(|k| provider_address(k, &entry.module))
        .or_else(|| {
            text("provider_name").map(|p| p.rsplit('/').next().unwrap_or_default().to_string())
        })
        .filter(|p| !p.is_empty());
    let references = match (config, split_module_address(&entry.module)) {
        (Some(config), Some(calls)) => configuration.references(config, &calls),
        _ => BTreeMap::new(),
    };

    let mut resource = Resource::new(
        address,
        resource_type,
        name,
        file.display.clone(),
        attributes,
        header_and_values,
    );
    resource.mode = Some(mode);
    resource.module = Some(entry.module.clone());
    resource.provider = provider;
    resource.references = references;
    resource.unknown = unknown;
    Some(resource)
}

/// Copies the span of every path under `values` (at `json_path`, `prefix` segments long)
/// into `out`, keyed relative to `values`.
fn record_spans(
    value: &Value,
    json_path: &mut AttrPath,
    prefix: usize,
    spans: &SpanMap,
    out: &mut SpanMap,
) {
    let mut visit = |segment: PathSegment, child: &Value, json_path: &mut AttrPath| {
        json_path.push(segment);
        if let (Some(span), Some(relative)) =
            (spans.attributes.get(json_path), json_path.get(prefix..))
        {
            out.attributes.insert(relative.to_vec(), *span);
        }
        record_spans(child, json_path, prefix, spans, out);
        json_path.pop();
    };
    match value {
        Value::Object(map) => {
            for (name, child) in map {
                visit(PathSegment::Key(name.clone()), child, json_path);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                visit(PathSegment::Index(i), child, json_path);
            }
        }
        _ => {}
    }
}

/// Walks `after_unknown` beside the attributes: every `true` sets its path to `null`
/// (creating it, and the objects or arrays above it, when `values` left it out) and records
/// the path in `unknown`.
fn mark_unknown(target: &mut Value, marks: &Value, path: &mut AttrPath, unknown: &mut Vec<String>) {
    match marks {
        Value::Bool(true) if !path.is_empty() => {
            *target = Value::Null;
            unknown.push(display_path(path));
        }
        Value::Object(marks) => {
            for (name, mark) in marks.iter().filter(|(_, m)| any_unknown(m)) {
                if target.is_null() {
                    *target = Value::Object(Map::new());
                }
                let Value::Object(object) = target else {
                    return; // a known scalar where Terraform marks a structure: keep the value
                };
                let child = object.entry(name.clone()).or_insert(Value::Null);
                path.push(PathSegment::Key(name.clone()));
                mark_unknown(child, mark, path, unknown);
                path.pop();
            }
        }
        Value::Array(marks) => {
            for (i, mark) in marks.iter().enumerate().filter(|(_, m)| any_unknown(m)) {
                if target.is_null() {
                    *target = Value::Array(Vec::new());
                }
                let Value::Array(items) = target else {
                    return;
                };
                if items.len() <= i {
                    items.resize(i + 1, Value::Null);
                }
                let Some(child) = items.get_mut(i) else {
                    return;
                };
                path.push(PathSegment::Index(i));
                mark_unknown(child, mark, path, unknown);
                path.pop();
            }
        }
        _ => {}
    }
}

fn any_unknown(marks: &Value) -> bool {
    match marks {
        Value::Bool(b) => *b,
        Value::Object(map) => map.values().any(any_unknown),
        Value::Array(items) => items.iter().any(any_unknown),
        _ => false,
    }
}

/// The provider configuration a resource uses, named as the HCL reader names it: `aws`,
/// `aws.dr`, or `module.web.aws` for a configuration declared inside a module. The plan's
/// key is `module.web:aws` (module path without instance keys) for the latter.
fn provider_address(config_key: &str, module_instance: &str) -> String {
    match config_key.rsplit_once(':') {
        Some((module, local)) => {
            let same_module = split_module_address(module_instance)
                .is_some_and(|calls| config_path(&calls) == module);
            if same_module && !module_instance.is_empty() {
                format!("{module_instance}.{local}")
            } else {
                format!("{module}.{local}")
            }
        }
        None => config_key.to_string(),
    }
}

/// One step of a Terraform address: a name and the instance key written after it
/// (`web[0]` → (`web`, `[0]`); the key is empty when there is none).
type Step = (String, String);

/// Splits an address or reference at its top-level dots, keeping bracketed keys (which may
/// hold quoted strings with dots and brackets) with the name before them. `None` for text
/// that is not an address (unbalanced brackets or quotes).
fn split_steps(text: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    let (mut name, mut key) = (String::new(), String::new());
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for c in text.chars() {
        if in_string {
            key.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '.' if depth == 0 => {
                steps.push((std::mem::take(&mut name), std::mem::take(&mut key)));
            }
            '[' => {
                depth += 1;
                key.push(c);
            }
            ']' => {
                depth = depth.checked_sub(1)?;
                key.push(c);
            }
            '"' if depth > 0 => {
                in_string = true;
                key.push(c);
            }
            _ if depth > 0 => key.push(c),
            _ => name.push(c),
        }
    }
    if depth != 0 || in_string {
        return None;
    }
    steps.push((name, key));
    Some(steps)
}

/// A module instance address (`module.a[0].module.b`) as its calls: `[(a, [0]), (b, "")]`.
fn split_module_address(address: &str) -> Option<Vec<Step>> {
    if address.is_empty() {
        return Some(Vec::new());
    }
    let steps = split_steps(address)?;
    let mut calls = Vec::new();
    let mut iter = steps.into_iter();
    while let Some((module, module_key)) = iter.next() {
        let call = iter.next()?;
        if module != "module" || !module_key.is_empty() {
            return None;
        }
        calls.push(call);
    }
    Some(calls)
}

/// A resource instance address as its module calls and the rest (`aws_instance.web[0]`).
fn split_resource_address(address: &str) -> Option<(Vec<Step>, Vec<Step>)> {
    let steps = split_steps(address)?;
    let mut calls = Vec::new();
    let mut rest = steps.as_slice();
    while let [(module, module_key), call, tail @ ..] = rest {
        if module != "module" || !module_key.is_empty() {
            break;
        }
        calls.push(call.clone());
        rest = tail;
    }
    Some((calls, rest.to_vec()))
}

/// `module.a[0].module.b.` for the calls of a module instance (empty for the root).
fn module_prefix(calls: &[Step]) -> String {
    calls
        .iter()
        .map(|(name, key)| format!("module.{name}{key}."))
        .collect()
}

/// The configuration path of a module instance: its address without instance keys.
fn config_path(calls: &[Step]) -> String {
    calls
        .iter()
        .map(|(name, _)| format!("module.{name}"))
        .collect::<Vec<_>>()
        .join(".")
}

/// The plan's `configuration`, indexed for resource lookups and reference resolution.
struct Configuration<'a> {
    /// Configuration module path (`module.web`, `""` for the root) → its module object.
    modules: HashMap<String, &'a Map<String, Value>>,
    /// Configuration path and module-relative address (`data.aws_ami.x`) → resource block.
    resources: HashMap<(String, String), &'a Map<String, Value>>,
    /// Every module instance of the plan, as calls (for `module.x.output` without a key).
    module_instances: Vec<Vec<Step>>,
    /// Resource address without its instance key → the planned instance addresses.
    instances: HashMap<String, Vec<String>>,
}

impl<'a> Configuration<'a> {
    fn new(configuration: Option<&'a Value>, entries: &[Entry<'_>]) -> Self {
        let mut modules = HashMap::new();
        if let Some(Value::Object(root)) = configuration.and_then(|c| c.get("root_module")) {
            index_modules(root, String::new(), &mut modules);
        }
        let mut resources = HashMap::new();
        for (path, module) in &modules {
            let Some(Value::Array(blocks)) = module.get("resources") else {
                continue;
            };
            for block in blocks {
                if let (Value::Object(block), Some(address)) =
                    (block, block.get("address").and_then(Value::as_str))
                {
                    resources
                        .entry((path.clone(), address.to_string()))
                        .or_insert(block);
                }
            }
        }
        let mut module_instances: Vec<Vec<Step>> = Vec::new();
        let mut seen_instances: HashSet<Vec<Step>> = HashSet::new();
        let mut instances: HashMap<String, Vec<String>> = HashMap::new();
        for entry in entries {
            let Some(address) = entry.object.get("address").and_then(Value::as_str) else {
                continue;
            };
            if let Some((calls, rest)) = split_resource_address(address) {
                for depth in 1..=calls.len() {
                    if let Some(prefix) = calls.get(..depth) {
                        if seen_instances.insert(prefix.to_vec()) {
                            module_instances.push(prefix.to_vec());
                        }
                    }
                }
                let base: Vec<String> = rest
                    .iter()
                    .enumerate()
                    .map(|(i, (name, key))| {
                        if i + 1 == rest.len() {
                            name.clone()
                        } else {
                            format!("{name}{key}")
                        }
                    })
                    .collect();
                let base = format!("{}{}", module_prefix(&calls), base.join("."));
                instances.entry(base).or_default().push(address.to_string());
            }
        }
        Configuration {
            modules,
            resources,
            module_instances,
            instances,
        }
    }

    /// The configuration block of a resource in a module instance.
    fn resource(
        &self,
        module_instance: &str,
        mode: &str,
        resource_type: &str,
        name: &str,
    ) -> Option<&'a Map<String, Value>> {
        let calls = split_module_address(module_instance)?;
        let address = if mode == "data" {
            format!("data.{resource_type}.{name}")
        } else {
            format!("{resource_type}.{name}")
        };
        self.resources.get(&(config_path(&calls), address)).copied()
    }

    /// For each attribute path of a resource's `expressions`, the resources it refers to.
    fn references(
        &self,
        config: &Map<String, Value>,
        calls: &[Step],
    ) -> BTreeMap<String, Vec<String>> {
        let mut out = BTreeMap::new();
        if let Some(Value::Object(expressions)) = config.get("expressions") {
            self.walk_expressions(expressions, calls, &mut Vec::new(), &mut out);
        }
        out
    }

    fn walk_expressions(
        &self,
        expressions: &Map<String, Value>,
        calls: &[Step],
        path: &mut AttrPath,
        out: &mut BTreeMap<String, Vec<String>>,
    ) {
        for (name, value) in expressions {
            path.push(PathSegment::Key(name.clone()));
            match value {
                Value::Object(map) if is_expression(map) => {
                    let resolved =
                        self.resolve(expression_references(map), calls, 0, &mut HashSet::new());
                    if !resolved.is_empty() {
                        out.insert(display_path(path), resolved.into_iter().collect());
                    }
                }
                // A single nested block, or a map of labelled blocks.
                Value::Object(block) => self.walk_expressions(block, calls, path, out),
                Value::Array(blocks) => {
                    for (i, block) in blocks.iter().enumerate() {
                        if let Value::Object(block) = block {
                            path.push(PathSegment::Index(i));
                            self.walk_expressions(block, calls, path, out);
                            path.pop();
                        }
                    }
                }
                _ => {}
            }
            path.pop();
        }
    }

    /// The resource instances (absolute addresses) that a list of configuration references
    /// made in module instance `calls` refers to, through `var.` and module outputs.
    fn resolve(
        &self,
        references: Vec<&str>,
        calls: &[Step],
        hops: usize,
        seen: &mut HashSet<String>,
    ) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        if hops > MAX_REFERENCE_HOPS {
            return out; // a cycle through module inputs and outputs
        }
        // Resource address (module-relative, no key) → the keys it is referenced with.
        let mut resources: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for reference in references {
            let Some(steps) = split_steps(reference) else {
                continue;
            };
            match steps.as_slice() {
                [(var, _), (variable, _), ..] if var == "var" => {
                    out.extend(self.resolve_variable(variable, calls, hops, seen));
                }
                [(module, _), (call, call_key), (output, _), ..] if module == "module" => {
                    out.extend(self.resolve_output(call, call_key, output, calls, hops, seen));
                }
                [(first, _), ..]
                    if [
                        "module",
                        "var",
                        "local",
                        "count",
                        "each",
                        "path",
                        "terraform",
                        "self",
                    ]
                    .contains(&first.as_str()) => {}
                [(data, _), (resource_type, _), (name, instance), ..] if data == "data" => {
                    resources
                        .entry(format!("data.{resource_type}.{name}"))
                        .or_default()
                        .insert(instance.clone());
                }
                [(resource_type, type_key), (name, instance), ..] if type_key.is_empty() => {
                    resources
                        .entry(format!("{resource_type}.{name}"))
                        .or_default()
                        .insert(instance.clone());
                }
                _ => {}
            }
        }
        let prefix = module_prefix(calls);
        for (base, keys) in resources {
            let base = format!("{prefix}{base}");
            let specific: Vec<&String> = keys
                .iter()
                .filter(|k| !k.is_empty() && k.as_str() != "[*]")
                .collect();
            if !specific.is_empty() {
                out.extend(specific.into_iter().map(|k| format!("{base}{k}")));
            } else if let Some(instances) = self.instances.get(&base) {
                out.extend(instances.iter().cloned());
            } else {
                out.insert(base);
            }
        }
        out
    }

    /// `var.name` inside a module instance: what the caller passes in.
    fn resolve_variable(
        &self,
        variable: &str,
        calls: &[Step],
        hops: usize,
        seen: &mut HashSet<String>,
    ) -> BTreeSet<String> {
        if !seen.insert(format!("{}var.{variable}", module_prefix(calls))) {
            return BTreeSet::new(); // already followed for this expression
        }
        let Some(((call, _), parent)) = calls.split_last() else {
            return BTreeSet::new(); // a root variable: a value, not a resource
        };
        let expression = self
            .modules
            .get(&config_path(parent))
            .and_then(|m| m.get("module_calls"))
            .and_then(|c| c.get(call.as_str()))
            .and_then(|c| c.get("expressions"))
            .and_then(|e| e.get(variable));
        match expression {
            Some(Value::Object(map)) => {
                self.resolve(expression_references(map), parent, hops + 1, seen)
            }
            _ => BTreeSet::new(),
        }
    }

    /// `module.call[key].output` from module instance `calls`: what the output refers to, in
    /// each instance of the call (every instance when the reference names none).
    fn resolve_output(
        &self,
        call: &str,
        call_key: &str,
        output: &str,
        calls: &[Step],
        hops: usize,
        seen: &mut HashSet<String>,
    ) -> BTreeSet<String> {
        let followed = format!("{}module.{call}{call_key}.{output}", module_prefix(calls));
        if !seen.insert(followed) {
            return BTreeSet::new();
        }
        let mut targets: Vec<Vec<Step>> = self
            .module_instances
            .iter()
            .filter(|m| {
                m.split_last().is_some_and(|((name, key), parent)| {
                    parent == calls && name == call && (call_key.is_empty() || key == call_key)
                })
            })
            .cloned()
            .collect();
        if targets.is_empty() {
            let mut target = calls.to_vec();
            target.push((call.to_string(), call_key.to_string()));
            targets.push(target);
        }
        let mut out = BTreeSet::new();
        for target in targets {
            let expression = self
                .modules
                .get(&config_path(&target))
                .and_then(|m| m.get("outputs"))
                .and_then(|o| o.get(output))
                .and_then(|o| o.get("expression"));
            if let Some(Value::Object(map)) = expression {
                out.extend(self.resolve(expression_references(map), &target, hops + 1, seen));
            }
        }
        out
    }
}

/// Indexes a configuration module and its `module_calls` by configuration path.
fn index_modules<'a>(
    module: &'a Map<String, Value>,
    path: String,
    out: &mut HashMap<String, &'a Map<String, Value>>,
) {
    if let Some(Value::Object(calls)) = module.get("module_calls") {
        for (name, call) in calls {
            if let Some(Value::Object(child)) = call.get("module") {
                let child_path = if path.is_empty() {
                    format!("module.{name}")
                } else {
                    format!("{path}.module.{name}")
                };
                if !out.contains_key(&child_path) {
                    index_modules(child, child_path, out);
                }
            }
        }
    }
    out.insert(path, module);
}

/// An expression object (`{"constant_value": …}`, `{"references": […]}`), as opposed to a
/// nested block's map of expressions.
fn is_expression(map: &Map<String, Value>) -> bool {
    map.keys()
        .all(|k| k == "constant_value" || k == "references")
        && map.get("references").is_none_or(Value::is_array)
}

fn expression_references(map: &Map<String, Value>) -> Vec<&str> {
    match map.get("references") {
        Some(Value::Array(references)) => references.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fixture(name: &str) -> Arc<SourceFile> {
        let path = format!(
            "{}/testdata/terraform/plan/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        Arc::new(SourceFile::new(format!("plan/{name}"), text))
    }

    fn path(segments: &[&str]) -> AttrPath {
        segments
            .iter()
            .map(|s| match s.parse::<usize>() {
                Ok(i) => PathSegment::Index(i),
                Err(_) => key(s),
            })
            .collect()
    }

    fn line_of(file: &SourceFile, resource: &Resource, segments: &[&str]) -> usize {
        file.position(resource.spans.resolve(&path(segments)).start)
            .line
    }

    #[test]
    fn root_module_resources_carry_their_plan_identity() {
        let file = fixture("root-module.json");
        let document = parse(file.clone()).unwrap();
        assert_eq!(document.kind, InputKind::TerraformPlan);
        assert_eq!(document.path, "plan/root-module.json");
        assert_eq!(document.extra["terraform_version"], json!("1.9.5"));
        let addresses: Vec<&str> = document
            .resources
            .iter()
            .map(|r| r.address.as_str())
            .collect();
        assert_eq!(
            addresses,
            [
                "aws_instance.web",
                "aws_s3_bucket.logs",
                "aws_security_group.web"
            ]
        );
        let instance = document.resource("aws_instance.web").unwrap();
        assert_eq!(
            (instance.resource_type.as_str(), instance.name.as_str()),
            ("aws_instance", "web")
        );
        assert_eq!(instance.mode.as_deref(), Some("managed"));
        assert_eq!(instance.module.as_deref(), Some(""));
        assert_eq!(instance.provider.as_deref(), Some("aws"));
        assert_eq!(instance.file, "plan/root-module.json");
    }

    #[test]
    fn values_unknown_after_apply_are_null_and_listed() {
        let document = parse(fixture("root-module.json")).unwrap();
        let bucket = document.resource("aws_s3_bucket.logs").unwrap();
        assert_eq!(bucket.attributes["bucket"], json!("acme-logs"));
        assert_eq!(bucket.attributes["arn"], Value::Null);
        assert_eq!(bucket.attributes["id"], Value::Null);
        assert!(bucket.attributes.get("versioning").is_some());
        assert!(bucket.unknown.contains(&"arn".to_string()));
        assert!(bucket.unknown.contains(&"id".to_string()));
        assert!(bucket.unknown.contains(&"versioning".to_string()));
        assert!(!bucket.unknown.iter().any(|u| u.starts_with("tags")));
        assert_eq!(bucket.attributes["tags"], json!({"env": "prod"}));

        let instance = document.resource("aws_instance.web").unwrap();
        assert_eq!(
            instance.attributes["metadata_options"],
            json!([{
                "http_endpoint": "enabled",
                "http_protocol_ipv6": "disabled",
                "http_tokens": "optional",
                "http_put_response_hop_limit": null,
                "instance_metadata_tags": null
            }])
        );
        assert!(
            instance
                .unknown
                .contains(&"metadata_options[0].http_put_response_hop_limit".to_string())
        );
        assert_eq!(instance.attributes["vpc_security_group_ids"], Value::Null);
        assert!(
            instance
                .unknown
                .contains(&"vpc_security_group_ids".to_string())
        );
        assert_eq!(instance.attributes["credit_specification"], json!([]));

        let group = document.resource("aws_security_group.web").unwrap();
        assert_eq!(
            group.attributes["ingress"][0]["cidr_blocks"],
            json!(["0.0.0.0/0"])
        );
        assert_eq!(group.attributes["ingress"][0]["from_port"], json!(22));
        assert_eq!(
            group.unknown,
            ["arn", "id", "name_prefix", "owner_id", "vpc_id"]
        );
    }

    #[test]
    fn spans_point_at_the_values_in_the_plan() {
        let file = fixture("root-module.json");
        let document = parse(file.clone()).unwrap();
        let instance = document.resource("aws_instance.web").unwrap();
        let tokens = instance
            .spans
            .resolve(&path(&["metadata_options", "0", "http_tokens"]));
        assert_eq!(file.position(tokens.start).line, 25);
        assert_eq!(
            file.text.get(tokens.start..tokens.end),
            Some("\"http_tokens\": \"optional\"")
        );
        assert_eq!(line_of(&file, instance, &["metadata_options", "0"]), 22);
        // The header is the resource's entry; unknown and missing paths fall back to it or
        // to the deepest written prefix.
        assert_eq!(file.position(instance.spans.header.start).line, 7);
        assert_eq!(
            file.text
                .get(instance.spans.header.start..)
                .unwrap()
                .chars()
                .next(),
            Some('{')
        );
        assert_eq!(line_of(&file, instance, &["arn"]), 7);
        assert_eq!(
            line_of(
                &file,
                instance,
                &["metadata_options", "0", "http_put_response_hop_limit"]
            ),
            22
        );
        let group = document.resource("aws_security_group.web").unwrap();
        assert_eq!(
            file.line_text(line_of(&file, group, &["ingress", "0", "cidr_blocks", "0"])),
            "                  \"0.0.0.0/0\""
        );
        assert_eq!(
            file.line_text(line_of(&file, group, &["ingress", "0", "from_port"])),
            "                \"from_port\": 22,"
        );
    }

    #[test]
    fn child_modules_and_instance_keys() {
        let document = parse(fixture("child-module.json")).unwrap();
        let addresses: Vec<&str> = document
            .resources
            .iter()
            .map(|r| r.address.as_str())
            .collect();
        assert_eq!(
            addresses,
            [
                "aws_route53_record.web",
                "aws_s3_bucket.b[\"assets\"]",
                "aws_s3_bucket.b[\"logs\"]",
                "aws_security_group.lb",
                "aws_subnet.main",
                "module.web.aws_instance.this[0]",
                "module.web.aws_instance.this[1]",
                "module.web.data.aws_subnet.selected",
            ]
        );
        // Being deleted: not in planned_values, so not a resource.
        assert!(document.resource("aws_instance.old").is_none());

        let logs = document.resource("aws_s3_bucket.b[\"logs\"]").unwrap();
        assert_eq!(
            (logs.name.as_str(), logs.module.as_deref()),
            ("b", Some(""))
        );
        assert_eq!(logs.attributes["bucket"], json!("acme-logs"));

        let instance = document
            .resource("module.web.aws_instance.this[1]")
            .unwrap();
        assert_eq!(instance.module.as_deref(), Some("module.web"));
        assert_eq!(instance.mode.as_deref(), Some("managed"));
        assert_eq!(instance.provider.as_deref(), Some("aws"));
        assert_eq!(
            instance.attributes["metadata_options"][0]["http_tokens"],
            json!("required")
        );
        assert_eq!(
            instance.attributes["root_block_device"][0]["encrypted"],
            json!(true)
        );
        assert_eq!(
            instance.attributes["root_block_device"][0]["kms_key_id"],
            Value::Null
        );
        assert!(
            instance
                .unknown
                .contains(&"root_block_device[0].kms_key_id".to_string())
        );

        let subnet = document
            .resource("module.web.data.aws_subnet.selected")
            .unwrap();
        assert_eq!(subnet.mode.as_deref(), Some("data"));
        assert_eq!(
            (subnet.resource_type.as_str(), subnet.module.as_deref()),
            ("aws_subnet", Some("module.web"))
        );
        assert_eq!(subnet.attributes["filter"], json!([]));
        assert_eq!(subnet.attributes["id"], Value::Null);
        assert!(subnet.unknown.contains(&"id".to_string()));
    }

    #[test]
    fn references_follow_module_inputs_and_outputs() {
        let document = parse(fixture("child-module.json")).unwrap();
        let refs = |address: &str| document.resource(address).unwrap().references.clone();
        let instance = refs("module.web.aws_instance.this[0]");
        assert_eq!(
            instance.get("subnet_id"),
            Some(&vec!["module.web.data.aws_subnet.selected".to_string()])
        );
        assert_eq!(
            instance.get("vpc_security_group_ids"),
            Some(&vec!["aws_security_group.lb".to_string()])
        );
        assert_eq!(instance.len(), 2);
        assert_eq!(
            refs("module.web.data.aws_subnet.selected").get("id"),
            Some(&vec!["aws_subnet.main".to_string()])
        );
        assert_eq!(
            refs("aws_route53_record.web").get("records"),
            Some(&vec![
                "module.web.aws_instance.this[0]".to_string(),
                "module.web.aws_instance.this[1]".to_string(),
            ])
        );
        assert!(refs("aws_s3_bucket.b[\"logs\"]").is_empty());

        let root = parse(fixture("root-module.json")).unwrap();
        let web = root.resource("aws_instance.web").unwrap();
        assert_eq!(
            web.references,
            BTreeMap::from([(
                "vpc_security_group_ids".to_string(),
                vec!["aws_security_group.web".to_string()]
            )])
        );
    }

    #[test]
    fn compact_json_as_terraform_prints_it() {
        let pretty = fixture("child-module.json");
        let value: Value = serde_json::from_str(&pretty.text).unwrap();
        let file = Arc::new(SourceFile::new(
            "plan.json",
            serde_json::to_string(&value).unwrap(),
        ));
        let document = parse(file.clone()).unwrap();
        assert_eq!(document.resources.len(), 8);
        let instance = document
            .resource("module.web.aws_instance.this[0]")
            .unwrap();
        let span = instance
            .spans
            .resolve(&path(&["metadata_options", "0", "http_tokens"]));
        assert_eq!(
            file.text.get(span.start..span.end),
            Some("\"http_tokens\":\"required\"")
        );
        assert_eq!(file.position(span.start).line, 1);
    }

    #[test]
    fn unknown_paths_are_created_where_values_leave_them_out() {
        let plan = r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
            {"address": "x_thing.a", "mode": "managed", "type": "x_thing", "name": "a",
             "provider_name": "registry.terraform.io/acme/x",
             "values": {"l": [null, {"k": 1}], "s": "known"}}]}},
          "resource_changes": [{"address": "x_thing.a", "change": {"after_unknown":
             {"o": {"b": true}, "l": [{"c": true}, {"d": [false, true]}], "s": {"x": true},
              "n": [], "f": false}}}]}"#;
        let document = parse(Arc::new(SourceFile::new("p.json", plan))).unwrap();
        let resource = document.resource("x_thing.a").unwrap();
        assert_eq!(
            resource.attributes,
            json!({"l": [{"c": null}, {"k": 1, "d": [null, null]}], "s": "known", "o": {"b": null}})
        );
        assert_eq!(resource.unknown, ["o.b", "l[0].c", "l[1].d[1]"]);
        assert_eq!(resource.provider.as_deref(), Some("x"));
    }

    #[test]
    fn not_a_plan_is_an_error() {
        let error = |text: &str| parse(Arc::new(SourceFile::new("p.json", text))).unwrap_err();
        assert!(error("[1, 2]").message.contains("not a JSON object"));
        assert!(
            error(r#"{"format_version": "1.0", "values": {}}"#)
                .message
                .contains("planned_values")
        );
        assert!(
            error(r#"{"format_version": "1.2", "planned_values": []}"#)
                .message
                .contains("planned_values")
        );
        assert!(
            error(r#"{"format_version": "2.0", "planned_values": {}}"#)
                .message
                .contains("format_version")
        );
        assert!(error(r#"{"planned_values": {"#).span.is_some());
        assert!(error("").message.contains("empty"));
    }

    #[test]
    fn odd_shapes_are_skipped_without_panicking() {
        let texts = [
            r#"{"planned_values": {}}"#,
            r#"{"planned_values": {"root_module": []}}"#,
            r#"{"planned_values": {"root_module": {"resources": "x", "child_modules": {}}}}"#,
            r#"{"planned_values": {"root_module": {"resources": [1, {"name": "no address"}, {"address": 3}]}}}"#,
            r#"{"planned_values": {"root_module": {"child_modules": [{"resources": [{"address": "module.m[\"a.b\"].t.n", "values": 4}]}]}},
               "resource_changes": [{"address": "module.m[\"a.b\"].t.n", "change": {"after_unknown": true}}],
               "configuration": {"root_module": {"module_calls": {"m": {"module": {"resources": [{"address": "t.n", "mode": "managed", "type": "t", "name": "n",
                  "expressions": {"a": {"references": ["var.v", "module.z.out", "local.l", "t.n[", 3]}, "b": [1, {"c": {"references": "x"}}]}}]}}}}}}"#,
        ];
        for text in texts {
            let document = parse(Arc::new(SourceFile::new("p.json", text))).unwrap();
            for resource in &document.resources {
                assert!(resource.attributes.is_object());
            }
        }
        let document = parse(Arc::new(SourceFile::new("p.json", texts[4]))).unwrap();
        let resource = document.resource("module.m[\"a.b\"].t.n").unwrap();
        assert_eq!(resource.module.as_deref(), Some("module.m[\"a.b\"]"));
        assert_eq!(resource.mode.as_deref(), Some("managed"));
        assert_eq!(resource.provider, None);
    }

    #[test]
    fn cyclic_module_references_terminate() {
        // Not a valid configuration (Terraform rejects cycles), but a crafted plan must not
        // make the resolver loop or fan out.
        let plan = r#"{"planned_values": {"root_module": {
            "resources": [{"address": "t.r", "mode": "managed", "type": "t", "name": "r", "values": {}}],
            "child_modules": [{"address": "module.m", "resources": [
                {"address": "module.m.t.z", "mode": "managed", "type": "t", "name": "z", "values": {}}]}]}},
          "configuration": {"root_module": {
            "resources": [{"address": "t.r", "mode": "managed", "type": "t", "name": "r",
              "expressions": {"a": {"references": ["module.m.o", "module.m"]}}}],
            "module_calls": {"m": {
              "expressions": {"x": {"references": ["module.m.o", "module.m.o.p", "module.m.q"]}},
              "module": {
                "outputs": {"o": {"expression": {"references": ["var.x", "var.x.b", "t.z"]}},
                            "q": {"expression": {"references": ["var.x", "module.m.o"]}}},
                "resources": [{"address": "t.z", "mode": "managed", "type": "t", "name": "z",
                  "expressions": {"b": {"references": ["var.x"]}}}]}}}}}}"#;
        let document = parse(Arc::new(SourceFile::new("p.json", plan))).unwrap();
        let expected = vec!["module.m.t.z".to_string()];
        assert_eq!(
            document.resource("t.r").unwrap().references.get("a"),
            Some(&expected)
        );
        assert_eq!(
            document
                .resource("module.m.t.z")
                .unwrap()
                .references
                .get("b"),
            Some(&expected)
        );
    }

    #[test]
    fn truncated_plans_fail_cleanly_and_spans_stay_in_the_text() {
        for name in ["root-module.json", "child-module.json"] {
            let text = fixture(name).text.to_string();
            for cut in (0..=text.len()).step_by(97).chain([text.len()]) {
                let Some(part) = text.get(..cut) else {
                    continue;
                };
                let file = Arc::new(SourceFile::new("p.json", part));
                let Ok(document) = parse(file) else {
                    continue;
                };
                for resource in &document.resources {
                    let spans = std::iter::once(&resource.spans.header)
                        .chain(resource.spans.attributes.values());
                    for span in spans {
                        assert!(span.start <= span.end && span.end <= part.len());
                    }
                }
            }
        }
    }

    #[test]
    fn addresses_split_at_top_level_dots_only() {
        let steps = split_steps(r#"module.a["x.y]"].aws_s3_bucket.b[0]"#).unwrap();
        assert_eq!(
            steps,
            [
                ("module".to_string(), String::new()),
                ("a".to_string(), r#"["x.y]"]"#.to_string()),
                ("aws_s3_bucket".to_string(), String::new()),
                ("b".to_string(), "[0]".to_string()),
            ]
        );
        let (calls, rest) = split_resource_address(r#"module.a["k"].module.b.data.t.n"#).unwrap();
        assert_eq!(module_prefix(&calls), r#"module.a["k"].module.b."#);
        assert_eq!(config_path(&calls), "module.a.module.b");
        assert_eq!(rest.len(), 3);
        assert!(split_steps("a.b[").is_none());
        assert_eq!(provider_address("aws.dr", ""), "aws.dr");
        assert_eq!(
            provider_address("module.web:aws", "module.web[0]"),
            "module.web[0].aws"
        );
    }
}
