//! Terraform modules: a directory of `.tf` files parsed once, then evaluated as instances
//! (the root, and each local or `terraform init`-resolved child module call) into IR
//! resources with spans, references and unknowns.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use hcl_edit::expr::{Expression, TraversalOperator};
use hcl_edit::structure::{Block, BlockLabel, Body, Structure};
use hcl_edit::{Decorated, Span as _};

use super::budget::Budget;
use super::eval::{Env, EvalError, Evaluator, NoNames, iteration_pairs};
use super::policy_document;
use super::value::{Value, format_number};
use crate::boundary::Boundary;
use crate::diagnostic::{Code, Diagnostic, Level};
use crate::discover::display_path;
use crate::ir::{AttrPath, PathSegment, Resource, SpanMap, display_path as display_attr_path};
use crate::source::{SourceFile, Span};

/// Default most instances one `count` or `for_each` may expand to.
pub const DEFAULT_MAX_INSTANCES: usize = 10_000;
/// Deepest chain of module calls followed.
const MAX_MODULE_DEPTH: usize = 32;

/// Reads one file with the size and encoding checks every input gets (`None`: skip it).
pub type ReadFile<'r> = dyn Fn(&Path) -> Result<Option<Arc<SourceFile>>, Diagnostic> + Sync + 'r;

/// One module directory, each file read and parsed once.
#[derive(Debug)]
pub struct LoadedModule {
    pub dir: PathBuf,
    pub display: String,
    pub files: Vec<Arc<SourceFile>>,
    pub bodies: Vec<(Arc<SourceFile>, Body)>,
    /// Files that could not be read or parsed (the others are still evaluated).
    pub diagnostics: Vec<Diagnostic>,
    /// `terraform.tfvars`, `*.auto.tfvars`, in the order Terraform applies them.
    pub tfvars: Vec<(Arc<SourceFile>, Body)>,
    /// (block kind, first label, second label) → (body, structure) position, so every
    /// lookup of a resource, data source or module call is O(1).
    blocks_by_name: HashMap<(String, String, String), (usize, usize)>,
    /// Local value name → (body, `locals` block, attribute) position.
    locals_by_name: HashMap<String, (usize, usize, usize)>,
    /// `aws`, `aws.dr`: the provider configurations this module declares itself.
    provider_addresses: HashSet<String>,
}

impl LoadedModule {
    fn index(&mut self) {
        for (b, (_, body)) in self.bodies.iter().enumerate() {
            for (i, structure) in body.iter().enumerate() {
                let Some(block) = structure.as_block() else {
                    continue;
                };
                let kind = block.ident.value().to_string();
                if kind == "locals" {
                    for (a, attribute) in block.body.iter().enumerate() {
                        if let Some(attribute) = attribute.as_attribute() {
                            self.locals_by_name
                                .entry(attribute.key.value().to_string())
                                .or_insert((b, i, a));
                        }
                    }
                    continue;
                }
                if kind == "provider" {
                    let name = label(block, 0).unwrap_or_default();
                    let alias = block
                        .body
                        .get_attribute("alias")
                        .and_then(|a| literal_string(&a.value));
                    self.provider_addresses.insert(match alias {
                        Some(alias) => format!("{name}.{alias}"),
                        None => name,
                    });
                }
                let key = (
                    kind,
                    label(block, 0).unwrap_or_default(),
                    label(block, 1).unwrap_or_default(),
                );
                self.blocks_by_name.entry(key).or_insert((b, i));
            }
        }
    }

    fn block_at(&self, body: usize, structure: usize) -> Option<(&Arc<SourceFile>, &Block)> {
        let (file, body) = self.bodies.get(body)?;
        Some((file, body.get(structure)?.as_block()?))
    }

    /// The block `kind "first" "second" {` (`second` empty for one-label blocks).
    fn named_block(
        &self,
        kind: &str,
        first: &str,
        second: &str,
    ) -> Option<(&Arc<SourceFile>, &Block)> {
        let &(b, i) =
            self.blocks_by_name
                .get(&(kind.to_string(), first.to_string(), second.to_string()))?;
        self.block_at(b, i)
    }

    fn local_attribute(
        &self,
        name: &str,
    ) -> Option<(&Arc<SourceFile>, &hcl_edit::structure::Attribute)> {
        let &(b, i, a) = self.locals_by_name.get(name)?;
        let (file, block) = self.block_at(b, i)?;
        Some((file, block.body.get(a)?.as_attribute()?))
    }

    fn blocks(&self, kind: &'static str) -> impl Iterator<Item = (&Arc<SourceFile>, &Block)> + '_ {
        self.bodies.iter().flat_map(move |(file, body)| {
            body.blocks()
                .filter(move |b| b.ident.value().as_str() == kind)
                .map(move |b| (file, b))
        })
    }

    /// The `source` attributes of local module calls (`./`, `../`), resolved to directories.
    pub fn local_calls(&self) -> Vec<PathBuf> {
        self.blocks("module")
            .filter_map(|(_, block)| {
                literal_string(block.body.get_attribute("source").map(|a| &a.value)?)
            })
            .filter(|source| is_local_source(source))
            .map(|source| self.dir.join(source))
            .collect()
    }
}

fn is_local_source(source: &str) -> bool {
    source.starts_with("./") || source.starts_with("../") || source == "." || source == ".."
}

fn literal_string(expr: &Expression) -> Option<String> {
    match expr {
        Expression::String(s) => Some(s.value().clone()),
        Expression::StringTemplate(t) => {
            let mut out = String::new();
            for element in t.iter() {
                out.push_str(element.as_literal()?.value());
            }
            Some(out)
        }
        _ => None,
    }
}

/// Reads and parses the `.tf` files of `dir` (and its tfvars); `read` does the size and
/// encoding checks shared with every other input.
pub fn load_module(dir: &Path, read: &ReadFile<'_>) -> LoadedModule {
    let display = display_path(dir);
    let mut module = LoadedModule {
        dir: dir.to_path_buf(),
        display: display.clone(),
        files: Vec::new(),
        bodies: Vec::new(),
        diagnostics: Vec::new(),
        tfvars: Vec::new(),
        blocks_by_name: HashMap::new(),
        locals_by_name: HashMap::new(),
        provider_addresses: HashSet::new(),
    };
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect(),
        Err(e) => {
            module.diagnostics.push(Diagnostic::error(
                Code::Io,
                display,
                format!("cannot read module directory: {e}"),
            ));
            return module;
        }
    };
    entries.sort();
    let name_of = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    // Terraform applies `terraform.tfvars`, then `terraform.tfvars.json`, then the
    // `*.auto.tfvars` and `*.auto.tfvars.json` files in lexical order.
    let mut auto_tfvars = Vec::new();
    for path in &entries {
        let name = name_of(path);
        let json = name.ends_with(".json");
        let stem = name.strip_suffix(".json").unwrap_or(&name);
        let is_tf = stem.ends_with(".tf");
        let is_tfvars = stem == "terraform.tfvars" || stem.ends_with(".auto.tfvars");
        if !is_tf && !is_tfvars {
            continue;
        }
        let file = match read(path) {
            Ok(Some(file)) => file,
            Ok(None) => continue,
            Err(diagnostic) => {
                module.diagnostics.push(diagnostic);
                continue;
            }
        };
        if is_tf && (stem == "override.tf" || stem.ends_with("_override.tf")) {
            module.diagnostics.push(Diagnostic::new(
                Level::Warning,
                Code::Unsupported,
                file.display.as_str(),
                "override files are not merged into the blocks they override yet: each block \
                 in this file is evaluated as a declaration of its own",
            ));
        }
        let parsed = if json {
            parse_json_body(&file, is_tfvars)
        } else {
            parse_body(&file).map(|body| (file, body))
        };
        match parsed {
            Ok((file, body)) if is_tf => {
                module.files.push(file.clone());
                module.bodies.push((file, body));
            }
            Ok(parsed) if stem == "terraform.tfvars" => module.tfvars.push(parsed),
            Ok(parsed) => auto_tfvars.push(parsed),
            Err(diagnostic) => module.diagnostics.push(diagnostic),
        }
    }
    module.tfvars.extend(auto_tfvars);
    module.index();
    module
}

