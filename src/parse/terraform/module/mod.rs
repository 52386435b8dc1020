//! Terraform modules: a directory of `.tf` files parsed once, then evaluated as instances
//! (the root, and each local or `terraform init`-resolved child module call) into IR
//! resources with spans, references and unknowns.

mod body;
mod instance;
mod scope;

use body::*;
pub use instance::Instance;
use instance::*;
use scope::*;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

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
    /// How many of `bodies` come first from primary files; the rest are override files
    /// (`override.tf`, `*_override.tf`), in the order Terraform merges them.
    primary_bodies: usize,
    /// Blocks with override files merged in, by the (body, structure) position of the block
    /// they override, with the file each merged part comes from.
    merged: HashMap<(usize, usize), (Block, Origins)>,
    /// (file, offset) of a merged block → its position, for [`LoadedModule::origins`].
    merged_at: HashMap<(String, usize), (usize, usize)>,
}

impl LoadedModule {
    fn index(&mut self) {
        for (b, (_, body)) in self.bodies.iter().enumerate().take(self.primary_bodies) {
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
        self.merge_overrides();
    }

    /// Merges each block of the override files into the block it overrides, as Terraform
    /// does: arguments replace the original's, nested blocks of a type replace all the
    /// original's blocks of that type (static or `dynamic`), `lifecycle` merges argument by
    /// argument, and a local value replaces the local of the same name.
    fn merge_overrides(&mut self) {
        let mut warnings = Vec::new();
        for b in self.primary_bodies..self.bodies.len() {
            let Some((file, body)) = self.bodies.get(b) else {
                continue;
            };
            let file = file.clone();
            for (i, structure) in body.iter().enumerate() {
                let Some(block) = structure.as_block() else {
                    continue;
                };
                let kind = block.ident.value().to_string();
                if kind == "locals" {
                    for (a, attribute) in block.body.iter().enumerate() {
                        if let Some(attribute) = attribute.as_attribute() {
                            self.locals_by_name
                                .insert(attribute.key.value().to_string(), (b, i, a));
                        }
                    }
                    continue;
                }
                // The `terraform` block sets versions, backends and providers' sources: nothing
                // a rule reads.
                if kind == "terraform" {
                    continue;
                }
                let key = (
                    kind,
                    label(block, 0).unwrap_or_default(),
                    label(block, 1).unwrap_or_default(),
                );
                let Some(&base) = self.blocks_by_name.get(&key) else {
                    warnings.push(
                        Diagnostic::new(
                            Level::Warning,
                            Code::Parse,
                            file.display.as_str(),
                            "this override block has no block of the same type and labels to override \
                             (Terraform rejects the configuration); ignored",
                        )
                        .at(&file, header_span(&file, block)),
                    );
                    continue;
                };
                let (merged, origins) = match self.merged.remove(&base) {
                    Some(merged) => merged,
                    None => match self.block_at(base.0, base.1) {
                        Some((_, original)) => (original.clone(), Origins::default()),
                        None => continue,
                    },
                };
                let merged = merge_block(merged, origins, block, &file);
                self.merged.insert(base, merged);
            }
        }
        for (&(b, i), (block, _)) in &self.merged {
            if let Some((file, _)) = self.bodies.get(b) {
                self.merged_at.insert(block_key(file, block), (b, i));
            }
        }
        self.diagnostics.extend(warnings);
    }

    /// Which file each part of `block` comes from, when override files were merged into it.
    fn origins(&self, file: &SourceFile, block: &Block) -> &Origins {
        self.merged_at
            .get(&block_key(file, block))
            .and_then(|position| self.merged.get(position))
            .map_or(&NO_ORIGINS, |(_, origins)| origins)
    }

    /// The block at a position of a primary file, with any override files merged in.
    fn block_at(&self, body: usize, structure: usize) -> Option<(&Arc<SourceFile>, &Block)> {
        let (file, parsed) = self.bodies.get(body)?;
        if let Some((merged, _)) = self.merged.get(&(body, structure)) {
            return Some((file, merged));
        }
        Some((file, parsed.get(structure)?.as_block()?))
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

    /// The blocks of `kind` in the primary files, with override files merged in.
    fn blocks(&self, kind: &'static str) -> impl Iterator<Item = (&Arc<SourceFile>, &Block)> + '_ {
        self.bodies
            .iter()
            .take(self.primary_bodies)
            .enumerate()
            .flat_map(move |(b, (_, body))| {
                body.iter()
                    .enumerate()
                    .filter(move |(_, s)| {
                        s.as_block()
                            .is_some_and(|block| block.ident.value().as_str() == kind)
                    })
                    .filter_map(move |(i, _)| self.block_at(b, i))
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

/// `original` with `overriding` (from `file`) merged in, as Terraform merges an override
/// block: see [`LoadedModule::merge_overrides`].
fn merge_block(
    mut original: Block,
    mut origins: Origins,
    overriding: &Block,
    file: &Arc<SourceFile>,
) -> (Block, Origins) {
    for attribute in overriding.body.attributes() {
        let name = attribute.key.value().to_string();
        let at = original.body.iter().position(|s| {
            s.as_attribute()
                .is_some_and(|a| a.key.value().as_str() == name)
        });
        match at.and_then(|at| original.body.get_mut(at)) {
            Some(slot) => *slot = Structure::Attribute(attribute.clone()),
            None => original.body.push(attribute.clone()),
        }
        origins.files.insert(name, file.clone());
    }
    let block_type = |block: &Block| -> String {
        if block.ident.value().as_str() == "dynamic" {
            label(block, 0).unwrap_or_default()
        } else {
            block.ident.value().to_string()
        }
    };
    let mut types: Vec<String> = overriding.body.blocks().map(block_type).collect();
    types.dedup();
    for kind in types {
        let replacing = overriding.body.blocks().filter(|b| block_type(b) == kind);
        if kind == "lifecycle"
            && let Some(base) = original.body.get_blocks_mut("lifecycle").next()
        {
            let nested = origins.nested.entry(kind.clone()).or_default();
            for lifecycle in replacing {
                let (merged, merged_origins) =
                    merge_block(base.clone(), std::mem::take(nested), lifecycle, file);
                *base = merged;
                *nested = merged_origins;
            }
            continue;
        }
        let kept: Vec<Structure> = original
            .body
            .iter()
            .filter(|s| s.as_block().is_none_or(|b| block_type(b) != kind))
            .cloned()
            .collect();
        let mut body = Body::builder().structures(kept).build();
        for block in replacing {
            body.push(block.clone());
        }
        original.body = body;
        origins.nested.remove(&kind);
        origins.files.insert(kind, file.clone());
    }
    (original, origins)
}

/// Identifies a block of a module by its file and offset (a merged block keeps the offset of
/// the block it overrides).
fn block_key(file: &SourceFile, block: &Block) -> (String, usize) {
    (
        file.display.clone(),
        block.span().map_or(0, |span| span.start),
    )
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
        primary_bodies: 0,
        merged: HashMap::new(),
        merged_at: HashMap::new(),
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
    let mut overrides = Vec::new();
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
        let is_override = is_tf && (stem == "override.tf" || stem.ends_with("_override.tf"));
        let parsed = if json {
            parse_json_body(&file, is_tfvars)
        } else {
            parse_body(&file).map(|(body, warnings)| {
                module.diagnostics.extend(warnings);
                (file, body)
            })
        };
        match parsed {
            Ok((file, body)) if is_override => {
                module.files.push(file.clone());
                overrides.push((file, body));
            }
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
    // Override files are merged after every primary file, in lexical order of their names.
    module.primary_bodies = module.bodies.len();
    module.bodies.extend(overrides);
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
    if let Err(refused) = super::backtracking::check(&translation.text) {
        let span = translated.parsed_span(refused.offset..refused.offset);
        return Err(Diagnostic::error(
            Code::Parse,
            file.display.as_str(),
            format!("invalid Terraform JSON: {}", refused.message()),
        )
        .at(&translated, span));
    }
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

/// How many redefined object keys one file may drop before it is reported as invalid (each
/// drop parses the file again).
const MAX_REDEFINED_KEYS: usize = 64;

/// Parses one HCL file; a syntax error is a diagnostic at its line and column. The two forms
/// Terraform accepts and hcl-edit does not are fixed up byte for byte and parsed again
/// (`newlines`, `duplicate_keys`): each dropped duplicate key is a warning.
pub fn parse_body(file: &Arc<SourceFile>) -> Result<(Body, Vec<Diagnostic>), Diagnostic> {
    if let Err(refused) = super::backtracking::check(&file.text) {
        return Err(Diagnostic::error(
            Code::Parse,
            file.display.as_str(),
            format!("invalid HCL: {}", refused.message()),
        )
        .at(file, {
            let span = refused.span(&file.text);
            Span::new(span.start, span.end)
        }));
    }
    let original = match file.text.parse::<Body>() {
        Ok(body) => return Ok((body, Vec::new())),
        Err(e) => e,
    };
    let mut warnings = Vec::new();
    let mut text = std::borrow::Cow::Borrowed(&file.text[..]);
    let mut relaxed = false;
    let mut error = original.clone();
    for _ in 0..MAX_REDEFINED_KEYS {
        let at = error.location().offset();
        if error.message().contains("redefined object key")
            && let Some((fixed, dropped)) = super::duplicate_keys::drop_earlier_key(&text, at)
        {
            let key = text.get(dropped.start..dropped.end).unwrap_or_default();
            let key = key.split(['=', ':']).next().unwrap_or_default().trim();
            warnings.push(
                Diagnostic::new(
                    Level::Warning,
                    Code::Parse,
                    file.display.as_str(),
                    format!("object key {key} is set again later in this object; the later value is used, as Terraform does"),
                )
                .at(file, dropped),
            );
            text = std::borrow::Cow::Owned(fixed);
        } else if !relaxed && let Some(fixed) = super::newlines::relax_object_for_newlines(&text) {
            // Terraform ignores newlines inside `{ for … }`; hcl-edit does not.
            relaxed = true;
            text = std::borrow::Cow::Owned(fixed);
        } else {
            break;
        }
        match text.parse::<Body>() {
            Ok(body) => return Ok((body, warnings)),
            Err(e) => error = e,
        }
    }
    let at = file.floor_char_boundary(original.location().offset().min(file.text.len()));
    Err(Diagnostic::error(
        Code::Parse,
        file.display.as_str(),
        format!("invalid HCL: {}", original.message()),
    )
    .at(file, Span::new(at, at)))
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
    /// Canonical directories of the modules instantiated at least once (a call with zero
    /// instances does not count): a scanned module never instantiated is evaluated as a root.
    pub instantiated: RefCell<HashSet<PathBuf>>,
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
            super::backtracking::check(raw)
                .map_err(|refused| format!("--var {name}: {}", refused.message()))?;
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
            super::backtracking::check(&translation.text).map_err(|refused| {
                format!("--var-file {}: {}", path.display(), refused.message())
            })?;
            translation
                .text
                .parse()
                .map_err(|e: hcl_edit::parser::Error| {
                    format!("--var-file {}: {}", path.display(), e.message())
                })?
        } else {
            super::backtracking::check(&text).map_err(|refused| {
                format!("--var-file {}: {}", path.display(), refused.message())
            })?;
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
