//! Discovery: walk the given paths (gitignore-aware, in parallel) and keep the files tenet may
//! understand, classified by name. Content-based classification happens when a file is read,
//! in the parse stage, so every file is read exactly once.
//!
//! Choices: hidden files and folders are skipped (this covers `.git/` and `.terraform/`, which
//! are also excluded by name); `.gitignore`, `.ignore` and `.tenetignore` files are honoured
//! even outside a git repository (`require_git(false)`), so a scan of an unpacked archive
//! matches a scan of the checkout, and only those inside the scan boundary are read (the
//! ancestors of a scanned folder up to the boundary root, not above it; never the user's global
//! git excludes, so a scan does not depend on who runs it). `--no-ignore-files` disregards them
//! all (they come from the scanned tree). Symbolic links are followed inside the
//! [`Boundary`]; a link that leads out of it is a warning and is not followed, and a link back
//! to an ancestor (a loop) is a warning too: what it points at is scanned anyway. Files named
//! on the command line are always scanned.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use ignore::{WalkBuilder, WalkState};

use crate::boundary::Boundary;
use crate::diagnostic::{Code, Diagnostic, Level};

/// What a file's name says it might be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameKind {
    /// `Dockerfile`, `Containerfile`, `*.Dockerfile`, `Dockerfile.*` (any case).
    Dockerfile,
    /// `.tf`, `.tf.json`, `.tfvars`, `.tfvars.json`.
    Terraform,
    /// `.yaml`, `.yml`, `.json`: Kubernetes or a Terraform plan if the content says so.
    Structured,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    /// The path as shown to users (`/` separators, no leading `./`).
    pub display: String,
    pub kind: NameKind,
    /// Named on the command line (rather than found by walking).
    pub explicit: bool,
}

#[derive(Debug, Default)]
pub struct Discovery {
    pub candidates: Vec<Candidate>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A path given on the command line that does not exist: a usage error.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct MissingPath {
    pub path: String,
    pub source: std::io::Error,
}

/// Classifies a file by its name alone.
pub fn name_kind(path: &Path) -> Option<NameKind> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let is_container_file = |stem: &str| {
        name == stem
            || name.ends_with(&format!(".{stem}"))
            || (name.starts_with(&format!("{stem}.")) && !name.ends_with(".dockerignore"))
    };
    if is_container_file("dockerfile") || is_container_file("containerfile") {
        return Some(NameKind::Dockerfile);
    }
    if [".tf", ".tf.json", ".tfvars", ".tfvars.json"]
        .iter()
        .any(|ext| name.ends_with(ext))
    {
        return Some(NameKind::Terraform);
    }
    if [".yaml", ".yml", ".json"]
        .iter()
        .any(|ext| name.ends_with(ext))
    {
        return Some(NameKind::Structured);
    }
    None
}

/// `templates/` of a Helm chart: Go templates, not YAML until rendered.
fn is_helm_templates_dir(dir: &Path) -> bool {
    dir.file_name().is_some_and(|n| n == "templates")
        && dir
            .parent()
            .is_some_and(|chart| chart.join("Chart.yaml").is_file())
}

/// The chart's `templates/` directory if `file` lies inside one.
fn helm_templates_ancestor(file: &Path) -> Option<&Path> {
    file.ancestors()
        .skip(1)
        .take(8)
        .find(|d| is_helm_templates_dir(d))
}

pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut text = text.as_str();
    while let Some(rest) = text.strip_prefix("./") {
        text = rest;
    }
    if text.is_empty() {
        ".".to_string()
    } else {
        text.to_string()
    }
}

/// Gitignore-style patterns (from `tenet.toml` `exclude`) relative to `root`.
#[derive(Clone, Debug, Default)]
pub struct Excludes {
    pub root: PathBuf,
    pub patterns: Vec<String>,
}

impl Excludes {
    fn matcher(&self) -> Result<Option<ignore::gitignore::Gitignore>, String> {
        if self.patterns.is_empty() {
            return Ok(None);
        }
        let mut builder = ignore::gitignore::GitignoreBuilder::new(&self.root);
        for pattern in &self.patterns {
            builder
                .add_line(None, pattern)
                .map_err(|e| format!("exclude pattern `{pattern}`: {e}"))?;
        }
        builder.build().map(Some).map_err(|e| e.to_string())
    }
}

/// How discovery treats the scanned tree.
#[derive(Clone, Debug, Default)]
pub struct WalkOptions {
    /// `tenet.toml` `exclude` patterns.
    pub excludes: Excludes,
    /// Disregard `.gitignore`, `.ignore` and `.tenetignore` files (they come from the tree).
    pub no_ignore_files: bool,
}