/// Parses one file in Terraform's JSON syntax (a configuration, or tfvars when `variables`)
/// through its native-syntax translation; the returned file maps spans back into the JSON.
pub fn parse_json_body(
    file: &Arc<SourceFile>,
    variables: bool,
) -> Result<(Arc<SourceFile>, Body), Diagnostic> {
    let translation = if variables {
        super::json::translate_variables(&file.text)
    } else {
        super::json::translate_configuration(&file.text)
    }
    .map_err(|e| {
        Diagnostic::error(
            Code::Parse,
            file.display.as_str(),
            format!("invalid Terraform JSON: {}", e.message),
        )
        .at(file, Span::new(e.offset, e.offset))
    })?;
    let translated = Arc::new(file.with_translation(translation.map));
    match translation.text.parse::<Body>() {
        Ok(body) => Ok((translated, body)),
        Err(e) => {
            let at = e.location().offset();
            let span = translated.parsed_span(at..at);
            Err(Diagnostic::error(
                Code::Parse,
                file.display.as_str(),
                format!(
                    "invalid Terraform JSON: in a string expression: {}",
                    e.message()
                ),
            )
            .at(&translated, span))
        }
    }
}

/// Parses one HCL file; a syntax error is a diagnostic at its line and column.
pub fn parse_body(file: &Arc<SourceFile>) -> Result<Body, Diagnostic> {
    let first = file.text.parse::<Body>();
    let Err(original) = first else {
        return first
            .map_err(|_| Diagnostic::error(Code::Parse, file.display.as_str(), "invalid HCL"));
    };
    // Terraform ignores newlines inside `{ for … }`; hcl-edit does not (see `newlines`).
    if let Some(relaxed) = super::newlines::relax_object_for_newlines(&file.text) {
        if let Ok(body) = relaxed.parse::<Body>() {
            return Ok(body);
        }
    }
    Err(original).map_err(|e: hcl_edit::parser::Error| {
        let location = e.location();
        let at = location.offset().min(file.text.len());
        let message = e.message().to_string();
        Diagnostic::error(
            Code::Parse,
            file.display.as_str(),
            format!("invalid HCL: {message}"),
        )
        .at(file, Span::new(at, at))
    })
}

/// Values from the command line (`--var`, `--var-file`), applied after the module's tfvars.
#[derive(Clone, Debug, Default)]
pub struct InputVariables {
    pub values: BTreeMap<String, Value>,
}

/// Shared state of one root module's evaluation.
pub struct Project<'a> {
    /// Modules parsed before evaluation (every scanned directory), by canonical path.
    pub preloaded: &'a HashMap<PathBuf, Arc<LoadedModule>>,
    /// Modules loaded during evaluation (outside the scanned paths).
    pub extra: RefCell<HashMap<PathBuf, Arc<LoadedModule>>>,
    pub read: &'a ReadFile<'a>,
    pub scan_root: PathBuf,
    pub root_dir: PathBuf,
    pub max_instances: usize,
    pub inputs: InputVariables,
    /// `.terraform/modules/modules.json` of the root: module key → directory.
    pub installed: BTreeMap<String, PathBuf>,
    /// Module directories outside it are not followed.
    pub boundary: &'a Boundary,
    /// Time, memory and nesting left for this root module.
    pub budget: Budget,
    pub resources: RefCell<Vec<Resource>>,
    pub providers: RefCell<Vec<serde_json::Value>>,
    pub diagnostics: RefCell<Vec<Diagnostic>>,
    pub files: RefCell<Vec<Arc<SourceFile>>>,
}

impl Project<'_> {
    fn module(&self, dir: &Path) -> Arc<LoadedModule> {
        let key = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if let Some(module) = self.preloaded.get(&key) {
            return module.clone();
        }
        if let Some(module) = self.extra.borrow().get(&key) {
            return module.clone();
        }
        let module = Arc::new(load_module(dir, self.read));
        self.diagnostics
            .borrow_mut()
            .extend(module.diagnostics.iter().cloned());
        self.extra.borrow_mut().insert(key, module.clone());
        module
    }

    fn warn(&self, file: &Arc<SourceFile>, span: Option<Span>, message: String) {
        // Once a budget is exhausted every later step fails: one error says so (see
        // `evaluate_root`), not a warning per attribute.
        if self.budget.exceeded().is_some() {
            return;
        }
        let diagnostic =
            Diagnostic::new(Level::Warning, Code::Parse, file.display.as_str(), message);
        let diagnostic = match span {
            Some(span) => diagnostic.at(file, span),
            None => diagnostic,
        };
        self.diagnostics.borrow_mut().push(diagnostic);
    }
}

