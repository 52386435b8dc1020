//! File and path functions (`file`, `fileset`, `templatefile`, `basename`, …), all confined to
//! the scan boundary.

use super::*;

/// Most bytes a file function reads.
pub(super) const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Where a path argument leads, confined to the scan root.
pub(super) enum Resolved {
    Exists(PathBuf),
    Missing,
}

/// Resolves `path` as Terraform does (relative to the module directory, `..` removed
/// lexically, `~` expanded to the home directory), then requires the real path (symlinks
/// followed) to lie inside the scan root.
pub(super) fn resolve(ctx: &FunctionContext<'_>, path: &str) -> Result<Resolved, CallError> {
    let outside = || CallError::OutsideRoot(path.to_string());
    if path.starts_with('~') {
        return Err(outside());
    }
    let joined = ctx.module_dir.join(path);
    let joined = std::path::absolute(&joined).unwrap_or(joined);
    let cleaned = lexical_clean(&joined);
    let root = ctx.scan_root.canonicalize().map_err(|_| outside())?;
    if let Ok(real) = cleaned.canonicalize() {
        return if real.starts_with(&root) {
            Ok(Resolved::Exists(real))
        } else {
            Err(outside())
        };
    }
    // Missing: the deepest existing ancestor decides where it would be.
    let mut tail = Vec::new();
    let mut ancestor = cleaned.as_path();
    while let Some(parent) = ancestor.parent() {
        tail.push(ancestor.file_name().unwrap_or_default().to_os_string());
        ancestor = parent;
        if let Ok(real) = ancestor.canonicalize() {
            let full = tail.iter().rev().fold(real, |p, part| p.join(part));
            return if full.starts_with(&root) {
                Ok(Resolved::Missing)
            } else {
                Err(outside())
            };
        }
    }
    Err(outside())
}

/// Go's `filepath.Clean` on an absolute path: `.` and `..` resolved lexically.
pub(super) fn lexical_clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else if !out.has_root() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The bytes of the file at `path` (at most [`MAX_FILE_BYTES`]).
pub(super) fn read_file(ctx: &FunctionContext<'_>, path: &str) -> Result<Vec<u8>, CallError> {
    let real = match resolve(ctx, path)? {
        Resolved::Exists(real) => real,
        Resolved::Missing => {
            return invalid(format!(
                "no file exists at {path}; this function works only with files that are \
                 distributed as part of the configuration source code"
            ));
        }
    };
    let metadata = std::fs::metadata(&real).map_err(|e| read_error(path, &e))?;
    if metadata.is_dir() {
        return invalid(format!("failed to read file: {path} is a directory"));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return invalid(format!(
            "{path} is larger than {MAX_FILE_BYTES} bytes; not read"
        ));
    }
    let file = std::fs::File::open(&real).map_err(|e| read_error(path, &e))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(path, &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return invalid(format!(
            "{path} is larger than {MAX_FILE_BYTES} bytes; not read"
        ));
    }
    Ok(bytes)
}

pub(super) fn read_error(path: &str, error: &std::io::Error) -> CallError {
    CallError::Invalid(format!("failed to read {path}: {error}"))
}

pub(super) fn read_text(ctx: &FunctionContext<'_>, path: &str) -> Result<String, CallError> {
    String::from_utf8(read_file(ctx, path)?).map_err(|_| {
        CallError::Invalid(format!(
            "contents of {path} are not valid UTF-8; use the filebase64 function to obtain \
             the Base64 encoded contents or the other file functions (e.g. filemd5, \
             filesha256) to obtain file hashing results instead"
        ))
    })
}

/// `file(path)`: the file's contents, which must be UTF-8.
pub(super) fn file(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(read_text(ctx, &str_at(args, 0)?)?)
}

pub(super) fn filebase64(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(base64(&read_file(ctx, &str_at(args, 0)?)?))
}

pub(super) fn filemd5(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(hex(&md5_digest(&read_file(ctx, &str_at(args, 0)?)?)))
}

pub(super) fn filesha1(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(hex(&sha1_digest(&read_file(ctx, &str_at(args, 0)?)?)))
}

pub(super) fn filesha256(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(hex(&Sha256::digest(read_file(ctx, &str_at(args, 0)?)?)))
}

