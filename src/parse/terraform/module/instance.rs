//! Module instances: how resource and module blocks expand (`count`, `for_each`), and the
//! evaluation of one instance's variables, locals, resources, providers and child modules.

use super::*;

/// One instance of an expanded block: address suffix, `count.index`, `each` (key, value).
pub(super) type InstanceKey = (String, Option<Value>, Option<(Value, Value)>);

/// A value with the addresses of the resources it was computed from.
pub(super) type Traced = (Value, BTreeSet<String>);

/// How a resource or module block expands.
#[derive(Clone, Debug)]
pub(super) enum Expansion {
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
    pub(super) fn instances(&self) -> Vec<InstanceKey> {
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
    pub(super) fn suffix_for(&self, index: &Value) -> Option<String> {
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

    pub(super) fn suffixes(&self) -> Vec<String> {
        self.instances().into_iter().map(|(s, _, _)| s).collect()
    }
}

pub(super) fn quote(key: &str) -> String {
    serde_json::to_string(key).unwrap_or_else(|_| format!("\"{key}\""))
}

/// The evaluated outputs of a child module call (one entry per instance).
#[derive(Clone, Debug)]
pub(super) struct ChildOutputs {
    pub(super) expansion: Expansion,
    /// suffix → output name → (value, references)
    pub(super) instances: BTreeMap<String, BTreeMap<String, (Value, BTreeSet<String>)>>,
}

impl ChildOutputs {
    /// A module call that is not followed (unresolved source, outside the boundary, recursive):
    /// whatever is read from it, any instance or output, is unknown.
    fn not_followed() -> Self {
        ChildOutputs {
            expansion: Expansion::Unknown,
            instances: BTreeMap::new(),
        }
    }
}

pub(super) enum Memo<T> {
    InProgress,
    Done(T),
}

/// One module instance being evaluated.
pub struct Instance<'p, 'a> {
    pub(super) project: &'p Project<'a>,
    pub(super) module: Arc<LoadedModule>,
    /// `""` for the root, `module.a`, `module.a["x"].module.b`.
    pub(super) address: String,
    /// Module key for `modules.json` (`a`, `a.b`).
    pub(super) key: String,
    pub(super) variables: BTreeMap<String, (Value, BTreeSet<String>)>,
    pub(super) providers: BTreeMap<String, String>,
    pub(super) chain: Vec<PathBuf>,
    pub(super) locals: RefCell<HashMap<String, Memo<Traced>>>,
    pub(super) children: RefCell<HashMap<String, Memo<ChildOutputs>>>,
    pub(super) expansions: RefCell<HashMap<String, Memo<Expansion>>>,
    /// The resources each block's `for_each` expression refers to, by block (file, offset):
    /// what `each.key` and `each.value` refer to in that block.
    pub(super) each_refs: RefCell<HashMap<(String, usize), BTreeSet<String>>>,
    pub(super) policy_documents: RefCell<HashMap<String, Memo<Value>>>,
    pub(super) unsupported: RefCell<BTreeSet<String>>,
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

    pub(super) fn new(
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
            each_refs: RefCell::default(),
            policy_documents: RefCell::default(),
            unsupported: RefCell::default(),
        }
    }

    /// Every declared variable: the provided value, else its default, else unknown.
    pub(super) fn declare_variables(
        &self,
        mut provided: BTreeMap<String, (Value, BTreeSet<String>)>,
    ) -> BTreeMap<String, (Value, BTreeSet<String>)> {
        let mut variables = BTreeMap::new();
        for (file, block) in self.module.blocks("variable") {
            let Some(name) = label(block, 0) else {
                continue;
            };
            // A default is a literal of the variable's own IR entry (see `variable_entries`):
            // the attributes computed from it refer to that entry.
            let entry = BTreeSet::from([format!("{}var.{name}", self.prefix())]);
            let default = || match block.body.get_attribute("default") {
                Some(default) => {
                    let env = NoNames::new(&self.module.dir, &self.project.scan_root);
                    match Evaluator::new(&env).eval(&default.value) {
                        Ok(value) => (value, entry.clone()),
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
            };
            let value = match provided.remove(&name) {
                // `nullable = false`: a caller's `null` means the default, as in Terraform.
                Some((Value::Null, _)) if !nullable(block) => default(),
                Some(value) => value,
                None => default(),
            };
            let value = self.apply_type(file, block, &name, value);
            variables.insert(name, value);
        }
        variables
    }

    /// Converts a variable's value to its declared `type` (optional attributes filled in).
    pub(super) fn apply_type(
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
        let Some(ty) = super::super::types::parse_type(&type_attribute.value, &mut evaluator)
        else {
            return (value, refs);
        };
        match super::super::types::convert(value, &ty) {
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

    pub(super) fn prefix(&self) -> String {
        if self.address.is_empty() {
            String::new()
        } else {
            format!("{}.", self.address)
        }
    }

    /// Evaluates every resource, data source and module call of this instance.
    pub fn run(&self) {
        self.collect_providers();
        self.variable_entries();
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

    /// An IR entry (mode `variable`, type `variable`, address `var.<name>`) for every variable
    /// declared with a `default`, holding that default as written, so rules can judge the
    /// literal where it is written (HY001) even when nothing uses the variable.
    pub(super) fn variable_entries(&self) {
        for (file, block) in self.module.blocks("variable") {
            let (Some(name), Some(default)) =
                (label(block, 0), block.body.get_attribute("default"))
            else {
                continue;
            };
            let env = NoNames::new(&self.module.dir, &self.project.scan_root);
            // An error was reported when the variable was declared.
            let value = Evaluator::new(&env)
                .eval(&default.value)
                .unwrap_or(Value::Unknown);
            let mut attributes = BTreeMap::from([("default".to_string(), value)]);
            if let Some(Ok(sensitive)) = block
                .body
                .get_attribute("sensitive")
                .map(|a| Evaluator::new(&env).eval(&a.value))
            {
                attributes.insert("sensitive".to_string(), sensitive);
            }
            let mut build = Build::new(header_span(file, block), file);
            record_attribute_spans(
                file,
                default,
                &mut vec![PathSegment::Key("default".to_string())],
                &mut build,
            );
            self.push_entry(
                file,
                "variable",
                "variable",
                &name,
                format!("var.{name}"),
                attributes,
                build,
            );
        }
    }

    /// Adds a non-resource entry (a variable or a provider configuration) to the IR.
    #[allow(clippy::too_many_arguments)]
    fn push_entry(
        &self,
        file: &Arc<SourceFile>,
        mode: &str,
        entry_type: &str,
        name: &str,
        local_address: String,
        attributes: BTreeMap<String, Value>,
        build: Build,
    ) {
        let mut unknown = Vec::new();
        let attributes_json =
            to_json_collecting_unknown(&Value::Object(attributes), &mut Vec::new(), &mut unknown);
        let mut entry = Resource::new(
            format!("{}{local_address}", self.prefix()),
            entry_type.to_string(),
            name.to_string(),
            file.display.clone(),
            attributes_json,
            build.spans,
        );
        entry.mode = Some(mode.to_string());
        entry.module = Some(self.address.clone());
        entry.references = build.references;
        entry.defaults = build.defaults;
        entry.unknown = unknown;
        entry.partial = build.partial;
        entry.alternatives = build.alternatives;
        self.project.resources.borrow_mut().push(entry);
    }

    pub(super) fn collect_providers(&self) {
        for (file, block) in self.module.blocks("provider") {
            let Some(name) = label(block, 0) else {
                continue;
            };
            // Evaluated once: the summary below reads the arguments it needs from the same
            // attributes the provider's IR entry holds.
            let (attributes, build, _) =
                self.evaluate_block(file, block, None, None, header_span(file, block));
            let first_block = |ident: &str| match attributes.get(ident) {
                Some(Value::List(blocks)) => blocks.first(),
                _ => None,
            };
            let field = |block: &'_ Value, key: &str| match block {
                Value::Object(map) => map.get(key).cloned(),
                _ => None,
            };
            let alias = attributes
                .get("alias")
                .and_then(Value::as_str)
                .map(str::to_string);
            let region = attributes.get("region");
            let account = first_block("assume_role")
                .and_then(|role| field(role, "role_arn"))
                .and_then(|arn| {
                    arn.as_str()
                        .and_then(|arn| arn.split(':').nth(4).map(str::to_string))
                })
                .filter(|a| !a.is_empty())
                .or_else(|| match attributes.get("allowed_account_ids") {
                    Some(Value::List(ids)) if ids.len() == 1 => {
                        ids.first().and_then(Value::to_template_string)
                    }
                    _ => None,
                });
            // `default_tags { tags = … }`: the tags every resource of the provider gets.
            let default_tags = first_block("default_tags").map(|tags_block| {
                field(tags_block, "tags").map_or(serde_json::json!({}), |tags| tags.to_json())
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
            let mut summary = serde_json::json!({
                "name": name,
                "alias": alias,
                "address": address,
                "module": self.address,
                "region": region.map_or(serde_json::Value::Null, Value::to_json),
                "account": account,
            });
            if let (Some(tags), Some(object)) = (default_tags, summary.as_object_mut()) {
                object.insert("default_tags".to_string(), tags);
            }
            self.project.providers.borrow_mut().push(summary);
            // The whole configuration as an entry too (mode `provider`), so rules can judge
            // its arguments where they are written (HY001: `access_key`, `token`).
            let entry_name = alias.clone().unwrap_or_else(|| name.clone());
            self.push_entry(
                file,
                "provider",
                &name,
                &entry_name,
                format!("provider.{local}"),
                attributes,
                build,
            );
        }
    }

    /// The provider configuration address a resource uses.
    pub(super) fn provider_for(&self, block: &Block, resource_type: &str) -> String {
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

    pub(super) fn expansion(
        &self,
        kind: &str,
        file: &Arc<SourceFile>,
        block: &Block,
        key: &str,
    ) -> Expansion {
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

    /// What `each` refers to in `block` (empty without `for_each`).
    pub(super) fn each_refs_of(&self, file: &SourceFile, block: &Block) -> BTreeSet<String> {
        self.each_refs
            .borrow()
            .get(&block_key(file, block))
            .cloned()
            .unwrap_or_default()
    }

    pub(super) fn compute_expansion(
        &self,
        kind: &str,
        file: &Arc<SourceFile>,
        block: &Block,
    ) -> Expansion {
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
            self.each_refs
                .borrow_mut()
                .insert(block_key(&file, block), scope.refs.take());
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

    pub(super) fn warn_at(&self, file: &Arc<SourceFile>, span: Option<Span>, message: String) {
        self.project.warn(file, span, message);
    }

    pub(super) fn evaluate_resource(&self, file: &Arc<SourceFile>, block: &Block, data: bool) {
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
            resource.defaults = build.defaults;
            resource.unknown = unknown;
            resource.partial = build.partial;
            resource.alternatives = build.alternatives;
            self.project.resources.borrow_mut().push(resource);
        }
    }

    /// Lazily evaluates `local.name`.
    pub(super) fn local(&self, name: &str) -> Result<(Value, BTreeSet<String>), EvalError> {
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
    pub(super) fn child(&self, name: &str) -> Option<ChildOutputs> {
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

    pub(super) fn instantiate_child(
        &self,
        file: &Arc<SourceFile>,
        block: &Block,
        name: &str,
    ) -> ChildOutputs {
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
                    Code::UnresolvedModule,
                    file.display.as_str(),
                    format!("module.{name}: source \"{source}\" is not resolved (not a local path, and not installed by `terraform init` in .terraform/modules); its resources are not checked and its outputs are unknown"),
                )
                .at(file, header_span(file, block)),
            );
            return ChildOutputs::not_followed();
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
            return ChildOutputs::not_followed();
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
            return ChildOutputs::not_followed();
        }
        let module = self.project.module(&dir);
        let providers = self.child_providers(block);
        let instances = expansion.instances();
        if !instances.is_empty() {
            self.project.instantiated.borrow_mut().insert(canonical);
        }
        for (suffix, count_index, each) in instances {
            let mut scope = Scope::new(self, count_index, each);
            scope.each_refs = self.each_refs_of(file, block);
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
    pub(super) fn child_providers(&self, block: &Block) -> BTreeMap<String, String> {
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

    pub(super) fn outputs(&self) -> BTreeMap<String, (Value, BTreeSet<String>)> {
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

    pub(super) fn find_block(
        &self,
        kind: &'static str,
        resource_type: &str,
        name: &str,
    ) -> Option<(&Arc<SourceFile>, &Block)> {
        self.module.named_block(kind, resource_type, name)
    }

    /// Evaluates one instance of a resource or data block: its attributes, their spans and
    /// references, and the references left over from the last attribute.
    pub(super) fn evaluate_block(
        &self,
        file: &Arc<SourceFile>,
        block: &Block,
        count_index: Option<Value>,
        each: Option<(Value, Value)>,
        header: Span,
    ) -> (BTreeMap<String, Value>, Build, BTreeSet<String>) {
        let mut scope = Scope::new(self, count_index, each);
        scope.each_refs = self.each_refs_of(file, block);
        let mut build = Build::new(header, file);
        let mut evaluator = Evaluator::new(&scope);
        let attributes = eval_body(
            &mut evaluator,
            &scope,
            file,
            &block.body,
            self.module.origins(file, block),
            &mut Vec::new(),
            &mut build,
            true,
        );
        (attributes, build, scope.refs.into_inner())
    }

    /// What `data "aws_partition"` and `data "aws_region"` return, known from the region of
    /// their provider configuration; `Unknown` for any other data source, when that region is
    /// unknown, or when the block sets arguments of its own.
    pub(super) fn region_data_source(&self, block: &Block, resource_type: &str) -> Value {
        let own_arguments = block
            .body
            .attributes()
            .any(|a| !META_ARGUMENTS.contains(&a.key.value().as_str()));
        if !matches!(resource_type, "aws_partition" | "aws_region") || own_arguments {
            return Value::Unknown;
        }
        let address = self.provider_for(block, resource_type);
        let region = self
            .project
            .providers
            .borrow()
            .iter()
            .find(|p| p.get("address").and_then(|a| a.as_str()) == Some(address.as_str()))
            .and_then(|p| p.get("region").and_then(|r| r.as_str()).map(str::to_string));
        let Some(region) = region else {
            return Value::Unknown;
        };
        let text = |s: &str| Value::String(s.to_string());
        match resource_type {
            "aws_region" => Value::Object(BTreeMap::from([
                ("name".to_string(), text(&region)),
                ("region".to_string(), text(&region)),
                ("id".to_string(), text(&region)),
                ("endpoint".to_string(), Value::Unknown),
                ("description".to_string(), Value::Unknown),
            ])),
            _ => match partition_of(&region) {
                Some((partition, dns_suffix, reverse)) => Value::Object(BTreeMap::from([
                    ("partition".to_string(), text(partition)),
                    ("id".to_string(), text(partition)),
                    ("dns_suffix".to_string(), text(dns_suffix)),
                    ("reverse_dns_prefix".to_string(), text(reverse)),
                ])),
                None => Value::Unknown,
            },
        }
    }

    /// `data.aws_iam_policy_document.<name>` rendered (the only data source known statically).
    pub(super) fn policy_document(
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

/// The AWS partition of a region, its DNS suffix and reverse DNS prefix; `None` for the
/// isolated partitions and anything that is not a region name.
fn partition_of(region: &str) -> Option<(&'static str, &'static str, &'static str)> {
    let parts: Vec<&str> = region.split('-').collect();
    let shaped = parts.len() >= 3
        && parts.first().is_some_and(|p| p.len() == 2)
        && parts
            .last()
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
    if !shaped || region.contains("-iso") {
        return None;
    }
    Some(if region.starts_with("cn-") {
        ("aws-cn", "amazonaws.com.cn", "cn.com.amazonaws")
    } else if region.starts_with("us-gov-") {
        ("aws-us-gov", "amazonaws.com", "com.amazonaws")
    } else {
        ("aws", "amazonaws.com", "com.amazonaws")
    })
}

/// A variable's `nullable` argument: true unless it is the literal `false`.
fn nullable(block: &Block) -> bool {
    block
        .body
        .get_attribute("nullable")
        .is_none_or(|attribute| attribute.value.as_bool() != Some(false))
}