/// Reads `.terraform/modules/modules.json` (written by `terraform init`) if present and
/// inside the boundary (`.terraform` may be a link elsewhere).
pub fn installed_modules(root: &Path, boundary: &Boundary) -> BTreeMap<String, PathBuf> {
    let manifest = root.join(".terraform/modules/modules.json");
    if !boundary.contains(&manifest) {
        return BTreeMap::new();
    }
    let Ok(text) = std::fs::read_to_string(&manifest) else {
        return BTreeMap::new();
    };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
        return BTreeMap::new();
    };
    json.get("Modules")
        .and_then(|m| m.as_array())
        .map(|modules| {
            modules
                .iter()
                .filter_map(|m| {
                    Some((
                        m.get("Key")?.as_str()?.to_string(),
                        root.join(m.get("Dir")?.as_str()?),
                    ))
                })
                .filter(|(key, _)| !key.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// One instance of an expanded block: address suffix, `count.index`, `each` (key, value).
type InstanceKey = (String, Option<Value>, Option<(Value, Value)>);

/// A value with the addresses of the resources it was computed from.
type Traced = (Value, BTreeSet<String>);

/// How a resource or module block expands.
#[derive(Clone, Debug)]
enum Expansion {
    Single,
    /// `count = n`: keys 0..n.
    Count(usize),
    /// `for_each`: (key, each.value) pairs.
    ForEach(Vec<(String, Value)>),
    /// `count`/`for_each` not known statically: one instance at the base address.
    Unknown,
}

impl Expansion {
    /// (address suffix, count.index, each) per instance.
    fn instances(&self) -> Vec<InstanceKey> {
        match self {
            Expansion::Single => vec![(String::new(), None, None)],
            Expansion::Count(n) => (0..*n)
                .map(|i| (format!("[{i}]"), Some(Value::Number(i as f64)), None))
                .collect(),
            Expansion::ForEach(pairs) => pairs
                .iter()
                .map(|(k, v)| {
                    (
                        format!("[{}]", quote(k)),
                        None,
                        Some((Value::String(k.clone()), v.clone())),
                    )
                })
                .collect(),
            Expansion::Unknown => vec![(
                String::new(),
                Some(Value::Unknown),
                Some((Value::Unknown, Value::Unknown)),
            )],
        }
    }

    /// The address suffix for an index value, if this expansion has such an instance.
    fn suffix_for(&self, index: &Value) -> Option<String> {
        match (self, index) {
            (Expansion::Count(n), Value::Number(i))
                if *i >= 0.0 && i.fract() == 0.0 && (*i as usize) < *n =>
            {
                Some(format!("[{}]", format_number(*i)))
            }
            (Expansion::ForEach(pairs), Value::String(k))
                if pairs.iter().any(|(key, _)| key == k) =>
            {
                Some(format!("[{}]", quote(k)))
            }
            _ => None,
        }
    }

    fn suffixes(&self) -> Vec<String> {
        self.instances().into_iter().map(|(s, _, _)| s).collect()
    }
}

fn quote(key: &str) -> String {
    serde_json::to_string(key).unwrap_or_else(|_| format!("\"{key}\""))
}

/// The evaluated outputs of a child module call (one entry per instance).
#[derive(Clone, Debug)]
struct ChildOutputs {
    expansion: Expansion,
    /// suffix → output name → (value, references)
    instances: BTreeMap<String, BTreeMap<String, (Value, BTreeSet<String>)>>,
}

enum Memo<T> {
    InProgress,
    Done(T),
}

/// One module instance being evaluated.
pub struct Instance<'p, 'a> {
    project: &'p Project<'a>,
    module: Arc<LoadedModule>,
    /// `""` for the root, `module.a`, `module.a["x"].module.b`.
    address: String,
    /// Module key for `modules.json` (`a`, `a.b`).
    key: String,
    variables: BTreeMap<String, (Value, BTreeSet<String>)>,
    providers: BTreeMap<String, String>,
    chain: Vec<PathBuf>,
    locals: RefCell<HashMap<String, Memo<Traced>>>,
    children: RefCell<HashMap<String, Memo<ChildOutputs>>>,
    expansions: RefCell<HashMap<String, Memo<Expansion>>>,
    policy_documents: RefCell<HashMap<String, Memo<Value>>>,
    unsupported: RefCell<BTreeSet<String>>,
}

impl<'p, 'a> Instance<'p, 'a> {
    /// The root module instance, with tfvars and command-line values applied to its variables.
    pub fn root(project: &'p Project<'a>, module: Arc<LoadedModule>) -> Self {
        let mut provided: BTreeMap<String, (Value, BTreeSet<String>)> = BTreeMap::new();
        for (file, body) in &module.tfvars {
            let env = NoNames::new(&module.dir, &project.scan_root);
            for attribute in body.attributes() {
                let mut evaluator = Evaluator::new(&env);
                match evaluator.eval(&attribute.value) {
                    Ok(value) => {
                        provided
                            .insert(attribute.key.value().to_string(), (value, BTreeSet::new()));
                    }
                    Err(e) => project.warn(
                        file,
                        span_of(file, attribute),
                        format!("{}: {}", attribute.key.value(), e.0),
                    ),
                }
            }
        }
        for (name, value) in &project.inputs.values {
            provided.insert(name.clone(), (value.clone(), BTreeSet::new()));
        }
        let mut instance = Instance::new(
            project,
            module,
            String::new(),
            String::new(),
            Vec::new(),
            BTreeMap::new(),
        );
        instance.variables = instance.declare_variables(provided);
        instance
    }

    fn new(
        project: &'p Project<'a>,
        module: Arc<LoadedModule>,
        address: String,
        key: String,
        chain: Vec<PathBuf>,
        providers: BTreeMap<String, String>,
    ) -> Self {
        project
            .files
            .borrow_mut()
            .extend(module.files.iter().cloned());
        Instance {
            project,
            module,
            address,
            key,
            variables: BTreeMap::new(),
            providers,
            chain,
            locals: RefCell::default(),
            children: RefCell::default(),
            expansions: RefCell::default(),
            policy_documents: RefCell::default(),
            unsupported: RefCell::default(),
        }
    }

    /// Every declared variable: the provided value, else its default, else unknown.
    fn declare_variables(
        &self,
        mut provided: BTreeMap<String, (Value, BTreeSet<String>)>,
    ) -> BTreeMap<String, (Value, BTreeSet<String>)> {
        let mut variables = BTreeMap::new();
        for (file, block) in self.module.blocks("variable") {
            let Some(name) = label(block, 0) else {
                continue;
            };
            let value = match provided.remove(&name) {
                Some(value) => value,
                None => match block.body.get_attribute("default") {
                    Some(default) => {
                        let env = NoNames::new(&self.module.dir, &self.project.scan_root);
                        match Evaluator::new(&env).eval(&default.value) {
                            Ok(value) => (value, BTreeSet::new()),
                            Err(e) => {
                                self.project.warn(
                                    file,
                                    span_of(file, default),
                                    format!("variable {name} default: {}", e.0),
                                );
                                (Value::Unknown, BTreeSet::new())
                            }
                        }
                    }
                    None => (Value::Unknown, BTreeSet::new()),
                },
            };
            let value = self.apply_type(file, block, &name, value);
            variables.insert(name, value);
        }
        variables
    }

    /// Converts a variable's value to its declared `type` (optional attributes filled in).
    fn apply_type(
        &self,
        file: &Arc<SourceFile>,
        block: &Block,
        name: &str,
        (value, refs): (Value, BTreeSet<String>),
    ) -> (Value, BTreeSet<String>) {
        let Some(type_attribute) = block.body.get_attribute("type") else {
            return (value, refs);
        };
        let env = NoNames::new(&self.module.dir, &self.project.scan_root);
        let mut evaluator = Evaluator::new(&env);
        let Some(ty) = super::types::parse_type(&type_attribute.value, &mut evaluator) else {
            return (value, refs);
        };
        match super::types::convert(value, &ty) {
            Ok(value) => (value, refs),
            Err(e) => {
                self.project.warn(
                    file,
                    span_of(file, type_attribute),
                    format!("variable {name}: {}; its value is unknown", e.0),
                );
                (Value::Unknown, refs)
            }
        }
    }

    fn prefix(&self) -> String {
        if self.address.is_empty() {
            String::new()
        } else {
            format!("{}.", self.address)
        }
    }

    /// Evaluates every resource, data source and module call of this instance.
    pub fn run(&self) {
        self.collect_providers();
        // Data sources first: a rendered `aws_iam_policy_document` is then memoised before
        // the resources that use it are evaluated (each is evaluated once).
        for mode in ["data", "resource"] {
            for (file, block) in self.module.blocks(mode) {
                self.evaluate_resource(file, block, mode == "data");
            }
        }
        for (_, block) in self.module.blocks("module") {
            if let Some(name) = label(block, 0) {
                let _ = self.child(&name);
            }
        }
        let unsupported = self.unsupported.borrow();
        if !unsupported.is_empty() {
            let names: Vec<&str> = unsupported.iter().map(String::as_str).collect();
            self.project.diagnostics.borrow_mut().push(Diagnostic::new(
                Level::Info,
                Code::Unsupported,
                self.module.display.as_str(),
                format!(
                    "functions not evaluated by tenet (their results are unknown): {}",
                    names.join(", ")
                ),
            ));
        }
    }

    fn collect_providers(&self) {
        for (_, block) in self.module.blocks("provider") {
            let Some(name) = label(block, 0) else {
                continue;
            };
            let scope = Scope::new(self, None, None);
            let mut evaluator = Evaluator::new(&scope);
            let mut attr = |key: &str| {
                block
                    .body
                    .get_attribute(key)
                    .and_then(|a| evaluator.eval(&a.value).ok())
            };
            let alias = attr("alias").and_then(|v| v.as_str().map(str::to_string));
            let region = attr("region");
            let allowed = attr("allowed_account_ids");
            let assume_role = block
                .body
                .blocks()
                .find(|b| b.ident.value().as_str() == "assume_role")
                .and_then(|b| b.body.get_attribute("role_arn"))
                .and_then(|a| Evaluator::new(&scope).eval(&a.value).ok());
            let account = assume_role
                .as_ref()
                .and_then(Value::as_str)
                .and_then(|arn| arn.split(':').nth(4).map(str::to_string))
                .filter(|a| !a.is_empty())
                .or_else(|| match &allowed {
                    Some(Value::List(ids)) if ids.len() == 1 => {
                        ids.first().and_then(Value::to_template_string)
                    }
                    _ => None,
                });
            let local = match &alias {
                Some(alias) => format!("{name}.{alias}"),
                None => name.clone(),
            };
            let address = self
                .providers
                .get(&local)
                .cloned()
                .unwrap_or_else(|| format!("{}{local}", self.prefix()));
            self.project.providers.borrow_mut().push(serde_json::json!({
                "name": name,
                "alias": alias,
                "address": address,
                "module": self.address,
                "region": region.map_or(serde_json::Value::Null, |r| r.to_json()),
                "account": account,
            }));
        }
    }

    /// The provider configuration address a resource uses.
    fn provider_for(&self, block: &Block, resource_type: &str) -> String {
        let local = block
            .body
            .get_attribute("provider")
            .and_then(|a| traversal_text(&a.value))
            .unwrap_or_else(|| {
                resource_type
                    .split('_')
                    .next()
                    .unwrap_or(resource_type)
                    .to_string()
            });
        self.providers.get(&local).cloned().unwrap_or_else(|| {
            let declared_here = self.module.provider_addresses.contains(&local);
            if declared_here {
                format!("{}{local}", self.prefix())
            } else {
                local
            }
        })
    }

    fn expansion(&self, kind: &str, file: &Arc<SourceFile>, block: &Block, key: &str) -> Expansion {
        if let Some(Memo::Done(expansion)) = self.expansions.borrow().get(key) {
            return expansion.clone();
        }
        if self.expansions.borrow().contains_key(key) {
            return Expansion::Unknown; // its own count refers to itself
        }
        self.expansions
            .borrow_mut()
            .insert(key.to_string(), Memo::InProgress);
        let expansion = self.compute_expansion(kind, file, block);
        self.expansions
            .borrow_mut()
            .insert(key.to_string(), Memo::Done(expansion.clone()));
        expansion
    }

    fn compute_expansion(&self, kind: &str, file: &Arc<SourceFile>, block: &Block) -> Expansion {
        let scope = Scope::new(self, None, None);
        let file = file.clone();
        let limit = self.project.max_instances;
        if let Some(count) = block.body.get_attribute("count") {
            let value = Evaluator::new(&scope).eval(&count.value);
            return match value {
                Ok(Value::Unknown) => Expansion::Unknown,
                Ok(v) => match v.as_f64() {
                    Some(n) if n >= 0.0 && n.fract() == 0.0 && (n as usize) <= limit => {
                        Expansion::Count(n as usize)
                    }
                    Some(n) if n > limit as f64 => {
                        self.warn_at(&file, span_of(&file, count), format!("{kind} count {} is over the limit of {limit} instances; evaluated as one instance with unknown count.index", format_number(n)));
                        Expansion::Unknown
                    }
                    _ => {
                        self.warn_at(
                            &file,
                            span_of(&file, count),
                            "count must be a whole non-negative number".into(),
                        );
                        Expansion::Unknown
                    }
                },
                Err(e) => {
                    self.warn_at(&file, span_of(&file, count), format!("count: {}", e.0));
                    Expansion::Unknown
                }
            };
        }
        if let Some(for_each) = block.body.get_attribute("for_each") {
            let value = Evaluator::new(&scope).eval(&for_each.value);
            let pairs = match value {
                Ok(Value::Unknown) => return Expansion::Unknown,
                Ok(Value::Object(map)) => map.into_iter().collect::<Vec<_>>(),
                Ok(Value::List(items)) => {
                    let mut pairs = Vec::new();
                    for item in items {
                        match item {
                            Value::String(s) => pairs.push((s.clone(), Value::String(s))),
                            Value::Unknown => return Expansion::Unknown,
                            other => {
                                self.warn_at(
                                    &file,
                                    span_of(&file, for_each),
                                    format!(
                                        "for_each over a set needs strings, not {}",
                                        other.type_name()
                                    ),
                                );
                                return Expansion::Unknown;
                            }
                        }
                    }
                    pairs.sort_by(|a, b| a.0.cmp(&b.0));
                    pairs.dedup_by(|a, b| a.0 == b.0);
                    pairs
                }
                Ok(other) => {
                    self.warn_at(
                        &file,
                        span_of(&file, for_each),
                        format!(
                            "for_each needs a map or a set of strings, not {}",
                            other.type_name()
                        ),
                    );
                    return Expansion::Unknown;
                }
                Err(e) => {
                    self.warn_at(
                        &file,
                        span_of(&file, for_each),
                        format!("for_each: {}", e.0),
                    );
                    return Expansion::Unknown;
                }
            };
            if pairs.len() > limit {
                self.warn_at(&file, span_of(&file, for_each), format!("{kind} for_each has {} elements, over the limit of {limit} instances; evaluated as one instance with unknown each", pairs.len()));
                return Expansion::Unknown;
            }
            return Expansion::ForEach(pairs);
        }
        Expansion::Single
    }

    fn warn_at(&self, file: &Arc<SourceFile>, span: Option<Span>, message: String) {
        self.project.warn(file, span, message);
    }

    fn evaluate_resource(&self, file: &Arc<SourceFile>, block: &Block, data: bool) {
        let (Some(resource_type), Some(name)) = (label(block, 0), label(block, 1)) else {
            return;
        };
        let base = if data {
            format!("data.{resource_type}.{name}")
        } else {
            format!("{resource_type}.{name}")
        };
        let expansion = self.expansion(if data { "data" } else { "resource" }, file, block, &base);
        let provider = self.provider_for(block, &resource_type);
        let header = header_span(file, block);
        for (suffix, count_index, each) in expansion.instances() {
            let (mut attributes, build, _) =
                self.evaluate_block(file, block, count_index, each, header);
            if data && resource_type == "aws_iam_policy_document" {
                attributes = with_rendered_policy(attributes);
                let key = format!("{base}{suffix}");
                self.policy_documents
                    .borrow_mut()
                    .entry(key)
                    .or_insert_with(|| Memo::Done(Value::Object(attributes.clone())));
            }
            let address = format!("{}{base}{suffix}", self.prefix());
            let mut unknown = Vec::new();
            let attributes_json = to_json_collecting_unknown(
                &Value::Object(attributes),
                &mut Vec::new(),
                &mut unknown,
            );
            let mut resource = Resource::new(
                address,
                resource_type.clone(),
                name.clone(),
                file.display.clone(),
                attributes_json,
                build.spans,
            );
            resource.mode = Some(if data { "data" } else { "managed" }.to_string());
            resource.provider = Some(provider.clone());
            resource.module = Some(self.address.clone());
            resource.references = build.references;
            resource.unknown = unknown;
            self.project.resources.borrow_mut().push(resource);
        }
    }

    /// Lazily evaluates `local.name`.
    fn local(&self, name: &str) -> Result<(Value, BTreeSet<String>), EvalError> {
        match self.locals.borrow().get(name) {
            Some(Memo::Done(value)) => return Ok(value.clone()),
            Some(Memo::InProgress) => {
                return Err(EvalError(format!(
                    "local.{name} refers to itself (a reference cycle)"
                )));
            }
            None => {}
        }
        let found = self
            .module
            .local_attribute(name)
            .map(|(file, a)| (file.clone(), a));
        let Some((file, attribute)) = found else {
            return Err(EvalError(format!("no local value `{name}`")));
        };
        self.locals
            .borrow_mut()
            .insert(name.to_string(), Memo::InProgress);
        let scope = Scope::new(self, None, None);
        let result = Evaluator::new(&scope).eval(&attribute.value);
        let value = match result {
            Ok(value) => value,
            Err(e) => {
                self.warn_at(
                    &file,
                    span_of(&file, attribute),
                    format!("local.{name}: {}; its value is unknown", e.0),
                );
                Value::Unknown
            }
        };
        let refs = scope.refs.into_inner();
        self.locals
            .borrow_mut()
            .insert(name.to_string(), Memo::Done((value.clone(), refs.clone())));
        Ok((value, refs))
    }

    /// Evaluates module call `name` (all its instances) once; its resources join the project.
    fn child(&self, name: &str) -> Option<ChildOutputs> {
        match self.children.borrow().get(name) {
            Some(Memo::Done(outputs)) => return Some(outputs.clone()),
            Some(Memo::InProgress) => return None,
            None => {}
        }
        let (file, block) = self.module.named_block("module", name, "")?;
        let file = file.clone();
        self.children
            .borrow_mut()
            .insert(name.to_string(), Memo::InProgress);
        let outputs = self.instantiate_child(&file, block, name);
        self.children
            .borrow_mut()
            .insert(name.to_string(), Memo::Done(outputs.clone()));
        Some(outputs)
    }

    fn instantiate_child(&self, file: &Arc<SourceFile>, block: &Block, name: &str) -> ChildOutputs {
        let base = format!("module.{name}");
        let expansion = self.expansion("module", file, block, &base);
        let mut outputs = ChildOutputs {
            expansion: expansion.clone(),
            instances: BTreeMap::new(),
        };
        let key = if self.key.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.key)
        };
        let source = block
            .body
            .get_attribute("source")
            .and_then(|a| literal_string(&a.value))
            .unwrap_or_default();
        let dir = if is_local_source(&source) {
            Some(self.module.dir.join(&source))
        } else {
            self.project.installed.get(&key).cloned()
        };
        let Some(dir) = dir.filter(|d| d.is_dir()) else {
            self.project.diagnostics.borrow_mut().push(
                Diagnostic::new(
                    Level::Info,
                    Code::Unsupported,
                    file.display.as_str(),
                    format!("module.{name}: source \"{source}\" is not resolved (not a local path, and not installed by `terraform init` in .terraform/modules); its resources are not checked and its outputs are unknown"),
                )
                .at(file, header_span(file, block)),
            );
            return outputs;
        };
        let canonical = std::fs::canonicalize(&dir).unwrap_or_else(|_| dir.clone());
        if !self.project.boundary.contains_real(&canonical) {
            self.project.diagnostics.borrow_mut().push(
                Diagnostic::new(
                    Level::Warning,
                    Code::OutsideBoundary,
                    file.display.as_str(),
                    format!(
                        "module.{name}: source \"{source}\" leads to {} outside the scan boundary ({}; set it with --root); not followed: its resources are not checked and its outputs are unknown",
                        canonical.display(),
                        self.project.boundary.describe()
                    ),
                )
                .at(file, header_span(file, block)),
            );
            return outputs;
        }
        let own =
            std::fs::canonicalize(&self.module.dir).unwrap_or_else(|_| self.module.dir.clone());
        if canonical == own
            || self.chain.contains(&canonical)
            || self.chain.len() >= MAX_MODULE_DEPTH
        {
            self.project.diagnostics.borrow_mut().push(
                Diagnostic::new(Level::Warning, Code::Parse, file.display.as_str(), format!("module.{name} calls a module that is already being evaluated (a module calling itself) or nests deeper than {MAX_MODULE_DEPTH}; not followed"))
                    .at(file, header_span(file, block)),
            );
            return outputs;
        }
        let module = self.project.module(&dir);
        let providers = self.child_providers(block);
        for (suffix, count_index, each) in expansion.instances() {
            let scope = Scope::new(self, count_index, each);
            let mut provided = BTreeMap::new();
            for attribute in block.body.attributes() {
                let input = attribute.key.value().as_str();
                if [
                    "source",
                    "version",
                    "count",
                    "for_each",
                    "providers",
                    "depends_on",
                ]
                .contains(&input)
                {
                    continue;
                }
                scope.refs.borrow_mut().clear();
                let value = match Evaluator::new(&scope).eval(&attribute.value) {
                    Ok(value) => value,
                    Err(e) => {
                        self.warn_at(
                            file,
                            span_of(file, attribute),
                            format!("module.{name}.{input}: {}; unknown", e.0),
                        );
                        Value::Unknown
                    }
                };
                provided.insert(input.to_string(), (value, scope.refs.borrow().clone()));
            }
            let mut chain = self.chain.clone();
            chain.push(
                std::fs::canonicalize(&self.module.dir).unwrap_or_else(|_| self.module.dir.clone()),
            );
            let mut child = Instance::new(
                self.project,
                module.clone(),
                format!("{}{base}{suffix}", self.prefix()),
                key.clone(),
                chain,
                providers.clone(),
            );
            child.variables = child.declare_variables(provided);
            child.run();
            outputs.instances.insert(suffix, child.outputs());
        }
        outputs
    }

    /// `providers = { aws = aws.dr }` on a module call, resolved to configuration addresses.
    fn child_providers(&self, block: &Block) -> BTreeMap<String, String> {
        let mut map = self.providers.clone();
        if let Some(Expression::Object(object)) =
            block.body.get_attribute("providers").map(|a| &a.value)
        {
            for (key, value) in object.iter() {
                let child_name = match key {
                    hcl_edit::expr::ObjectKey::Ident(ident) => Some(ident.value().to_string()),
                    hcl_edit::expr::ObjectKey::Expression(expr) => traversal_text(expr),
                };
                if let (Some(child_name), Some(parent)) = (child_name, traversal_text(value.expr()))
                {
                    let resolved = self.providers.get(&parent).cloned().unwrap_or(parent);
                    map.insert(child_name, resolved);
                }
            }
        }
        map
    }

    fn outputs(&self) -> BTreeMap<String, (Value, BTreeSet<String>)> {
        let mut outputs = BTreeMap::new();
        for (file, block) in self.module.blocks("output") {
            let Some(name) = label(block, 0) else {
                continue;
            };
            let Some(value) = block.body.get_attribute("value") else {
                continue;
            };
            let scope = Scope::new(self, None, None);
            let result = Evaluator::new(&scope)
                .eval(&value.value)
                .unwrap_or_else(|e| {
                    self.warn_at(
                        file,
                        span_of(file, value),
                        format!("output {name}: {}; unknown", e.0),
                    );
                    Value::Unknown
                });
            outputs.insert(name, (result, scope.refs.into_inner()));
        }
        outputs
    }

    fn find_block(
        &self,
        kind: &'static str,
        resource_type: &str,
        name: &str,
    ) -> Option<(&Arc<SourceFile>, &Block)> {
        self.module.named_block(kind, resource_type, name)
    }

    /// Evaluates one instance of a resource or data block: its attributes, their spans and
    /// references, and the references left over from the last attribute.
    fn evaluate_block(
        &self,
        file: &Arc<SourceFile>,
        block: &Block,
        count_index: Option<Value>,
        each: Option<(Value, Value)>,
        header: Span,
    ) -> (BTreeMap<String, Value>, Build, BTreeSet<String>) {
        let scope = Scope::new(self, count_index, each);
        let mut build = Build::new(header);
        let mut evaluator = Evaluator::new(&scope);
        let attributes = eval_body(
            &mut evaluator,
            &scope,
            file,
            &block.body,
            &mut Vec::new(),
            &mut build,
            true,
        );
        (attributes, build, scope.refs.into_inner())
    }

    /// `data.aws_iam_policy_document.<name>` rendered (the only data source known statically).
    fn policy_document(
        &self,
        block: &Block,
        file: &Arc<SourceFile>,
        key: String,
        count_index: Option<Value>,
        each: Option<(Value, Value)>,
        refs: &RefCell<BTreeSet<String>>,
    ) -> Value {
        if let Some(Memo::Done(value)) = self.policy_documents.borrow().get(&key) {
            return value.clone();
        }
        if self.policy_documents.borrow().contains_key(&key) {
            return Value::Unknown;
        }
        self.policy_documents
            .borrow_mut()
            .insert(key.clone(), Memo::InProgress);
        let (attributes, _, own_refs) =
            self.evaluate_block(file, block, count_index, each, Span::default());
        refs.borrow_mut().extend(own_refs);
        let value = Value::Object(with_rendered_policy(attributes));
        self.policy_documents
            .borrow_mut()
            .insert(key, Memo::Done(value.clone()));
        value
    }
}

/// The scope of one expression: its module instance and `count.index`/`each`.
struct Scope<'i, 'p, 'a> {
    instance: &'i Instance<'p, 'a>,
    count_index: Option<Value>,
    each: Option<(Value, Value)>,
    /// Addresses of the resources the expression refers to.
    refs: RefCell<BTreeSet<String>>,
}