/// Walks `paths` inside `boundary` and returns the candidates in a deterministic order. Files
/// named in `paths` are always kept; `excludes` applies to files found by walking.
pub fn discover(
    paths: &[PathBuf],
    boundary: &Boundary,
    options: &WalkOptions,
) -> Result<Discovery, MissingPath> {
    let matcher = options.excludes.matcher().map_err(|message| MissingPath {
        path: "tenet.toml".to_string(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidInput, message),
    })?;
    let mut discovery = Discovery::default();
    let mut dirs = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|source| MissingPath {
            path: display_path(path),
            source,
        })?;
        if let Some(target) = boundary.escape(path) {
            discovery
                .diagnostics
                .push(outside_link(path, &target, boundary));
            continue;
        }
        if metadata.is_dir() {
            dirs.push(path.clone());
        } else if let Some(kind) = name_kind(path) {
            if !metadata.is_file() {
                // A FIFO or device would block or never end when read.
                discovery.diagnostics.push(Diagnostic::error(
                    Code::Io,
                    display_path(path),
                    "not a regular file; not checked",
                ));
                continue;
            }
            if let Some(templates) = helm_templates_ancestor(path) {
                discovery.diagnostics.push(helm_info(templates));
                continue;
            }
            discovery.candidates.push(Candidate {
                path: path.clone(),
                display: display_path(path),
                kind,
                explicit: true,
            });
        } else {
            discovery.diagnostics.push(Diagnostic::new(
                Level::Info,
                Code::NotAnInput,
                display_path(path),
                "not a Terraform, Kubernetes or Dockerfile name; skipped",
            ));
        }
    }
    for dir in dirs {
        walk(&dir, boundary, options.no_ignore_files, &mut discovery);
    }
    if let Some(matcher) = matcher {
        discovery.candidates.retain(|c| {
            c.explicit
                || std::path::absolute(&c.path).map_or(true, |path| {
                    !matcher
                        .matched_path_or_any_parents(&path, false)
                        .is_ignore()
                })
        });
    }

    discovery
        .candidates
        .sort_by(|a, b| a.display.cmp(&b.display).then(b.explicit.cmp(&a.explicit)));
    let mut seen = HashSet::new();
    discovery.candidates.retain(|c| {
        let key = std::fs::canonicalize(&c.path).unwrap_or_else(|_| c.path.clone());
        seen.insert(key)
    });
    discovery
        .diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    discovery
        .diagnostics
        .dedup_by(|a, b| a.sort_key() == b.sort_key());
    Ok(discovery)
}

/// A link (or path) that leads out of the boundary: a warning, never followed or read.
pub fn outside_link(path: &Path, target: &Path, boundary: &Boundary) -> Diagnostic {
    Diagnostic::new(
        Level::Warning,
        Code::OutsideBoundary,
        display_path(path),
        format!(
            "leads to {} outside the scan boundary ({}; set it with --root); not followed",
            target.display(),
            boundary.describe()
        ),
    )
}

/// Ignore files of the ancestors of `dir` that lie inside the boundary (the walker reads those
/// of `dir` and below itself): what git would apply to `dir` from above, without reading
/// anything outside the boundary.
fn ancestor_ignores(dir: &Path, boundary: &Boundary) -> Vec<ignore::gitignore::Gitignore> {
    let Ok(absolute) = std::path::absolute(dir) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for ancestor in absolute.ancestors().skip(1) {
        if !boundary.contains(ancestor) {
            break;
        }
        let mut builder = ignore::gitignore::GitignoreBuilder::new(ancestor);
        let mut any = false;
        for name in [".gitignore", ".ignore", ".tenetignore"] {
            let file = ancestor.join(name);
            if file.is_file() && boundary.contains(&file) {
                any |= builder.add(&file).is_none();
            }
        }
        if any {
            if let Ok(matcher) = builder.build() {
                found.push(matcher);
            }
        }
    }
    found
}

fn helm_info(templates: &Path) -> Diagnostic {
    Diagnostic::new(
        Level::Info,
        Code::HelmTemplates,
        display_path(templates),
        "skipped Helm chart templates (Go templates are not YAML until rendered; scan the output of `helm template` instead)",
    )
}