pub(super) fn filesha512(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(hex(&Sha512::digest(read_file(ctx, &str_at(args, 0)?)?)))
}

pub(super) fn filebase64sha256(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(base64(&Sha256::digest(read_file(ctx, &str_at(args, 0)?)?)))
}

pub(super) fn filebase64sha512(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    string(base64(&Sha512::digest(read_file(ctx, &str_at(args, 0)?)?)))
}

/// `fileexists(path)`: whether a regular file exists there (a directory is an error).
pub(super) fn fileexists(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    let path = str_at(args, 0)?;
    match resolve(ctx, &path)? {
        Resolved::Missing => Ok(Value::Bool(false)),
        Resolved::Exists(real) => match std::fs::metadata(&real) {
            Ok(m) if m.is_file() => Ok(Value::Bool(true)),
            Ok(m) if m.is_dir() => invalid(format!("{path} is a directory, not a file")),
            Ok(_) => invalid(format!("{path} is not a regular file")),
            Err(e) => Err(read_error(&path, &e)),
        },
    }
}

/// Most directory entries `fileset` looks at before giving up (the result is then unknown).
pub(super) const FILESET_MAX_ENTRIES: usize = 100_000;

/// `fileset(path, pattern)`: the regular files under `path` whose path relative to it matches
/// the glob `pattern` (`*`, `?`, `**`, `[class]`, `{a,b}`), as a sorted set of `/`-separated
/// paths. Only files inside the scan root are listed.
pub(super) fn fileset(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    let base = str_at(args, 0)?;
    let pattern = str_at(args, 1)?;
    let Some(matcher) = glob_regex(&pattern) else {
        return invalid(format!(
            "failed to glob pattern {pattern:?}: syntax error in pattern"
        ));
    };
    let dir = match resolve(ctx, &base)? {
        Resolved::Exists(dir) if dir.is_dir() => dir,
        // A missing directory matches nothing, as in Terraform.
        _ => return Ok(Value::List(Vec::new())),
    };
    let root = ctx.scan_root.canonicalize().unwrap_or_default();
    let mut found = Vec::new();
    let mut seen_dirs = std::collections::HashSet::from([dir.clone()]);
    let mut pending = vec![(dir, String::new())];
    let mut visited = 0usize;
    while let Some((directory, prefix)) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&directory) else {
            continue;
        };
        for entry in entries.flatten() {
            visited += 1;
            if visited > FILESET_MAX_ENTRIES {
                return Ok(Value::Unknown);
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = format!("{prefix}{name}");
            // Symbolic links are followed, but never out of the scan root (nor in a loop).
            let Ok(real) = entry.path().canonicalize() else {
                continue;
            };
            if !real.starts_with(&root) {
                continue;
            }
            if real.is_dir() {
                if seen_dirs.insert(real.clone()) {
                    pending.push((real, format!("{relative}/")));
                }
            } else if real.is_file() && matcher.is_match(&relative) {
                found.push(Value::String(relative));
            }
        }
    }
    found.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    Ok(Value::List(found))
}

/// A doublestar glob (what `fileset` takes) as an anchored regular expression.
pub(super) fn glob_regex(pattern: &str) -> Option<regex::Regex> {
    let mut out = String::from("^");
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    let mut alternatives = 0usize;
    while let Some(&c) = chars.get(i) {
        match c {
            '*' if chars.get(i + 1) == Some(&'*') => {
                let at_start = i == 0 || chars.get(i - 1) == Some(&'/');
                let slash_after = chars.get(i + 2) == Some(&'/');
                if at_start && slash_after {
                    out.push_str("(?:.*/)?");
                    i += 3;
                    continue;
                }
                out.push_str(".*");
                i += 2;
                continue;
            }
            '*' => out.push_str("[^/]*"),
            '?' => out.push_str("[^/]"),
            '[' => {
                let close =
                    (i + 1..chars.len()).find(|&j| chars.get(j) == Some(&']') && j > i + 1)?;
                out.push('[');
                let mut class: String = chars.get(i + 1..close)?.iter().collect();
                if let Some(rest) = class.strip_prefix('!') {
                    class = format!("^{rest}");
                }
                out.push_str(&class.replace('[', "\\["));
                out.push(']');
                i = close;
            }
            '{' => {
                alternatives += 1;
                out.push_str("(?:");
            }
            ',' if alternatives > 0 => out.push('|'),
            '}' if alternatives > 0 => {
                alternatives -= 1;
                out.push(')');
            }
            '\\' => {
                i += 1;
                out.push_str(&regex::escape(&chars.get(i)?.to_string()));
            }
            c => out.push_str(&regex::escape(&c.to_string())),
        }
        i += 1;
    }
    if alternatives > 0 {
        return None;
    }
    out.push('$');
    regex::Regex::new(&out).ok()
}