impl<'i, 'p, 'a> Scope<'i, 'p, 'a> {
    fn new(
        instance: &'i Instance<'p, 'a>,
        count_index: Option<Value>,
        each: Option<(Value, Value)>,
    ) -> Self {
        Scope {
            instance,
            count_index,
            each,
            refs: RefCell::default(),
        }
    }

    fn attr_name(operators: &[Decorated<TraversalOperator>], i: usize) -> Option<&str> {
        match operators.get(i)?.value() {
            TraversalOperator::GetAttr(name) => Some(name.value().as_str()),
            _ => None,
        }
    }

    /// The index value of `operators[i]` if it is `[expr]` (evaluated) or `.N`.
    fn index_at(
        &self,
        evaluator: &Evaluator<'_>,
        operators: &[Decorated<TraversalOperator>],
        i: usize,
    ) -> Option<Result<Value, EvalError>> {
        match operators.get(i)?.value() {
            TraversalOperator::Index(expr) => Some(Evaluator::new(evaluator.env).eval(expr)),
            TraversalOperator::LegacyIndex(n) => Some(Ok(Value::Number(*n.value() as f64))),
            _ => None,
        }
    }

    /// A reference to resource `base` (with expansion), consuming an index if present.
    fn reference(
        &self,
        evaluator: &Evaluator<'_>,
        base: String,
        expansion: &Expansion,
        operators: &[Decorated<TraversalOperator>],
        at: usize,
        value: Value,
    ) -> Result<(Value, usize), EvalError> {
        let prefix = self.instance.prefix();
        match expansion {
            Expansion::Single | Expansion::Unknown => {
                self.refs.borrow_mut().insert(format!("{prefix}{base}"));
                Ok((value, at))
            }
            Expansion::Count(_) | Expansion::ForEach(_) => {
                match self.index_at(evaluator, operators, at) {
                    Some(index) => {
                        let index = index?;
                        match expansion.suffix_for(&index) {
                            Some(suffix) => {
                                self.refs
                                    .borrow_mut()
                                    .insert(format!("{prefix}{base}{suffix}"));
                                Ok((value, at + 1))
                            }
                            None if index.is_unknown() => {
                                self.refs.borrow_mut().extend(
                                    expansion
                                        .suffixes()
                                        .into_iter()
                                        .map(|s| format!("{prefix}{base}{s}")),
                                );
                                Ok((Value::Unknown, at + 1))
                            }
                            None => Err(EvalError(format!(
                                "{base} has no instance {}",
                                index.to_template_string().unwrap_or_default()
                            ))),
                        }
                    }
                    None => {
                        self.refs.borrow_mut().extend(
                            expansion
                                .suffixes()
                                .into_iter()
                                .map(|s| format!("{prefix}{base}{s}")),
                        );
                        // The whole collection of instances: a list (count) or map (for_each) of unknown objects.
                        let collection = match expansion {
                            Expansion::Count(n) => Value::List(vec![Value::Unknown; *n]),
                            Expansion::ForEach(pairs) => Value::Object(
                                pairs
                                    .iter()
                                    .map(|(k, _)| (k.clone(), Value::Unknown))
                                    .collect(),
                            ),
                            _ => Value::Unknown,
                        };
                        Ok((collection, at))
                    }
                }
            }
        }
    }
}