fn walk(root: &Path, boundary: &Boundary, no_ignore_files: bool, discovery: &mut Discovery) {
    let found: Arc<Mutex<Discovery>> = Arc::default();
    let filtered = found.clone();
    let fence = boundary.clone();
    let ancestors = if no_ignore_files {
        Vec::new()
    } else {
        ancestor_ignores(root, boundary)
    };
    let mut builder = WalkBuilder::new(root);
    builder
        .hidden(true)
        .parents(false)
        .git_global(false)
        .git_exclude(false)
        .git_ignore(!no_ignore_files)
        .ignore(!no_ignore_files)
        .require_git(false)
        .follow_links(true)
        .filter_entry(move |entry| {
            let name = entry.file_name();
            if name == ".terraform" || name == ".git" {
                return false;
            }
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if entry.path_is_symlink() {
                if let Some(target) = fence.escape(entry.path()) {
                    lock(&filtered)
                        .diagnostics
                        .push(outside_link(entry.path(), &target, &fence));
                    return false;
                }
            }
            if !ancestors.is_empty() {
                if let Ok(path) = std::path::absolute(entry.path()) {
                    if ancestors
                        .iter()
                        .any(|m| m.matched_path_or_any_parents(&path, is_dir).is_ignore())
                    {
                        return false;
                    }
                }
            }
            if is_dir && is_helm_templates_dir(entry.path()) {
                lock(&filtered).diagnostics.push(helm_info(entry.path()));
                return false;
            }
            true
        });
    if !no_ignore_files {
        builder.add_custom_ignore_filename(".tenetignore");
    }
    builder.build_parallel().run(|| {
        let found = found.clone();
        Box::new(move |result| {
            match result {
                Ok(entry) => {
                    let is_file = entry.file_type().is_some_and(|t| t.is_file());
                    if let (true, Some(kind)) = (is_file, name_kind(entry.path())) {
                        lock(&found).candidates.push(Candidate {
                            path: entry.path().to_path_buf(),
                            display: display_path(entry.path()),
                            kind,
                            explicit: false,
                        });
                    }
                }
                Err(error) => {
                    let diagnostic = walk_error(&error, root);
                    lock(&found).diagnostics.push(diagnostic);
                }
            }
            WalkState::Continue
        })
    });
    let mut found = lock(&found);
    discovery.candidates.append(&mut found.candidates);
    discovery.diagnostics.append(&mut found.diagnostics);
}

fn lock(m: &Mutex<Discovery>) -> std::sync::MutexGuard<'_, Discovery> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Turns a walk error into a per-file diagnostic. An unreadable directory or a link loop is
/// an error (files under it were not checked); a malformed ignore file is a warning.
fn walk_error(error: &ignore::Error, root: &Path) -> Diagnostic {
    let mut path: Option<&Path> = None;
    let mut current = error;
    loop {
        match current {
            ignore::Error::WithPath { path: p, err } => {
                path.get_or_insert(p);
                current = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                current = err;
            }
            ignore::Error::Partial(errors) => match errors.first() {
                Some(first) => current = first,
                None => break,
            },
            _ => break,
        }
    }
    let file = display_path(path.unwrap_or(root));
    match current {
        // What a loop points at is an ancestor, scanned anyway: nothing goes unchecked.
        ignore::Error::Loop { child, ancestor } => Diagnostic::new(
            Level::Warning,
            Code::SymlinkLoop,
            display_path(child),
            format!(
                "symbolic link loop: points back at its ancestor {}; not followed",
                display_path(ancestor)
            ),
        ),
        ignore::Error::Io(io) => Diagnostic::error(Code::Io, file, format!("cannot read: {io}")),
        ignore::Error::Glob { .. } | ignore::Error::UnrecognizedFileType(_) => Diagnostic::new(
            Level::Warning,
            Code::Io,
            file,
            format!("ignore file: {error}"),
        ),
        _ => Diagnostic::error(Code::Io, file, error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_classify_dockerfiles_terraform_and_structured_files() {
        let kind = |n: &str| name_kind(Path::new(n));
        assert_eq!(kind("Dockerfile"), Some(NameKind::Dockerfile));
        assert_eq!(kind("api.Dockerfile"), Some(NameKind::Dockerfile));
        assert_eq!(kind("Dockerfile.prod"), Some(NameKind::Dockerfile));
        assert_eq!(kind("Containerfile"), Some(NameKind::Dockerfile));
        assert_eq!(kind("Dockerfile.dockerignore"), None);
        assert_eq!(kind("main.tf"), Some(NameKind::Terraform));
        assert_eq!(kind("main.tf.json"), Some(NameKind::Terraform));
        assert_eq!(kind("prod.auto.tfvars"), Some(NameKind::Terraform));
        assert_eq!(kind("deploy.yml"), Some(NameKind::Structured));
        assert_eq!(kind("plan.json"), Some(NameKind::Structured));
        assert_eq!(kind("README.md"), None);
    }

    #[test]
    fn display_paths_use_slashes_without_leading_dot() {
        assert_eq!(display_path(Path::new("./a/b.yaml")), "a/b.yaml");
        assert_eq!(display_path(Path::new(".")), ".");
    }
}
