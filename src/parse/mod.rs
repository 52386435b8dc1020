//! Parsers: one file per input kind, each turning source text into an [`ir::Document`].
//!
//! Parsers never panic on user input and never read files themselves: discovery hands them a
//! [`SourceFile`] that was read, size-checked and UTF-8-decoded once.

pub mod dockerfile;
pub mod fuzz;
pub mod kubernetes;
pub mod terraform;

use std::fmt;

use crate::source::Span;

/// Why a file could not be parsed. The span, when known, points at the offending text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub span: Option<Span>,
}

impl ParseError {
    pub fn new(message: impl Into<String>, span: Option<Span>) -> Self {
        ParseError {
            message: message.into(),
            span,
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

use std::io::Read;
use std::sync::Arc;

use crate::boundary::Boundary;
use crate::diagnostic::{Code, Diagnostic};
use crate::discover::{Candidate, NameKind};
use crate::ir::{Document, InputKind};
use crate::source::SourceFile;

/// Default largest file tenet reads (10 MiB); larger files are reported, not read.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// How much of an oversized `.yaml`/`.json` file is read to decide whether it is a manifest.
const CLASSIFY_PREFIX: u64 = 64 * 1024;

/// Reads a candidate once and decides its input kind from its content.
///
/// `Ok(None)` means the file is not an input tenet understands (skipped silently).
/// `Err` means tenet knows or suspects it is an input but cannot check it (fail closed).
///
/// Nothing outside `boundary` is opened: a file that leads out of it (a symbolic link) is a
/// warning and is not read.
pub fn load(
    candidate: &Candidate,
    max_file_size: u64,
    boundary: &Boundary,
) -> Result<Option<(Arc<SourceFile>, InputKind)>, Diagnostic> {
    let display = candidate.display.as_str();
    let io_error =
        |e: std::io::Error| Diagnostic::error(Code::Io, display, format!("cannot read: {e}"));
    let real = std::fs::canonicalize(&candidate.path).map_err(io_error)?;
    if !boundary.contains_real(&real) {
        return Err(crate::discover::outside_link(
            &candidate.path,
            &real,
            boundary,
        ));
    }
    let mut handle = std::fs::File::open(&candidate.path).map_err(io_error)?;
    let size = handle.metadata().map_err(io_error)?.len();
    if size > max_file_size {
        if candidate.kind == NameKind::Structured && !candidate.explicit {
            // Read a prefix only to tell a huge manifest (reported) from a huge data file (skipped).
            let mut prefix = Vec::new();
            handle
                .take(CLASSIFY_PREFIX)
                .read_to_end(&mut prefix)
                .map_err(io_error)?;
            if classify_structured(&String::from_utf8_lossy(&prefix), display).is_none() {
                return Ok(None);
            }
        }
        return Err(Diagnostic::error(
            Code::TooLarge,
            display,
            format!(
                "file is {size} bytes, over the {max_file_size}-byte limit (--max-file-size); not checked"
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    handle.read_to_end(&mut bytes).map_err(io_error)?;
    let text = match decode(bytes, display) {
        Ok(text) => text,
        // A `.yaml`/`.json` file that is not text is only reported if it looks like a
        // manifest; a file named as an input (Dockerfile, .tf) always is.
        Err((diagnostic, bytes)) => {
            let lossy = String::from_utf8_lossy(&bytes);
            // Named on the command line: reported whatever it looks like.
            if candidate.kind == NameKind::Structured
                && !candidate.explicit
                && classify_structured(&lossy, display).is_none()
            {
                return Ok(None);
            }
            return Err(diagnostic);
        }
    };

    let kind = match candidate.kind {
        NameKind::Dockerfile => InputKind::Dockerfile,
        NameKind::Terraform => InputKind::Terraform,
        NameKind::Structured => match classify_structured(&text, display) {
            Some(kind) => kind,
            None if candidate.explicit => {
                return Err(Diagnostic::new(
                    crate::diagnostic::Level::Info,
                    Code::NotAnInput,
                    display,
                    "not a Kubernetes manifest or Terraform plan (no top-level apiVersion and kind); skipped",
                ));
            }
            None => return Ok(None),
        },
    };
    Ok(Some((Arc::new(SourceFile::new(display, text)), kind)))
}

/// UTF-8 text without a byte-order mark; UTF-16 and UTF-32 with a byte-order mark (what
/// Windows PowerShell 5 `>` writes) are decoded; binary data and other encodings are
/// diagnostics.
fn decode(mut bytes: Vec<u8>, display: &str) -> Result<String, (Diagnostic, Vec<u8>)> {
    if let Some(result) = decode_utf16_or_32(&bytes, display) {
        return result.map_err(|diagnostic| (diagnostic, bytes));
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let line = bytes.iter().take(nul).filter(|&&b| b == b'\n').count() + 1;
        let diagnostic = Diagnostic::error(
            Code::Binary,
            display,
            "binary file (contains a NUL byte); not checked",
        )
        .with_line(line, 1);
        return Err((diagnostic, bytes));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = e.as_bytes().get(..valid).unwrap_or_default();
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before
            .rsplit(|&b| b == b'\n')
            .next()
            .map_or(0, |l| String::from_utf8_lossy(l).chars().count())
            + 1;
        let diagnostic = Diagnostic::error(
            Code::NotUtf8,
            display,
            format!("not valid UTF-8 (invalid byte at line {line}, column {column}); not checked"),
        )
        .with_line(line, column);
        (diagnostic, e.into_bytes())
    })
}

/// Decodes text that starts with a UTF-32 or UTF-16 byte-order mark; `None` without one.
/// Spans then point into the decoded (UTF-8) text, whose lines and columns are the file's.
fn decode_utf16_or_32(bytes: &[u8], display: &str) -> Option<Result<String, Diagnostic>> {
    let invalid = |encoding: &str| {
        Diagnostic::error(
            Code::NotUtf8,
            display,
            format!("invalid {encoding} text; not checked"),
        )
    };
    let (width, big_endian, encoding) = if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        (4, false, "UTF-32LE")
    } else if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        (4, true, "UTF-32BE")
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        (2, false, "UTF-16LE")
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        (2, true, "UTF-16BE")
    } else {
        return None;
    };
    let body = bytes.get(width..).unwrap_or_default();
    if body.len() % width != 0 {
        return Some(Err(invalid(encoding)));
    }
    let units = body.chunks_exact(width).map(|unit| {
        let mut value = 0u32;
        for i in 0..width {
            let byte = if big_endian {
                unit.get(i)
            } else {
                unit.get(width - 1 - i)
            };
            value = (value << 8) | u32::from(byte.copied().unwrap_or(0));
        }
        value
    });
    let text: Option<String> = if width == 4 {
        units.map(char::from_u32).collect()
    } else {
        let units: Vec<u16> = units.map(|u| u as u16).collect();
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok()
    };
    Some(match text {
        Some(text) if !text.contains('\0') => Ok(text),
        Some(_) => Err(Diagnostic::error(
            Code::Binary,
            display,
            format!("binary file ({encoding} text with a NUL character); not checked"),
        )),
        None => Err(invalid(encoding)),
    })
}

/// Decides what a `.yaml`/`.json` file is without parsing it, so that a malformed
/// manifest is still recognised (and reported) rather than silently skipped.
pub fn classify_structured(text: &str, display: &str) -> Option<InputKind> {
    let looks_like_json = display.to_ascii_lowercase().ends_with(".json")
        || text.trim_start().starts_with(['{', '[']);
    if looks_like_json {
        if text.contains("\"planned_values\"") && text.contains("\"format_version\"") {
            return Some(InputKind::TerraformPlan);
        }
        if text.contains("\"apiVersion\"") && text.contains("\"kind\"") {
            return Some(InputKind::Kubernetes);
        }
    }
    let top_level_key = |key: &str| {
        text.lines().any(|line| {
            [key.to_string(), format!("\"{key}\""), format!("'{key}'")]
                .iter()
                .any(|k| {
                    line.strip_prefix(k.as_str())
                        .is_some_and(|rest| rest.trim_start().starts_with(':'))
                })
        })
    };
    (top_level_key("apiVersion") && top_level_key("kind")).then_some(InputKind::Kubernetes)
}

/// Parses one file of a known kind into its IR document.
pub fn parse_file(file: Arc<SourceFile>, kind: InputKind) -> Result<Document, Diagnostic> {
    let result = match kind {
        InputKind::Kubernetes => kubernetes::parse(file.clone()),
        InputKind::Dockerfile => dockerfile::parse(file.clone()),
        InputKind::TerraformPlan => terraform::plan::parse(file.clone()),
        // Terraform files are parsed per module directory (see `terraform::documents`).
        InputKind::Terraform => {
            return Err(Diagnostic::error(
                Code::Internal,
                file.display.as_str(),
                "a Terraform file reached the per-file parser; not checked",
            ));
        }
    };
    result.map_err(|e| {
        let diagnostic = Diagnostic::error(Code::Parse, file.display.as_str(), e.message);
        match e.span {
            Some(span) => diagnostic.at(&file, span),
            None => diagnostic,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_are_recognised_even_when_malformed() {
        let broken = "apiVersion: v1\nkind: Pod\nspec: [unclosed\n";
        assert_eq!(
            classify_structured(broken, "a.yaml"),
            Some(InputKind::Kubernetes)
        );
        let json = r#"{"apiVersion": "v1", "kind": "Pod""#;
        assert_eq!(
            classify_structured(json, "a.json"),
            Some(InputKind::Kubernetes)
        );
    }

    #[test]
    fn other_yaml_and_json_are_not_inputs() {
        assert_eq!(classify_structured("name: ci\non: push\n", "ci.yml"), None);
        // Nested keys are not top-level keys.
        assert_eq!(
            classify_structured("x:\n  apiVersion: v1\n  kind: Pod\n", "v.yaml"),
            None
        );
        assert_eq!(
            classify_structured(r#"{"name": "pkg"}"#, "package.json"),
            None
        );
    }

    #[test]
    fn plan_json_is_recognised() {
        let plan = r#"{"format_version": "1.2", "planned_values": {}}"#;
        assert_eq!(
            classify_structured(plan, "plan.json"),
            Some(InputKind::TerraformPlan)
        );
    }

    #[test]
    fn decode_reports_binary_and_invalid_utf8_with_lines() {
        let (binary, _) = decode(b"a\nb\0c".to_vec(), "f").unwrap_err();
        assert_eq!((binary.code, binary.line), (Code::Binary, Some(2)));
        let (latin1, _) = decode(b"FROM x\nLABEL a=\xE9t\xE9\n".to_vec(), "f").unwrap_err();
        assert_eq!(
            (latin1.code, latin1.line, latin1.column),
            (Code::NotUtf8, Some(2), Some(9))
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFkind: x".to_vec(), "f").unwrap(),
            "kind: x"
        );
    }

    #[test]
    fn utf16_and_utf32_with_a_byte_order_mark_are_decoded() {
        let text = "kind: Pod\nname: é\n";
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(utf16le, "f").unwrap(), text);
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(utf16be, "f").unwrap(), text);
        let utf32le: Vec<u8> = [0xFF, 0xFE, 0, 0]
            .into_iter()
            .chain(text.chars().flat_map(|c| u32::from(c).to_le_bytes()))
            .collect();
        assert_eq!(decode(utf32le, "f").unwrap(), text);
        // A lone surrogate is not text.
        let (broken, _) = decode(vec![0xFF, 0xFE, 0x00, 0xD8], "f").unwrap_err();
        assert_eq!(broken.code, Code::NotUtf8);
    }
}
