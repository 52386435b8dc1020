//! Terraform: HCL with exact spans, static evaluation, local modules, and plan JSON.
//!
//! A module is a directory. Every scanned directory with `.tf` files is parsed once (in
//! parallel); a directory that another scanned module calls as a local module is evaluated
//! only through its callers; every other one is a root and becomes one IR document holding
//! its resources and those of every module it calls.

pub mod backtracking;
pub mod budget;
pub mod duplicate_keys;
pub mod eval;
pub mod functions;
pub mod json;
pub mod module;
pub mod newlines;
pub mod plan;
pub mod policy_document;
pub mod types;
pub mod value;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::boundary::Boundary;
use crate::diagnostic::{Code, Diagnostic};
use crate::discover::{Candidate, NameKind, display_path};
use crate::ir::{Document, InputKind};
use crate::source::SourceFile;
use budget::{Budget, EvalLimits};
use module::{InputVariables, Instance, LoadedModule, Project};

/// Settings for Terraform evaluation.
#[derive(Clone, Debug)]
pub struct TerraformOptions {
    pub max_file_size: u64,
    pub max_instances: usize,
    pub inputs: InputVariables,
    /// Nothing outside it is read: module sources and `file()` paths that leave it are not
    /// followed.
    pub boundary: Boundary,
    /// Budgets for evaluating each root module.
    pub limits: EvalLimits,
}

/// Parses and evaluates the Terraform files among `candidates` (grouped by directory).
pub fn documents(
    candidates: &[Candidate],
    options: &TerraformOptions,
) -> (Vec<Document>, Vec<Diagnostic>) {
    // Module directory → files named on the command line (empty: the whole module).
    let mut dirs: BTreeMap<PathBuf, (BTreeSet<String>, bool)> = BTreeMap::new();
    for candidate in candidates.iter().filter(|c| c.kind == NameKind::Terraform) {
        let dir = candidate.path.parent().map_or_else(
            || PathBuf::from("."),
            |p| {
                if p.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    p.to_path_buf()
                }
            },
        );
        let entry = dirs.entry(dir).or_default();
        if candidate.explicit {
            entry.0.insert(candidate.display.clone());
        } else {
            entry.1 = true;
        }
    }

    let read = |path: &Path| read_terraform_file(path, options);
    let loaded: Vec<(PathBuf, Arc<LoadedModule>)> = dirs
        .keys()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|dir| {
            let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
            (canonical, Arc::new(module::load_module(dir, &read)))
        })
        .collect();
    let mut diagnostics: Vec<Diagnostic> = loaded
        .iter()
        .flat_map(|(_, m)| m.diagnostics.iter().cloned())
        .collect();
    // A module that calls itself is still a root (and its self-call a diagnostic).
    let called: HashSet<PathBuf> = loaded
        .iter()
        .flat_map(|(caller, m)| {
            m.local_calls()
                .into_iter()
                .filter_map(|dir| std::fs::canonicalize(dir).ok())
                .filter(move |dir| dir != caller)
        })
        .collect();
    let preloaded: HashMap<PathBuf, Arc<LoadedModule>> = loaded.iter().cloned().collect();
    // Files whose findings a root module named file by file reports: every file named on the
    // command line (a child module's too: `tenet scan main.tf modules/app/main.tf`) and every
    // file of a directory scanned whole.
    let named: BTreeSet<String> = dirs
        .values()
        .zip(&loaded)
        .flat_map(|((explicit, walked), (_, module))| {
            let whole = walked.then(|| module.files.iter().map(|f| f.display.clone()));
            explicit.iter().cloned().chain(whole.into_iter().flatten())
        })
        .collect();

    let roots: Vec<(Arc<LoadedModule>, Option<BTreeSet<String>>)> = dirs
        .iter()
        .zip(&loaded)
        .filter(|(_, (canonical, _))| !called.contains(canonical))
        .map(|((_, (explicit, walked)), (_, module))| {
            let report_only = if *walked || explicit.is_empty() {
                None
            } else {
                Some(named.clone())
            };
            (module.clone(), report_only)
        })
        .filter(|(module, _)| !module.files.is_empty())
        .collect();

    // A module whose every call has zero instances (`for_each` over an empty default, the
    // `wrappers` pattern) is never evaluated by its callers: evaluate it as a root of its own,
    // as an uncalled module is, so its code is still checked. Repeat for the modules only
    // such a module calls.
    let mut documents = Vec::new();
    let mut instantiated: HashSet<PathBuf> = HashSet::new();
    let mut evaluated_roots: HashSet<PathBuf> = HashSet::new();
    let mut pass = roots;
    while !pass.is_empty() {
        evaluated_roots.extend(pass.iter().map(|(module, _)| {
            std::fs::canonicalize(&module.dir).unwrap_or_else(|_| module.dir.clone())
        }));
        let evaluated: Vec<(Document, Vec<Diagnostic>, HashSet<PathBuf>)> = pass
            .par_iter()
            .map(|(module, report_only)| {
                evaluate_root(
                    module.clone(),
                    report_only.clone(),
                    &preloaded,
                    &read,
                    options,
                )
            })
            .collect();
        for (document, mut problems, reached) in evaluated {
            documents.push(document);
            diagnostics.append(&mut problems);
            instantiated.extend(reached);
        }
        pass = dirs
            .iter()
            .zip(&loaded)
            .filter(|(_, (canonical, module))| {
                called.contains(canonical)
                    && !instantiated.contains(canonical)
                    && !evaluated_roots.contains(canonical)
                    && !module.files.is_empty()
            })
            .map(|((_, (explicit, walked)), (_, module))| {
                let report_only = (!*walked && !explicit.is_empty()).then(|| named.clone());
                (module.clone(), report_only)
            })
            .collect();
    }
    (documents, diagnostics)
}