/// `templatefile(path, vars)`: the file rendered as a template with the given variables.
pub(super) fn templatefile(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    let path = str_at(args, 0)?;
    let vars = match arg(args, 1) {
        Value::Object(vars) => vars,
        _ => return invalid("invalid vars value: must be a map"),
    };
    if let Some(bad) = vars.keys().find(|name| !valid_identifier(name)) {
        return invalid(format!(
            "invalid template variable name {bad:?}: must start with a letter, followed by \
             zero or more letters, digits, and underscores"
        ));
    }
    let text = read_text(ctx, &path)?;
    (ctx.render_template)(&text, vars).map_err(CallError::Invalid)
}

/// `templatestring(template, vars)`: a template held in a string, rendered like
/// `templatefile` (Terraform requires the template argument to be a reference, which the
/// evaluator has already resolved). The result must convert to a string.
pub(super) fn templatestring(args: &[Value], ctx: &FunctionContext<'_>) -> CallResult {
    let template = match arg(args, 0) {
        Value::String(template) => template,
        _ => return invalid("invalid template value: a string is required"),
    };
    let vars = match arg(args, 1) {
        Value::Object(vars) => vars,
        _ => return invalid("invalid vars value: must be a map"),
    };
    if let Some(bad) = vars.keys().find(|name| !valid_identifier(name)) {
        return invalid(format!(
            "invalid template variable name {bad:?}: must start with a letter, followed by \
             zero or more letters, digits, and underscores"
        ));
    }
    match (ctx.render_template)(template, vars).map_err(CallError::Invalid)? {
        Value::Null => invalid("the result of the template is null"),
        Value::Unknown => Ok(Value::Unknown),
        result @ (Value::List(_) | Value::Object(_)) => invalid(format!(
            "invalid template result: string required, got {}",
            result.type_name()
        )),
        result => string(str_of(&result)?),
    }
}

/// An HCL identifier: a letter or underscore, then letters, digits, underscores, dashes.
pub(super) fn valid_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// `basename(path)`: Go's `filepath.Base`.
pub(super) fn basename(args: &[Value]) -> CallResult {
    let path = str_at(args, 0)?;
    if path.is_empty() {
        return string(".");
    }
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return string("/");
    }
    string(trimmed.rsplit('/').next().unwrap_or(trimmed))
}

/// `dirname(path)`: Go's `filepath.Dir`.
pub(super) fn dirname(args: &[Value]) -> CallResult {
    let path = str_at(args, 0)?;
    let dir = path.rfind('/').map_or("", |i| path.get(..=i).unwrap_or(""));
    string(go_clean(dir))
}