impl Env for Scope<'_, '_, '_> {
    fn resolve(
        &self,
        evaluator: &Evaluator<'_>,
        root: &str,
        operators: &[Decorated<TraversalOperator>],
    ) -> Option<Result<(Value, usize), EvalError>> {
        let instance = self.instance;
        let first = Self::attr_name(operators, 0);
        Some(match root {
            "var" => {
                let name = first?;
                match instance.variables.get(name) {
                    Some((value, refs)) => {
                        self.refs.borrow_mut().extend(refs.iter().cloned());
                        Ok((value.clone(), 1))
                    }
                    None => Err(EvalError(format!("no variable `{name}` is declared"))),
                }
            }
            "local" => {
                let name = first?;
                instance.local(name).map(|(value, refs)| {
                    self.refs.borrow_mut().extend(refs);
                    (value, 1)
                })
            }
            "count" => match (first, &self.count_index) {
                (Some("index"), Some(index)) => Ok((index.clone(), 1)),
                _ => Err(EvalError(
                    "`count.index` is only available in a block with `count`".into(),
                )),
            },
            "each" => match (first, &self.each) {
                (Some("key"), Some((key, _))) => Ok((key.clone(), 1)),
                (Some("value"), Some((_, value))) => Ok((value.clone(), 1)),
                _ => Err(EvalError(
                    "`each` is only available in a block with `for_each`".into(),
                )),
            },
            "path" => match first {
                Some("module") => Ok((
                    Value::String(relative_display(
                        &instance.project.root_dir,
                        &instance.module.dir,
                    )),
                    1,
                )),
                Some("root") => Ok((Value::String(".".into()), 1)),
                // Terraform runs in the root module: `path.cwd` is its absolute path.
                Some("cwd") => {
                    let root = &instance.project.root_dir;
                    let absolute = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
                    Ok((Value::String(absolute.to_string_lossy().into_owned()), 1))
                }
                _ => Err(EvalError("unknown `path` attribute".into())),
            },
            "terraform" => match first {
                Some("workspace") => Ok((Value::String("default".into()), 1)),
                _ => Ok((Value::Unknown, 1)),
            },
            "self" => Ok((Value::Unknown, 0)),
            "module" => {
                let name = first?;
                let Some(outputs) = instance.child(name) else {
                    return Some(Ok((Value::Unknown, operators.len())));
                };
                let prefix = instance.prefix();
                match &outputs.expansion {
                    Expansion::Single | Expansion::Unknown => {
                        let only = outputs.instances.values().next();
                        let Some(only) = only else {
                            return Some(Ok((Value::Unknown, operators.len())));
                        };
                        match Self::attr_name(operators, 1) {
                            Some(output) => match only.get(output) {
                                Some((value, refs)) => {
                                    self.refs.borrow_mut().extend(refs.iter().cloned());
                                    Ok((value.clone(), 2))
                                }
                                None => Err(EvalError(format!(
                                    "module.{name} has no output `{output}`"
                                ))),
                            },
                            None => {
                                let _ = prefix;
                                for (_, refs) in only.values() {
                                    self.refs.borrow_mut().extend(refs.iter().cloned());
                                }
                                Ok((
                                    Value::Object(
                                        only.iter()
                                            .map(|(k, (v, _))| (k.clone(), v.clone()))
                                            .collect(),
                                    ),
                                    1,
                                ))
                            }
                        }
                    }
                    Expansion::Count(_) | Expansion::ForEach(_) => {
                        let objects: Vec<(String, Value)> = outputs
                            .instances
                            .iter()
                            .map(|(suffix, outs)| {
                                for (_, refs) in outs.values() {
                                    self.refs.borrow_mut().extend(refs.iter().cloned());
                                }
                                (
                                    suffix.clone(),
                                    Value::Object(
                                        outs.iter()
                                            .map(|(k, (v, _))| (k.clone(), v.clone()))
                                            .collect(),
                                    ),
                                )
                            })
                            .collect();
                        let collection = match &outputs.expansion {
                            Expansion::Count(_) => {
                                Value::List(objects.into_iter().map(|(_, v)| v).collect())
                            }
                            _ => Value::Object(
                                outputs
                                    .expansion
                                    .instances()
                                    .into_iter()
                                    .zip(objects)
                                    .filter_map(|((_, _, each), (_, v))| {
                                        Some((each?.0.as_str()?.to_string(), v))
                                    })
                                    .collect(),
                            ),
                        };
                        Ok((collection, 1))
                    }
                }
            }
            "data" => {
                let resource_type = first?;
                let name = Self::attr_name(operators, 1)?;
                let base = format!("data.{resource_type}.{name}");
                let Some((file, block)) = instance.find_block("data", resource_type, name) else {
                    return Some(Err(EvalError(format!(
                        "no data source `{base}` is declared"
                    ))));
                };
                let expansion = instance.expansion("data", file, block, &base);
                if resource_type == "aws_iam_policy_document" {
                    let (value, consumed) = match self.reference(
                        evaluator,
                        base.clone(),
                        &expansion,
                        operators,
                        2,
                        Value::Unknown,
                    ) {
                        Ok(found) => found,
                        Err(e) => return Some(Err(e)),
                    };
                    // Render the addressed instance (a single or indexed one).
                    let index = if consumed > 2 {
                        self.index_at(evaluator, operators, 2).and_then(Result::ok)
                    } else {
                        None
                    };
                    let instance_args = match (&expansion, &index) {
                        (Expansion::Single, _) => Some((String::new(), None, None)),
                        (_, Some(index)) => expansion.instances().into_iter().find(|(s, _, _)| {
                            expansion.suffix_for(index).as_deref() == Some(s.as_str())
                        }),
                        _ => None,
                    };
                    return Some(match instance_args {
                        Some((suffix, count_index, each)) => {
                            let rendered = instance.policy_document(
                                block,
                                file,
                                format!("{base}{suffix}"),
                                count_index,
                                each,
                                &self.refs,
                            );
                            Ok((rendered, consumed))
                        }
                        None => Ok((value, consumed)),
                    });
                }
                self.reference(evaluator, base, &expansion, operators, 2, Value::Unknown)
            }
            resource_type => {
                let name = first?;
                let (file, block) = instance.find_block("resource", resource_type, name)?;
                let base = format!("{resource_type}.{name}");
                let expansion = instance.expansion("resource", file, block, &base);
                self.reference(evaluator, base, &expansion, operators, 1, Value::Unknown)
            }
        })
    }

    /// Terraform resolves relative paths in `file()` and friends against the working
    /// directory, the root module (which is why modules write `"${path.module}/x"`).
    fn module_dir(&self) -> &Path {
        &self.instance.project.root_dir
    }

    fn scan_root(&self) -> &Path {
        &self.instance.project.scan_root
    }

    fn unsupported_function(&self, name: &str) {
        self.instance
            .unsupported
            .borrow_mut()
            .insert(name.to_string());
    }

    fn budget(&self) -> &Budget {
        &self.instance.project.budget
    }
}