/// Reads one Terraform file with the checks every input gets (size, binary, UTF-8).
fn read_terraform_file(
    path: &Path,
    options: &TerraformOptions,
) -> Result<Option<Arc<SourceFile>>, Diagnostic> {
    let candidate = Candidate {
        path: path.to_path_buf(),
        display: display_path(path),
        kind: NameKind::Terraform,
        explicit: false,
    };
    crate::parse::load(&candidate, options.max_file_size, &options.boundary)
        .map(|loaded| loaded.map(|(file, _)| file))
}

fn evaluate_root(
    module: Arc<LoadedModule>,
    report_only: Option<BTreeSet<String>>,
    preloaded: &HashMap<PathBuf, Arc<LoadedModule>>,
    read: &module::ReadFile<'_>,
    options: &TerraformOptions,
) -> (Document, Vec<Diagnostic>, HashSet<PathBuf>) {
    let root_dir = std::fs::canonicalize(&module.dir).unwrap_or_else(|_| module.dir.clone());
    // `file()` and friends read inside the boundary directory holding the root module.
    let scan_root = options
        .boundary
        .root_for(&root_dir)
        .map_or_else(|| root_dir.clone(), Path::to_path_buf);
    let project = Project {
        preloaded,
        extra: Default::default(),
        read,
        scan_root,
        root_dir: module.dir.clone(),
        max_instances: options.max_instances,
        inputs: options.inputs.clone(),
        installed: module::installed_modules(&module.dir, &options.boundary),
        boundary: &options.boundary,
        budget: Budget::new(options.limits),
        resources: Default::default(),
        providers: Default::default(),
        diagnostics: Default::default(),
        files: Default::default(),
        instantiated: Default::default(),
    };
    let root = Instance::root(&project, module.clone());
    root.run();
    drop(root);
    if let Some(reason) = project.budget.exceeded() {
        // Resources evaluated before the limit keep their (known) values; the rest were not
        // checked, so the scan is incomplete.
        project.diagnostics.borrow_mut().push(Diagnostic::error(
            Code::Limit,
            module.display.as_str(),
            format!("Terraform evaluation stopped: {reason}; resources after that point were not checked"),
        ));
    }
    let mut files = project.files.into_inner();
    let mut seen = HashSet::new();
    files.retain(|f| seen.insert(f.display.clone()));
    let mut document = Document::new(InputKind::Terraform, module.display.clone(), files);
    document.resources = project.resources.into_inner();
    document.extra.insert(
        "providers".to_string(),
        serde_json::Value::Array(project.providers.into_inner()),
    );
    document.report_only = report_only;
    (
        document,
        project.diagnostics.into_inner(),
        project.instantiated.into_inner(),
    )
}

/// Points a plan's resources at their `.tf` source when the configuration is beside the plan
/// (the plan file's directory is the root module): each resource takes the file and spans of
/// the block that declares it, so findings land on the line a user edits. Resources not found
/// in the configuration keep their location in the plan JSON.
pub fn attach_configuration(plan: &mut Document, options: &TerraformOptions) {
    let Some(plan_file) = plan.files.first().cloned() else {
        return;
    };
    let dir = match Path::new(&plan_file.display).parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let has_configuration = std::fs::read_dir(&dir)
        .map(|entries| {
            entries.filter_map(Result::ok).any(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.ends_with(".tf") || name.ends_with(".tf.json")
            })
        })
        .unwrap_or(false);
    if !has_configuration {
        return;
    }
    let read = |path: &Path| read_terraform_file(path, options);
    let module = Arc::new(module::load_module(&dir, &read));
    let preloaded = HashMap::new();
    let (configuration, _, _) = evaluate_root(module, None, &preloaded, &read, options);
    let by_address: HashMap<&str, &crate::ir::Resource> = configuration
        .resources
        .iter()
        .map(|r| (r.address.as_str(), r))
        .collect();
    let base = |address: &str| -> String {
        // `module.a["x"].aws_b.c[0]` → `module.a.aws_b.c`: instances a static read may not know.
        let mut out = String::new();
        let mut depth = 0;
        for c in address.chars() {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    };
    let by_base: HashMap<String, &crate::ir::Resource> = configuration
        .resources
        .iter()
        .map(|r| (base(&r.address), r))
        .collect();
    let mut used_files = BTreeSet::new();
    for resource in &mut plan.resources {
        let found = by_address
            .get(resource.address.as_str())
            .copied()
            .or_else(|| by_base.get(&base(&resource.address)).copied());
        if let Some(source) = found {
            resource.file = source.file.clone();
            resource.spans = source.spans.clone();
            used_files.insert(source.file.clone());
        }
    }
    for file in configuration.files {
        if used_files.contains(&file.display) && plan.file(&file.display).is_none() {
            plan.files.push(file);
        }
    }
}
