//! Bodies of the fuzz targets (`fuzz/fuzz_targets/*.rs`), kept as plain functions so stable
//! `cargo test` runs them over every file under `testdata/` too.
//!
//! Each parses arbitrary bytes and checks the invariants every parser must keep: it returns
//! (never panics) and every span it records lies inside the text, on character boundaries.

use std::sync::Arc;

use crate::ir::{Document, InputKind};
use crate::parse::{ParseError, dockerfile, kubernetes, terraform};
use crate::source::{SourceFile, Span};

/// Parses `data` as a Kubernetes manifest and checks the invariants.
pub fn kubernetes(data: &[u8]) -> Result<(), String> {
    comments_ok(data, InputKind::Kubernetes, false)?;
    check(data, kubernetes::parse)
}

/// Parses `data` as a `terraform show -json` plan and checks the invariants.
pub fn terraform_plan(data: &[u8]) -> Result<(), String> {
    check(data, terraform::plan::parse)
}

/// Parses `data` as one Terraform file (HCL, with the `{ for }` newline fix-up) and checks
/// that every span hcl-edit reports lies inside the text.
pub fn terraform(data: &[u8]) -> Result<(), String> {
    comments_ok(data, InputKind::Terraform, false)?;
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let file = Arc::new(SourceFile::new("fuzz.tf", text));
    match terraform::module::parse_body(&file) {
        Ok((body, warnings)) => {
            for warning in &warnings {
                if let Some((_, span)) = &warning.source {
                    span_ok(text, *span)?;
                }
            }
            for structure in body.iter() {
                if let Some(range) = hcl_edit::Span::span(structure) {
                    span_ok(text, Span::new(range.start, range.end))?;
                }
            }
            Ok(())
        }
        Err(diagnostic) => diagnostic
            .source
            .map_or(Ok(()), |(_, span)| span_ok(text, span)),
    }
}

/// Evaluates `data` as the only file of a root module (`main.tf`, written to a scratch
/// directory of this process) under small budgets, and checks that every resource's spans lie
/// inside the text. This reaches the evaluator and the function library, not only the parser.
pub fn terraform_eval(data: &[u8]) -> Result<(), String> {
    use crate::boundary::Boundary;
    use crate::discover::{Candidate, NameKind};
    use crate::parse::terraform::budget::EvalLimits;
    use crate::parse::terraform::module::{DEFAULT_MAX_INSTANCES, InputVariables};

    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let dir = std::env::temp_dir().join(format!("tenet-fuzz-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join("main.tf");
    std::fs::write(&path, text).map_err(|e| e.to_string())?;
    let options = terraform::TerraformOptions {
        max_file_size: 1 << 20,
        max_instances: DEFAULT_MAX_INSTANCES,
        inputs: InputVariables::default(),
        boundary: Boundary::of_dirs(&[&dir]),
        limits: EvalLimits {
            max_bytes: 64 << 20,
            timeout: std::time::Duration::from_secs(2),
            ..EvalLimits::default()
        },
    };
    let candidate = Candidate {
        path: path.clone(),
        display: "main.tf".to_string(),
        kind: NameKind::Terraform,
        explicit: false,
    };
    let (documents, _) = terraform::documents(&[candidate], &options);
    for document in &documents {
        for resource in &document.resources {
            let spans =
                std::iter::once(&resource.spans.header).chain(resource.spans.attributes.values());
            for span in spans {
                span_ok(text, *span).map_err(|e| format!("{}: {e}", resource.address))?;
            }
            serde_json::to_string(&resource.attributes).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// Parses `data` as a Terraform JSON configuration and as JSON tfvars, and checks that every
/// span, mapped back from the native-syntax translation, lies inside the JSON text.
pub fn terraform_json(data: &[u8]) -> Result<(), String> {
    comments_ok(data, InputKind::Terraform, true)?;
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let file = Arc::new(SourceFile::new("fuzz.tf.json", text));
    for variables in [false, true] {
        match terraform::module::parse_json_body(&file, variables) {
            Ok((translated, body)) => json_body_spans_ok(text, &translated, &body)?,
            Err(diagnostic) => {
                if let Some((_, span)) = diagnostic.source {
                    span_ok(text, span)?;
                }
            }
        }
    }
    Ok(())
}

fn json_body_spans_ok(
    text: &str,
    file: &SourceFile,
    body: &hcl_edit::structure::Body,
) -> Result<(), String> {
    for structure in body.iter() {
        if let Some(range) = hcl_edit::Span::span(structure) {
            span_ok(text, file.parsed_span(range.clone()))?;
            if let Some(header) = file.translated_header(range.start) {
                span_ok(text, header)?;
            }
        }
        if let Some(block) = structure.as_block() {
            json_body_spans_ok(text, file, &block.body)?;
        }
    }
    Ok(())
}

/// Parses `data` as a Dockerfile and checks the invariants.
pub fn dockerfile(data: &[u8]) -> Result<(), String> {
    comments_ok(data, InputKind::Dockerfile, false)?;
    check(data, dockerfile::parse)
}

fn check(
    data: &[u8],
    parse: fn(Arc<SourceFile>) -> Result<Document, ParseError>,
) -> Result<(), String> {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(()); // non-UTF-8 never reaches a parser (see parse::load)
    };
    let file = Arc::new(SourceFile::new("fuzz", text));
    match parse(file.clone()) {
        Ok(document) => {
            for resource in &document.resources {
                let spans = std::iter::once(&resource.spans.header)
                    .chain(resource.spans.attributes.values());
                for span in spans {
                    span_ok(text, *span).map_err(|e| format!("{}: {e}", resource.address))?;
                }
                serde_json::to_string(&resource.attributes).map_err(|e| e.to_string())?;
            }
            Ok(())
        }
        Err(error) => error.span.map_or(Ok(()), |span| span_ok(text, span)),
    }
}

/// The comments read for suppressions (`suppress::comments`) lie inside the text, on lines
/// that exist.
fn comments_ok(data: &[u8], kind: InputKind, json: bool) -> Result<(), String> {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let lines = text.lines().count().max(1);
    for comment in crate::suppress::comments::comments(text, kind, json) {
        span_ok(text, Span::new(comment.offset, comment.offset))
            .map_err(|e| format!("comment: {e}"))?;
        if comment.line == 0 || comment.line > lines + 1 {
            return Err(format!("comment on line {} of {lines}", comment.line));
        }
    }
    Ok(())
}

fn span_ok(text: &str, span: Span) -> Result<(), String> {
    let inside = span.start <= span.end && span.end <= text.len();
    let boundaries = text.is_char_boundary(span.start) && text.is_char_boundary(span.end);
    if inside && boundaries {
        Ok(())
    } else {
        Err(format!(
            "span {}..{} is outside the text ({} bytes) or not on a character boundary",
            span.start,
            span.end,
            text.len()
        ))
    }
}