/// What evaluating one resource body collects beside the attribute values.
struct Build {
    spans: SpanMap,
    references: BTreeMap<String, Vec<String>>,
}

impl Build {
    fn new(header: Span) -> Self {
        Build {
            spans: SpanMap::new(header),
            references: BTreeMap::new(),
        }
    }
}

/// An `aws_iam_policy_document`'s attributes plus `json`, the policy the provider renders.
fn with_rendered_policy(mut attributes: BTreeMap<String, Value>) -> BTreeMap<String, Value> {
    let rendered = policy_document::render(&Value::Object(attributes.clone()));
    attributes.insert("json".to_string(), rendered);
    attributes
}

/// Meta-arguments that configure Terraform itself, not the resource.
const META_ARGUMENTS: [&str; 4] = ["count", "for_each", "depends_on", "provider"];

/// Evaluates a (resource or nested) block body into an object; nested blocks become lists.
fn eval_body(
    evaluator: &mut Evaluator<'_>,
    scope: &Scope<'_, '_, '_>,
    file: &Arc<SourceFile>,
    body: &Body,
    path: &mut AttrPath,
    build: &mut Build,
    top_level: bool,
) -> BTreeMap<String, Value> {
    let mut object: BTreeMap<String, Value> = BTreeMap::new();
    for structure in body.iter() {
        match structure {
            Structure::Attribute(attribute) => {
                let name = attribute.key.value().to_string();
                if top_level && META_ARGUMENTS.contains(&name.as_str()) {
                    continue;
                }
                // `lifecycle` lists of attribute names and resources, not values.
                if ["ignore_changes", "replace_triggered_by"].contains(&name.as_str()) {
                    continue;
                }
                scope.refs.borrow_mut().clear();
                // A provisioner's `when = destroy` and `on_failure = continue` are keywords.
                let keyword = match &attribute.value {
                    Expression::Variable(v)
                        if !top_level && ["when", "on_failure"].contains(&name.as_str()) =>
                    {
                        Some(Value::String(v.value().to_string()))
                    }
                    _ => None,
                };
                let value = match keyword.map_or_else(|| evaluator.eval(&attribute.value), Ok) {
                    Ok(value) => value,
                    Err(e) => {
                        scope.instance.warn_at(
                            file,
                            span_of(file, attribute),
                            format!("{name}: {}; its value is unknown", e.0),
                        );
                        Value::Unknown
                    }
                };
                path.push(PathSegment::Key(name.clone()));
                if let Some(span) = span_of(file, attribute) {
                    build.spans.attributes.insert(path.clone(), span);
                }
                record_literal_spans(file, &attribute.value, path, build);
                let refs = std::mem::take(&mut *scope.refs.borrow_mut());
                if !refs.is_empty() {
                    build
                        .references
                        .insert(display_attr_path(path), refs.into_iter().collect());
                }
                path.pop();
                if value != Value::Null {
                    object.insert(name, value);
                }
            }
            Structure::Block(block) => {
                let ident = block.ident.value().to_string();
                if ident == "dynamic" {
                    eval_dynamic(evaluator, scope, file, block, path, build, &mut object);
                    continue;
                }
                let list = object
                    .entry(ident.clone())
                    .or_insert_with(|| Value::List(Vec::new()));
                let index = match list {
                    Value::List(items) => items.len(),
                    _ => continue,
                };
                path.push(PathSegment::Key(ident.clone()));
                path.push(PathSegment::Index(index));
                build
                    .spans
                    .attributes
                    .insert(path.clone(), header_span(file, block));
                let inner = eval_body(evaluator, scope, file, &block.body, path, build, false);
                path.pop();
                path.pop();
                if let Some(Value::List(items)) = object.get_mut(&ident) {
                    items.push(Value::Object(inner));
                }
            }
        }
    }
    object
}

