//! The scan boundary: the directories tenet may read. A scanned tree is untrusted (in CI it is
//! often a stranger's pull request), so nothing it contains — a symbolic link, a module
//! `source`, a `.terraform/modules/modules.json` entry, a `file()` call — may make tenet read
//! or print a file outside it.
//!
//! By default the boundary of a scanned path is the git work tree that contains it (so
//! `tenet scan infra/app` may still read `../../modules/x` of the same repository), else the
//! scanned path itself (a file's directory for a file); `--root DIR` sets it explicitly. Every
//! path is compared by its real path (symbolic links resolved), so a link is judged by where
//! it leads, not by where it sits.

use std::path::{Path, PathBuf};

/// The real (canonical) directories tenet may read under.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Boundary {
    roots: Vec<PathBuf>,
}

impl Boundary {
    /// The boundary for `paths`: `root` when given, else each path's git work tree (or the
    /// path itself). Errors when `root` or a path does not exist.
    pub fn new(paths: &[PathBuf], root: Option<&Path>) -> std::io::Result<Boundary> {
        if let Some(root) = root {
            let real = std::fs::canonicalize(root)?;
            if !real.is_dir() {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!("--root {} is not a directory", root.display()),
                ));
            }
            return Ok(Boundary { roots: vec![real] });
        }
        let mut roots = Vec::new();
        for path in paths {
            let base = base_dir(path)?;
            roots.push(git_work_tree(&base).unwrap_or(base));
        }
        roots.sort();
        roots.dedup();
        // A root inside another adds nothing.
        let all = roots.clone();
        roots.retain(|r| !all.iter().any(|other| other != r && r.starts_with(other)));
        Ok(Boundary { roots })
    }

    /// A boundary of exactly these directories (canonicalised; missing ones are dropped).
    pub fn of_dirs<P: AsRef<Path>>(dirs: &[P]) -> Boundary {
        let mut roots: Vec<PathBuf> = dirs
            .iter()
            .filter_map(|d| std::fs::canonicalize(d).ok())
            .collect();
        roots.sort();
        roots.dedup();
        Boundary { roots }
    }

    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    /// Whether `path` (which must exist) really lies inside the boundary, links resolved.
    pub fn contains(&self, path: &Path) -> bool {
        std::fs::canonicalize(path).is_ok_and(|real| self.contains_real(&real))
    }

    /// Whether an already canonical path lies inside the boundary.
    pub fn contains_real(&self, real: &Path) -> bool {
        self.roots.iter().any(|root| real.starts_with(root))
    }

    /// The boundary directory holding `path` (for reads relative to a module), if any.
    pub fn root_for(&self, path: &Path) -> Option<&Path> {
        let real = std::fs::canonicalize(path).ok()?;
        self.roots
            .iter()
            .find(|root| real.starts_with(root))
            .map(PathBuf::as_path)
    }

    /// Where `path` leads when that is outside the boundary: `Some(real target)`; `None` when
    /// it is inside or does not resolve (a dangling link is reported where it is read).
    pub fn escape(&self, path: &Path) -> Option<PathBuf> {
        let real = std::fs::canonicalize(path).ok()?;
        (!self.contains_real(&real)).then_some(real)
    }

    /// A one-line description for diagnostics: `/a/repo` or `/a/repo, /b/other`.
    pub fn describe(&self) -> String {
        self.roots
            .iter()
            .map(|r| r.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The real directory a scanned path stands for: itself for a directory, its parent for a
/// file. A file that is a link is judged by the directory it sits in, not by its target.
fn base_dir(path: &Path) -> std::io::Result<PathBuf> {
    if std::fs::metadata(path)?.is_dir() {
        return std::fs::canonicalize(path);
    }
    let absolute = std::path::absolute(path)?;
    let parent = absolute.parent().unwrap_or(Path::new("/"));
    std::fs::canonicalize(parent)
}

/// The nearest ancestor of `dir` (itself included) holding a `.git` directory or file (a
/// worktree or submodule has a `.git` file).
fn git_work_tree(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| std::fs::symlink_metadata(d.join(".git")).is_ok())
        .map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_boundary_is_the_git_work_tree_else_the_scanned_path() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("infra/app")).unwrap();
        std::fs::create_dir_all(dir.path().join("plain/sub")).unwrap();
        let real = |p: &Path| std::fs::canonicalize(p).unwrap();

        let boundary = Boundary::new(&[repo.join("infra/app")], None).unwrap();
        assert_eq!(boundary.roots(), [real(&repo)]);
        assert!(boundary.contains(&repo.join("infra")));
        assert!(!boundary.contains(dir.path()));

        let plain = Boundary::new(&[dir.path().join("plain/sub")], None).unwrap();
        assert_eq!(plain.roots(), [real(&dir.path().join("plain/sub"))]);

        let explicit = Boundary::new(&[repo.join("infra/app")], Some(dir.path())).unwrap();
        assert_eq!(explicit.roots(), [real(dir.path())]);
    }

    #[test]
    fn a_file_is_judged_by_its_directory_and_a_link_by_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        let tree = dir.path().join("tree");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::create_dir_all(&tree).unwrap();
        std::fs::write(outside.join("secret"), "x").unwrap();
        std::os::unix::fs::symlink(outside.join("secret"), tree.join("Dockerfile")).unwrap();
        std::os::unix::fs::symlink("..", tree.join("up")).unwrap();

        let boundary = Boundary::new(&[tree.join("Dockerfile")], None).unwrap();
        assert_eq!(boundary.roots(), [std::fs::canonicalize(&tree).unwrap()]);
        assert_eq!(
            boundary.escape(&tree.join("Dockerfile")),
            Some(std::fs::canonicalize(outside.join("secret")).unwrap())
        );
        assert!(boundary.escape(&tree.join("up")).is_some());
        assert_eq!(boundary.escape(&tree), None);
    }
}