/// Go's `path.Clean`.
pub(super) fn go_clean(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::terraform::functions::testing::*;

    struct Tree {
        _dir: tempfile::TempDir,
        root: PathBuf,
        module: PathBuf,
    }

    /// `<tmp>/root/modules/app/{main.tf,config.json,latin1.bin,big.txt,conf/}` plus
    /// `<tmp>/secret.txt` outside the root, and symlinks escaping the root.
    fn tree() -> Tree {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        let module = root.join("modules").join("app");
        std::fs::create_dir_all(module.join("conf")).unwrap();
        std::fs::write(module.join("config.json"), "{\"a\": 1}").unwrap();
        std::fs::write(module.join("greeting.tftpl"), "Hello, ${name}!").unwrap();
        std::fs::write(root.join("shared.txt"), "shared").unwrap();
        std::fs::write(module.join("latin1.bin"), [0x63, 0x61, 0x66, 0xe9]).unwrap();
        std::fs::File::create(module.join("big.txt"))
            .unwrap()
            .set_len(MAX_FILE_BYTES + 1)
            .unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), module.join("link.txt"))
                .unwrap();
            std::os::unix::fs::symlink(dir.path(), module.join("up")).unwrap();
        }
        Tree {
            _dir: dir,
            root,
            module,
        }
    }

    fn fake_render(text: &str, vars: &BTreeMap<String, Value>) -> Result<Value, String> {
        let name = vars
            .get("name")
            .and_then(Value::as_str)
            .ok_or("vars map does not contain key \"name\"")?;
        Ok(Value::String(text.replace("${name}", name)))
    }

    fn run_in(t: &Tree, name: &str, args: Vec<Value>) -> Result<Value, CallError> {
        let ctx = FunctionContext {
            module_dir: &t.module,
            scan_root: &t.root,
            render_template: &fake_render,
        };
        call(name, args, &ctx)
    }

    #[test]
    fn fileset_globs_files_inside_the_root_only() {
        let t = tree();
        std::fs::write(t.module.join("conf").join("a.json"), "{}").unwrap();
        std::fs::create_dir_all(t.module.join("conf").join("deep")).unwrap();
        std::fs::write(t.module.join("conf").join("deep").join("b.json"), "{}").unwrap();
        let names = |v: Vec<&str>| Ok(Value::List(v.into_iter().map(s).collect()));
        assert_eq!(
            run_in(&t, "fileset", vec![s("."), s("*.json")]),
            names(vec!["config.json"])
        );
        assert_eq!(
            run_in(&t, "fileset", vec![s("."), s("**/*.json")]),
            names(vec!["conf/a.json", "conf/deep/b.json", "config.json"])
        );
        assert_eq!(
            run_in(&t, "fileset", vec![s("conf"), s("{a,deep/b}.[j]son")]),
            names(vec!["a.json", "deep/b.json"])
        );
        // `up` links outside the root and `link.txt` to a file outside it: never listed.
        assert_eq!(
            run_in(&t, "fileset", vec![s("."), s("**/secret.txt")]),
            names(vec![])
        );
        assert_eq!(
            run_in(&t, "fileset", vec![s("."), s("link.txt")]),
            names(vec![])
        );
        assert_eq!(
            run_in(&t, "fileset", vec![s("missing"), s("*")]),
            names(vec![])
        );
        assert!(matches!(
            run_in(&t, "fileset", vec![s("."), s("{a,b")]),
            Err(CallError::Invalid(_))
        ));
        assert!(matches!(
            run_in(&t, "fileset", vec![s("../../.."), s("*")]),
            Err(CallError::OutsideRoot(_))
        ));
    }

    #[test]
    fn file_reads_inside_the_root_only() {
        let t = tree();
        assert_eq!(
            run_in(&t, "file", vec![s("config.json")]),
            Ok(s("{\"a\": 1}"))
        );
        assert_eq!(
            run_in(&t, "file", vec![s("../../shared.txt")]),
            Ok(s("shared"))
        );
        assert_eq!(
            run_in(&t, "file", vec![s("./conf/../config.json")]),
            Ok(s("{\"a\": 1}"))
        );
        let absolute = t.module.join("config.json").to_string_lossy().into_owned();
        assert_eq!(run_in(&t, "file", vec![s(&absolute)]), Ok(s("{\"a\": 1}")));
        for outside in ["../../../secret.txt", "/etc/passwd", "~/.ssh/id_rsa"] {
            assert_eq!(
                run_in(&t, "file", vec![s(outside)]),
                Err(CallError::OutsideRoot(outside.to_string())),
                "{outside}"
            );
        }
        #[cfg(unix)]
        {
            assert_eq!(
                run_in(&t, "file", vec![s("link.txt")]),
                Err(CallError::OutsideRoot("link.txt".into()))
            );
            assert_eq!(
                run_in(&t, "file", vec![s("up/secret.txt")]),
                Err(CallError::OutsideRoot("up/secret.txt".into()))
            );
        }
        assert!(
            matches!(run_in(&t, "file", vec![s("missing.txt")]), Err(CallError::Invalid(m)) if m.contains("no file exists"))
        );
        assert!(
            matches!(run_in(&t, "file", vec![s("latin1.bin")]), Err(CallError::Invalid(m)) if m.contains("not valid UTF-8"))
        );
        assert!(
            matches!(run_in(&t, "file", vec![s("big.txt")]), Err(CallError::Invalid(m)) if m.contains("larger than"))
        );
        assert!(matches!(
            run_in(&t, "file", vec![s("conf")]),
            Err(CallError::Invalid(_))
        ));
        assert_eq!(
            run_in(&t, "filebase64", vec![s("latin1.bin")]),
            Ok(s("Y2Fm6Q=="))
        );
        assert_eq!(
            run_in(&t, "filemd5", vec![s("config.json")]),
            ok("md5", vec![s("{\"a\": 1}")]).pipe(Ok)
        );
        assert_eq!(
            run_in(&t, "filesha256", vec![s("config.json")]),
            ok("sha256", vec![s("{\"a\": 1}")]).pipe(Ok)
        );
        assert_eq!(run_in(&t, "file", vec![U]), Ok(U));
    }

    trait Pipe: Sized {
        fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
            f(self)
        }
    }
    impl Pipe for Value {}

    #[test]
    fn fileexists_checks_inside_the_root_only() {
        let t = tree();
        assert_eq!(
            run_in(&t, "fileexists", vec![s("config.json")]),
            Ok(Value::Bool(true))
        );
        assert_eq!(
            run_in(&t, "fileexists", vec![s("nope.txt")]),
            Ok(Value::Bool(false))
        );
        assert_eq!(
            run_in(&t, "fileexists", vec![s("no/such/dir.txt")]),
            Ok(Value::Bool(false))
        );
        assert!(matches!(
            run_in(&t, "fileexists", vec![s("conf")]),
            Err(CallError::Invalid(_))
        ));
        assert_eq!(
            run_in(&t, "fileexists", vec![s("../../../secret.txt")]),
            Err(CallError::OutsideRoot("../../../secret.txt".into()))
        );
        assert_eq!(
            run_in(&t, "fileexists", vec![s("../../../nothing-here.txt")]),
            Err(CallError::OutsideRoot("../../../nothing-here.txt".into()))
        );
    }

    #[test]
    fn templatefile_renders_through_the_evaluator() {
        let t = tree();
        assert_eq!(
            run_in(
                &t,
                "templatefile",
                vec![s("greeting.tftpl"), obj(&[("name", s("Ander"))])]
            ),
            Ok(s("Hello, Ander!"))
        );
        assert!(matches!(
            run_in(&t, "templatefile", vec![s("greeting.tftpl"), obj(&[])]),
            Err(CallError::Invalid(m)) if m.contains("does not contain key")
        ));
        assert!(matches!(
            run_in(&t, "templatefile", vec![s("greeting.tftpl"), obj(&[("bad name", s("x"))])]),
            Err(CallError::Invalid(m)) if m.contains("invalid template variable name")
        ));
        assert!(matches!(
            run_in(&t, "templatefile", vec![s("greeting.tftpl"), strs(&["x"])]),
            Err(CallError::Invalid(_))
        ));
        assert_eq!(
            run_in(&t, "templatefile", vec![s("../../../secret.txt"), obj(&[])]),
            Err(CallError::OutsideRoot("../../../secret.txt".into()))
        );
    }

    #[test]
    fn templatestring_renders_a_string() {
        let t = tree();
        assert_eq!(
            run_in(
                &t,
                "templatestring",
                vec![s("Hi, ${name}!"), obj(&[("name", s("Sam"))])]
            ),
            Ok(s("Hi, Sam!"))
        );
        assert!(matches!(
            run_in(&t, "templatestring", vec![n(1.0), obj(&[])]),
            Err(CallError::Invalid(_))
        ));
    }

    #[test]
    fn path_functions() {
        assert_eq!(ok("basename", vec![s("foo/bar/baz.txt")]), s("baz.txt"));
        assert_eq!(ok("basename", vec![s("/foo/bar/")]), s("bar"));
        assert_eq!(ok("basename", vec![s("/")]), s("/"));
        assert_eq!(ok("basename", vec![s("")]), s("."));
        assert_eq!(ok("dirname", vec![s("foo/bar/baz.txt")]), s("foo/bar"));
        assert_eq!(ok("dirname", vec![s("baz.txt")]), s("."));
        assert_eq!(ok("dirname", vec![s("/foo//bar/../baz")]), s("/foo"));
        assert_eq!(ok("dirname", vec![s("/")]), s("/"));
    }
}