/// `dynamic "x" { for_each = …; iterator = it; content { … } }` expanded into `x` blocks.
fn eval_dynamic(
    evaluator: &mut Evaluator<'_>,
    scope: &Scope<'_, '_, '_>,
    file: &Arc<SourceFile>,
    block: &Block,
    path: &mut AttrPath,
    build: &mut Build,
    object: &mut BTreeMap<String, Value>,
) {
    let Some(label) = label(block, 0) else { return };
    let iterator = block
        .body
        .get_attribute("iterator")
        .and_then(|a| traversal_text(&a.value))
        .unwrap_or_else(|| label.clone());
    let Some(content) = block
        .body
        .blocks()
        .find(|b| b.ident.value().as_str() == "content")
    else {
        return;
    };
    let collection = match block.body.get_attribute("for_each") {
        Some(for_each) => evaluator.eval(&for_each.value).unwrap_or_else(|e| {
            scope.instance.warn_at(
                file,
                span_of(file, for_each),
                format!("dynamic \"{label}\" for_each: {}", e.0),
            );
            Value::Unknown
        }),
        None => Value::Unknown,
    };
    let pairs = match iteration_pairs(collection) {
        Ok(Some(pairs)) => pairs,
        _ => {
            // Unknown blocks: the whole attribute is unknown (never guessed).
            object.insert(label, Value::Unknown);
            return;
        }
    };
    // Static `x` blocks written before this `dynamic "x"` come first; an unknown earlier
    // `dynamic "x"` keeps the whole attribute unknown.
    let start = match object
        .entry(label.clone())
        .or_insert_with(|| Value::List(Vec::new()))
    {
        Value::List(items) => items.len(),
        _ => return,
    };
    let mut added = Vec::with_capacity(pairs.len());
    for (i, (key, value)) in pairs.into_iter().enumerate() {
        let iterator_value =
            BTreeMap::from([("key".to_string(), key), ("value".to_string(), value)]);
        path.push(PathSegment::Key(label.clone()));
        path.push(PathSegment::Index(start + i));
        build
            .spans
            .attributes
            .insert(path.clone(), header_span(file, block));
        let inner = evaluator.with_local(&iterator, Value::Object(iterator_value), |evaluator| {
            eval_body(evaluator, scope, file, &content.body, path, build, false)
        });
        path.pop();
        path.pop();
        added.push(Value::Object(inner));
    }
    if let Some(Value::List(items)) = object.get_mut(&label) {
        items.extend(added);
    }
}

