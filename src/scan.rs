//! The scan pipeline: discover → read and parse (parallel) → evaluate (parallel) → findings.
//!
//! Every per-file step returns values (documents, diagnostics), never aborts the scan, and runs
//! under `catch_unwind` as a last resort so a bug on one file becomes a diagnostic for that
//! file. Output is sorted, so it never depends on thread timing.

use std::collections::{BTreeSet, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use rayon::prelude::*;

use crate::backup::{self, Posture};
use crate::boundary::Boundary;
use crate::diagnostic::{Code, Diagnostic};
use crate::discover::{self, Candidate, MissingPath, NameKind, WalkOptions};
use crate::engine::Engine;
use crate::findings::{self, Finding, Undecided};
use crate::ir::{Document, InputKind};
use crate::parse;
use crate::parse::terraform::budget::EvalLimits;
use crate::parse::terraform::module::{DEFAULT_MAX_INSTANCES, InputVariables};
use crate::parse::terraform::{self, TerraformOptions};
use crate::rules::{Rule, RuleScope};
use crate::suppress::{SuppressOptions, Suppressions, meta_rules};

/// What to scan.
#[derive(Clone, Debug)]
pub struct ScanOptions {
    pub paths: Vec<PathBuf>,
    pub max_file_size: u64,
    /// Excluded paths and ignore files.
    pub walk: WalkOptions,
    /// The scan boundary (`--root`); default: each path's git work tree, else the path.
    pub root: Option<PathBuf>,
    /// Most instances one Terraform `count`/`for_each` may expand to.
    pub max_instances: usize,
    /// Terraform root-module variables from the command line (`--var`, `--var-file`).
    pub variables: InputVariables,
    /// Budgets for evaluating each Terraform root module.
    pub eval_limits: EvalLimits,
    /// Suppressions from `tenet.toml` and which TN rules report on suppressions.
    pub suppress: SuppressOptions,
}

impl ScanOptions {
    /// Options with every limit at its default.
    pub fn new(paths: Vec<PathBuf>) -> Self {
        ScanOptions {
            paths,
            max_file_size: crate::parse::DEFAULT_MAX_FILE_SIZE,
            walk: WalkOptions::default(),
            root: None,
            max_instances: DEFAULT_MAX_INSTANCES,
            variables: InputVariables::default(),
            eval_limits: EvalLimits::default(),
            suppress: SuppressOptions::default(),
        }
    }
}

/// Parsed inputs plus the problems met on the way.
#[derive(Debug, Default)]
pub struct Inputs {
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
    /// Distinct files read and parsed successfully (a module file used by several root
    /// modules counts once).
    pub files_parsed: usize,
    /// The backup posture of every data store (also in each document, for rules).
    pub backup_posture: Vec<Posture>,
}

/// Everything a reporter needs.
#[derive(Debug, Default)]
pub struct ScanOutcome {
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    /// Distinct files that were parsed and checked.
    pub files_scanned: usize,
    /// Terraform root modules evaluated (each is one document).
    pub terraform_roots: usize,
    /// Terraform module calls whose source was not resolved: their resources were not checked.
    pub modules_unresolved: usize,
    /// Distinct files (or rules) with an error diagnostic: not checked, or not fully.
    pub files_failed: usize,
    pub documents: usize,
    /// Findings a suppression (comment, annotation, config or baseline) accepted.
    pub suppressed: Vec<Finding>,
    /// The rules that ran (for reports that describe them, such as SARIF).
    pub rules: Vec<Rule>,
    /// Checks made: (rule, resource) pairs a rule was evaluated on.
    pub checks: usize,
    /// Checks a rule could not decide because a value is unknown statically.
    pub undecided: Vec<Undecided>,
    /// The backup posture of every data store in the reported files.
    pub backup_posture: Vec<Posture>,
}

impl ScanOutcome {
    /// Whether some input or rule could not be checked.
    pub fn incomplete(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Discovers and parses every input under `options.paths`.
pub fn read_inputs(options: &ScanOptions) -> Result<Inputs, MissingPath> {
    let boundary =
        Boundary::new(&options.paths, options.root.as_deref()).map_err(|source| MissingPath {
            path: options
                .root
                .as_deref()
                .or(options.paths.first().map(PathBuf::as_path))
                .map_or_else(String::new, discover::display_path),
            source,
        })?;
    let discovery = discover::discover(&options.paths, &boundary, &options.walk)?;
    let mut inputs = Inputs {
        diagnostics: discovery.diagnostics,
        ..Inputs::default()
    };

    let (terraform, others): (Vec<Candidate>, Vec<Candidate>) = discovery
        .candidates
        .into_iter()
        .partition(|c| c.kind == NameKind::Terraform);
    let terraform_options = terraform_options(options, &boundary);
    let (terraform_documents, terraform_diagnostics) = guarded(".", || {
        Ok(terraform::documents(&terraform, &terraform_options))
    })
    .unwrap_or_else(|diagnostic| (Vec::new(), vec![diagnostic]));
    inputs.diagnostics.extend(terraform_diagnostics);
    inputs.documents.extend(terraform_documents);

    let results: Vec<Result<Option<Document>, Diagnostic>> = others
        .par_iter()
        .map(|candidate| {
            guarded(&candidate.display, || {
                load_and_parse(candidate, options, &terraform_options)
            })
        })
        .collect();
    for result in results {
        match result {
            Ok(Some(document)) => inputs.documents.push(document),
            Ok(None) => {}
            Err(diagnostic) => inputs.diagnostics.push(diagnostic),
        }
    }
    inputs.files_parsed = inputs
        .documents
        .iter()
        .flat_map(|document| document.files.iter().map(|file| file.display.as_str()))
        .collect::<HashSet<_>>()
        .len();
    inputs.backup_posture = backup::compute(&mut inputs.documents);
    Ok(inputs)
}

fn load_and_parse(
    candidate: &Candidate,
    options: &ScanOptions,
    terraform_options: &TerraformOptions,
) -> Result<Option<Document>, Diagnostic> {
    let Some((file, kind)) = parse::load(
        candidate,
        options.max_file_size,
        &terraform_options.boundary,
    )?
    else {
        return Ok(None);
    };
    let mut document = parse::parse_file(file, kind)?;
    if kind == InputKind::TerraformPlan {
        terraform::attach_configuration(&mut document, terraform_options);
    }
    Ok(Some(document))
}

fn terraform_options(options: &ScanOptions, boundary: &Boundary) -> TerraformOptions {
    TerraformOptions {
        max_file_size: options.max_file_size,
        max_instances: options.max_instances,
        inputs: options.variables.clone(),
        boundary: boundary.clone(),
        limits: options.eval_limits,
    }
}

/// Runs one per-file step; a panic becomes an error diagnostic for that file (a bug to fix,
/// but never a crash of the whole scan or a file silently reported as clean).
fn guarded<T>(file: &str, step: impl FnOnce() -> Result<T, Diagnostic>) -> Result<T, Diagnostic> {
    catch_unwind(AssertUnwindSafe(step)).unwrap_or_else(|panic| Err(internal_error(file, &panic)))
}

fn internal_error(file: &str, panic: &Box<dyn std::any::Any + Send>) -> Diagnostic {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    Diagnostic::error(
        Code::Internal,
        file,
        format!(
            "tenet failed on this input ({what}); this is a bug, please report it; not checked"
        ),
    )
}

/// Runs the selected rules (indices into `engine.rules()`) over parsed inputs.
pub fn evaluate(
    engine: &Engine,
    selected: &[usize],
    inputs: Inputs,
    suppress: &SuppressOptions,
) -> ScanOutcome {
    let Inputs {
        documents,
        mut diagnostics,
        files_parsed,
        backup_posture,
    } = inputs;
    let (document_rules, scan_rules): (Vec<usize>, Vec<usize>) = selected.iter().partition(|&&i| {
        engine
            .rules()
            .get(i)
            .is_none_or(|r| r.meta.scope == RuleScope::Document)
    });

    let suppressions = Suppressions::collect(&documents, suppress);
    // One compiled batch per input kind present, prepared once before the workers clone it.
    let mut prototype = engine.clone();
    let kinds: BTreeSet<InputKind> = documents.iter().map(|d| d.kind).collect();
    let sets: Vec<Vec<usize>> = kinds
        .iter()
        .map(|kind| {
            document_rules
                .iter()
                .copied()
                .filter(|&i| engine.rules().get(i).is_some_and(|r| r.applies_to(*kind)))
                .collect()
        })
        .collect();
    prototype.prepare_batches(&sets);
    let per_document: Vec<Evaluated> = documents
        .par_iter()
        .map_init(
            || prototype.clone(),
            |worker, document| {
                guarded(&document.path, || {
                    Ok(evaluate_document(
                        worker,
                        document,
                        &document_rules,
                        &suppressions,
                    ))
                })
                .unwrap_or_else(|diagnostic| Evaluated {
                    diagnostics: vec![diagnostic],
                    ..Evaluated::default()
                })
            },
        )
        .collect();
    let mut all_findings = Vec::new();
    let mut suppressed = Vec::new();
    let mut undecided = Vec::new();
    for mut evaluated in per_document {
        all_findings.append(&mut evaluated.findings);
        suppressed.append(&mut evaluated.suppressed);
        undecided.append(&mut evaluated.undecided);
        diagnostics.append(&mut evaluated.diagnostics);
    }

    if !scan_rules.is_empty() {
        let scan_document = kubernetes_scan_document(&documents);
        let mut worker = engine.clone();
        let mut evaluated =
            evaluate_document(&mut worker, &scan_document, &scan_rules, &suppressions);
        all_findings.append(&mut evaluated.findings);
        suppressed.append(&mut evaluated.suppressed);
        undecided.append(&mut evaluated.undecided);
        diagnostics.append(&mut evaluated.diagnostics);
    }
    // Reported about the suppressions themselves, once every finding was matched.
    all_findings.extend(suppressions.meta_findings(suppress));
    diagnostics.extend(suppressions.diagnostics().iter().cloned());

    findings::sort(&mut all_findings);
    findings::sort(&mut suppressed);
    findings::sort_undecided(&mut undecided);
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup_by(|a, b| a.sort_key() == b.sort_key());
    let files_failed = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.file.as_str())
        .collect::<BTreeSet<_>>()
        .len();
    let terraform_roots = documents
        .iter()
        .filter(|document| document.kind == InputKind::Terraform)
        .count();
    let modules_unresolved = diagnostics
        .iter()
        .filter(|d| d.code == Code::UnresolvedModule)
        .count();
    let rules: Vec<Rule> = selected
        .iter()
        .filter_map(|&i| engine.rules().get(i))
        .chain(
            meta_rules::rules()
                .iter()
                .filter(|r| suppress.meta_rules.contains(&r.meta.id)),
        )
        .cloned()
        .collect();
    let checks = documents
        .iter()
        .map(|document| {
            let applicable = document_rules
                .iter()
                .filter_map(|&i| engine.rules().get(i))
                .filter(|rule| rule.applies_to(document.kind))
                .count();
            let resources = document
                .resources
                .iter()
                .filter(|r| !r.is_configuration_entry())
                .count();
            applicable * resources
        })
        .sum();
    ScanOutcome {
        findings: all_findings,
        diagnostics,
        files_scanned: files_parsed,
        terraform_roots,
        modules_unresolved,
        files_failed,
        documents: documents.len(),
        suppressed,
        rules,
        checks,
        undecided,
        backup_posture: reported_postures(&documents, backup_posture),
    }
}

/// The postures of stores in reported files (files named on the command line keep the rest
/// of their module as context only).
fn reported_postures(documents: &[Document], postures: Vec<Posture>) -> Vec<Posture> {
    let only: Vec<&BTreeSet<String>> = documents
        .iter()
        .filter_map(|d| d.report_only.as_ref())
        .collect();
    if only.is_empty() {
        return postures;
    }
    postures
        .into_iter()
        .filter(|p| only.iter().any(|files| files.contains(&p.file)))
        .collect()
}

/// What evaluating one document produced.
#[derive(Default)]
struct Evaluated {
    findings: Vec<Finding>,
    suppressed: Vec<Finding>,
    undecided: Vec<Undecided>,
    diagnostics: Vec<Diagnostic>,
}

fn evaluate_document(
    worker: &mut Engine,
    document: &Document,
    rules: &[usize],
    suppressions: &Suppressions,
) -> Evaluated {
    let (violations, diagnostics) = worker.evaluate(document, rules);
    let mut evaluated = Evaluated {
        findings: Vec::with_capacity(violations.len()),
        diagnostics,
        ..Evaluated::default()
    };
    let index = findings::index(document);
    for violation in &violations {
        let Some(rule) = worker.rules().get(violation.rule) else {
            continue;
        };
        match Finding::locate(violation, rule, document, &index) {
            // Files named on the command line: the rest of their module is only context.
            Ok((finding, _))
                if document
                    .report_only
                    .as_ref()
                    .is_some_and(|only| !only.contains(&finding.file)) => {}
            // Not verified: listed as such, never matched against suppressions.
            Ok((finding, _)) if violation.undecided => {
                evaluated.undecided.push(Undecided::from_finding(finding));
            }
            Ok((mut finding, resource)) => {
                match suppressions.accepting(&finding, resource, document) {
                    Some(suppression) => {
                        finding.suppression = Some(suppression);
                        evaluated.suppressed.push(finding);
                    }
                    None => evaluated.findings.push(finding),
                }
            }
            Err(message) => evaluated.diagnostics.push(
                Diagnostic::error(Code::Rule, rule.path.as_str(), message)
                    .for_rule(rule.meta.id.as_str()),
            ),
        }
    }
    evaluated
}

/// One document holding every Kubernetes resource of the scan, for `scope: scan` rules.
fn kubernetes_scan_document(documents: &[Document]) -> Document {
    let kubernetes = documents.iter().filter(|d| d.kind == InputKind::Kubernetes);
    let mut scan = Document::new(InputKind::Kubernetes, "<scan>".to_string(), Vec::new());
    for document in kubernetes {
        scan.resources.extend(document.resources.iter().cloned());
        scan.files.extend(document.files.iter().cloned());
    }
    scan
}

/// Parses and evaluates in one call.
pub fn scan(
    engine: &Engine,
    selected: &[usize],
    options: &ScanOptions,
) -> Result<ScanOutcome, MissingPath> {
    let inputs = read_inputs(options)?;
    Ok(evaluate(engine, selected, inputs, &options.suppress))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_a_step_becomes_an_internal_error_for_that_file() {
        let result: Result<(), Diagnostic> = guarded("x.yaml", || panic!("boom"));
        let diagnostic = result.unwrap_err();
        assert_eq!(
            (diagnostic.code, diagnostic.file.as_str()),
            (Code::Internal, "x.yaml")
        );
        assert!(
            diagnostic.message.contains("boom"),
            "{}",
            diagnostic.message
        );
        assert!(diagnostic.is_error());
    }
}
