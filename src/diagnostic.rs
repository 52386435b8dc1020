//! Per-file problems found while scanning: unreadable, unparsable or skipped inputs, and rule
//! errors. They are values, collected beside the findings; the exit status is computed from
//! them at the end (any error makes the scan incomplete).

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::source::{Position, SourceFile, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The input or rule could not be checked: the scan is incomplete.
    Error,
    /// Something the user should know that did not stop checking.
    Warning,
    /// Informational, e.g. a Helm chart's templates were skipped.
    Info,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
        })
    }
}

/// What went wrong; the kebab-case name is the stable `code` in JSON output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// The file or directory could not be read.
    Io,
    /// A symbolic link points back at one of its own ancestors.
    SymlinkLoop,
    /// The file is larger than the configured limit.
    TooLarge,
    /// The file holds binary data (a NUL byte).
    Binary,
    /// The file is not valid UTF-8.
    NotUtf8,
    /// The file could not be parsed.
    Parse,
    /// The input kind is recognised but not supported yet.
    Unsupported,
    /// A Helm chart's `templates/` directory was skipped (not YAML until rendered).
    HelmTemplates,
    /// A rule failed to load or evaluate, exceeded its time limit, or returned a bad result.
    Rule,
    /// tenet itself failed on this input (a bug): reported, never hidden.
    Internal,
    /// A link, module or file leads outside the scan boundary: not followed, not read.
    OutsideBoundary,
    /// A resource budget (time, memory, depth, count) was reached: the rest was not checked.
    Limit,
    /// A file named on the command line is not an input tenet checks.
    NotAnInput,
    /// A Terraform module call whose source is neither local nor installed by `terraform init`:
    /// its resources are not checked.
    UnresolvedModule,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Io => "io",
            Code::SymlinkLoop => "symlink-loop",
            Code::TooLarge => "too-large",
            Code::Binary => "binary",
            Code::NotUtf8 => "not-utf8",
            Code::Parse => "parse",
            Code::Unsupported => "unsupported",
            Code::HelmTemplates => "helm-templates",
            Code::Rule => "rule",
            Code::Internal => "internal",
            Code::OutsideBoundary => "outside-boundary",
            Code::Limit => "limit",
            Code::NotAnInput => "not-an-input",
            Code::UnresolvedModule => "unresolved-module",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Diagnostic {
    pub level: Level,
    pub code: Code,
    /// The file (or directory) concerned, as displayed to users.
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The rule concerned, for rule errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    pub message: String,
    /// Source and span for a snippet in text output.
    #[serde(skip)]
    pub source: Option<(Arc<SourceFile>, Span)>,
}

impl Diagnostic {
    pub fn new(
        level: Level,
        code: Code,
        file: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            level,
            code,
            file: file.into(),
            line: None,
            column: None,
            rule: None,
            message: message.into(),
            source: None,
        }
    }

    pub fn error(code: Code, file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic::new(Level::Error, code, file, message)
    }

    /// Attaches a location inside `source`.
    pub fn at(mut self, source: &Arc<SourceFile>, span: Span) -> Self {
        let Position { line, column } = source.position(span.start);
        self.line = Some(line);
        self.column = Some(column);
        self.source = Some((source.clone(), span));
        self
    }

    pub fn with_line(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn for_rule(mut self, rule: impl Into<String>) -> Self {
        self.rule = Some(rule.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }

    /// Sort key so output never depends on thread timing.
    pub fn sort_key(&self) -> (&str, Option<usize>, Option<usize>, Code, &str) {
        (&self.file, self.line, self.column, self.code, &self.message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}[{}]", self.level, self.code.as_str())?;
        if let Some(rule) = &self.rule {
            write!(f, " {rule}")?;
        }
        write!(f, ": {}", self.message)
    }
}