/// Spans for the keys of object literals and items of array literals inside an attribute, so
/// `tags = { env = "x" }` locates `tags.env` on its own line.
fn record_literal_spans(
    file: &SourceFile,
    expr: &Expression,
    path: &mut AttrPath,
    build: &mut Build,
) {
    match expr {
        Expression::Object(object) => {
            for (key, value) in object.iter() {
                let name = match key {
                    hcl_edit::expr::ObjectKey::Ident(ident) => ident.value().to_string(),
                    hcl_edit::expr::ObjectKey::Expression(Expression::String(s)) => {
                        s.value().clone()
                    }
                    hcl_edit::expr::ObjectKey::Expression(_) => continue,
                };
                path.push(PathSegment::Key(name));
                let start = key.span().map(|r| r.start);
                let end = value.expr().span().map(|r| r.end);
                if let (Some(start), Some(end)) = (start, end) {
                    build
                        .spans
                        .attributes
                        .insert(path.clone(), file.parsed_span(start..end));
                }
                record_literal_spans(file, value.expr(), path, build);
                path.pop();
            }
        }
        Expression::Array(array) => {
            for (i, item) in array.iter().enumerate() {
                path.push(PathSegment::Index(i));
                if let Some(range) = item.span() {
                    build
                        .spans
                        .attributes
                        .insert(path.clone(), file.parsed_span(range));
                }
                record_literal_spans(file, item, path, build);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Converts to JSON; every unknown becomes `null` and its path is listed.
fn to_json_collecting_unknown(
    value: &Value,
    path: &mut AttrPath,
    unknown: &mut Vec<String>,
) -> serde_json::Value {
    match value {
        Value::Unknown => {
            unknown.push(display_attr_path(path));
            serde_json::Value::Null
        }
        Value::List(items) => serde_json::Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    path.push(PathSegment::Index(i));
                    let json = to_json_collecting_unknown(item, path, unknown);
                    path.pop();
                    json
                })
                .collect(),
        ),
        Value::Object(map) => serde_json::Value::Object(
            map.iter()
                .map(|(k, v)| {
                    path.push(PathSegment::Key(k.clone()));
                    let json = to_json_collecting_unknown(v, path, unknown);
                    path.pop();
                    (k.clone(), json)
                })
                .collect(),
        ),
        other => other.to_json(),
    }
}

fn label(block: &Block, i: usize) -> Option<String> {
    block.labels.get(i).map(|l| match l {
        BlockLabel::Ident(ident) => ident.value().to_string(),
        BlockLabel::String(s) => s.value().clone(),
    })
}

/// `aws.dr` for a traversal expression, `aws` for a bare name.
fn traversal_text(expr: &Expression) -> Option<String> {
    match expr {
        Expression::Variable(v) => Some(v.value().to_string()),
        Expression::Traversal(t) => {
            let mut text = traversal_text(&t.expr)?;
            for operator in &t.operators {
                match operator.value() {
                    TraversalOperator::GetAttr(name) => {
                        text.push('.');
                        text.push_str(name.value().as_str());
                    }
                    _ => return None,
                }
            }
            Some(text)
        }
        Expression::String(s) => Some(s.value().clone()),
        _ => None,
    }
}

/// The span of a parsed node in its file (mapped back when the file was translated).
fn span_of(file: &SourceFile, node: &impl hcl_edit::Span) -> Option<Span> {
    node.span().map(|r| file.parsed_span(r))
}

/// The block's first line: `resource "aws_s3_bucket" "logs" {`.
fn header_span(file: &SourceFile, block: &Block) -> Span {
    let Some(range) = block.span() else {
        return Span::default();
    };
    if let Some(header) = file.translated_header(range.start) {
        return header;
    }
    let range = file.parsed_span(range);
    let line_end = file
        .text
        .get(range.start..)
        .and_then(|rest| rest.find('\n'))
        .map_or(range.end, |i| range.start + i);
    Span::new(range.start, line_end.min(range.end))
}

/// `path.module` as Terraform shows it: relative to the root module.
fn relative_display(root: &Path, dir: &Path) -> String {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let dir_canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    match dir_canonical.strip_prefix(&root) {
        Ok(rel) if rel.as_os_str().is_empty() => ".".to_string(),
        Ok(rel) => display_path(rel),
        Err(_) => display_path(dir),
    }
}

impl InputVariables {
    /// Adds `NAME=VALUE` from `--var`: a list or map value is parsed as HCL (`'x=["a"]'`),
    /// anything else is the string itself, as Terraform does for `-var`.
    pub fn add_var(&mut self, argument: &str) -> Result<(), String> {
        let (name, raw) = argument
            .split_once('=')
            .ok_or_else(|| format!("--var `{argument}`: expected NAME=VALUE"))?;
        let name = name.trim();
        if name.is_empty() {
            return Err(format!("--var `{argument}`: the variable name is empty"));
        }
        let trimmed = raw.trim_start();
        let value = if trimmed.starts_with('[') || trimmed.starts_with('{') {
            let expr: Expression = raw
                .parse()
                .map_err(|e: hcl_edit::parser::Error| format!("--var {name}: {e}"))?;
            let root = PathBuf::from(".");
            let env = NoNames::new(&root, &root);
            Evaluator::new(&env)
                .eval(&expr)
                .map_err(|e| format!("--var {name}: {}", e.0))?
        } else {
            Value::String(raw.to_string())
        };
        self.values.insert(name.to_string(), value);
        Ok(())
    }

    /// Adds every assignment of a `--var-file` (tfvars syntax, or JSON for a `.json` file).
    pub fn add_var_file(&mut self, path: &Path) -> Result<(), String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("--var-file {}: {e}", path.display()))?;
        let body: Body = if path.extension().is_some_and(|e| e == "json") {
            let translation = super::json::translate_variables(&text).map_err(|e| {
                let line = text
                    .get(..e.offset)
                    .map_or(1, |t| t.matches('\n').count() + 1);
                format!("--var-file {}:{line}: {}", path.display(), e.message)
            })?;
            translation
                .text
                .parse()
                .map_err(|e: hcl_edit::parser::Error| {
                    format!("--var-file {}: {}", path.display(), e.message())
                })?
        } else {
            text.parse().map_err(|e: hcl_edit::parser::Error| {
                format!("--var-file {}: {e}", path.display())
            })?
        };
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let env = NoNames::new(&dir, &dir);
        for attribute in body.attributes() {
            let value = Evaluator::new(&env).eval(&attribute.value).map_err(|e| {
                format!(
                    "--var-file {}: {}: {}",
                    path.display(),
                    attribute.key.value(),
                    e.0
                )
            })?;
            self.values.insert(attribute.key.value().to_string(), value);
        }
        Ok(())
    }
}
