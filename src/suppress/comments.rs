//! The comments of a scanned file, by input kind, for `tenet:ignore` directives: `#`, `//`
//! and `/* */` in HCL, `#` in YAML and Dockerfiles, and `"//"` keys in Terraform JSON (its
//! only comment form). Strings, heredocs and YAML block scalars hold no comments.

use crate::ir::InputKind;
use crate::parse::terraform::newlines::{find, heredoc_end, line_end};

/// One comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// 1-based line the comment starts on.
    pub line: usize,
    /// Byte offset of its first character.
    pub offset: usize,
    /// Nothing but blanks before it on its line: it applies to what follows, not to its line.
    pub own_line: bool,
    /// The text without the comment markers.
    pub text: String,
}

/// The comments of `text`, a file of `kind` (`json`: Terraform's JSON syntax).
pub fn comments(text: &str, kind: InputKind, json: bool) -> Vec<Comment> {
    match kind {
        InputKind::Terraform if json => json_comments(text),
        InputKind::Terraform => hcl_comments(text),
        InputKind::Kubernetes => yaml_comments(text),
        InputKind::Dockerfile => dockerfile_comments(text),
        InputKind::TerraformPlan => Vec::new(),
    }
}

/// 1-based line of `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(offset)
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn own_line(text: &str, offset: usize) -> bool {
    let start = text
        .get(..offset)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    text.get(start..offset).is_some_and(|t| t.trim().is_empty())
}

fn comment(text: &str, offset: usize, body: &str) -> Comment {
    Comment {
        line: line_of(text, offset),
        offset,
        own_line: own_line(text, offset),
        text: body.trim().to_string(),
    }
}

fn hcl_comments(text: &str) -> Vec<Comment> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Depth of `${`/`%{` inside strings, to know where a string resumes.
    let mut interpolations: Vec<usize> = Vec::new();
    let mut braces = 0usize;
    let mut in_string = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' | b'\n' => in_string = false,
                b'$' | b'%' if bytes.get(i + 1) == Some(&b'{') => {
                    interpolations.push(braces);
                    in_string = false;
                    i += 1;
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'#' => {
                let end = line_end(bytes, i);
                out.push(comment(text, i, text.get(i + 1..end).unwrap_or_default()));
                i = end;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = line_end(bytes, i);
                out.push(comment(text, i, text.get(i + 2..end).unwrap_or_default()));
                i = end;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = find(bytes, i + 2, b"*/").unwrap_or(bytes.len());
                out.push(comment(text, i, text.get(i + 2..end).unwrap_or_default()));
                i = end + 2;
                continue;
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                if let Some(end) = heredoc_end(bytes, i) {
                    i = end;
                    continue;
                }
            }
            b'{' => braces += 1,
            b'}' => {
                if interpolations.last() == Some(&braces) {
                    interpolations.pop();
                    in_string = true;
                } else {
                    braces = braces.saturating_sub(1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// `"//": "…"` keys: Terraform JSON's comments.
fn json_comments(text: &str) -> Vec<Comment> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|t| t.find("\"//\"")) {
        let key = from + at;
        from = key + 4;
        let rest = text.get(from..).unwrap_or_default().trim_start();
        let Some(value) = rest.strip_prefix(':').map(str::trim_start) else {
            continue;
        };
        let Ok(serde_json::Value::String(body)) = serde_json::Deserializer::from_str(value)
            .into_iter::<serde_json::Value>()
            .next()
            .unwrap_or(Ok(serde_json::Value::Null))
        else {
            continue;
        };
        out.push(Comment {
            line: line_of(text, key),
            offset: key,
            own_line: true,
            text: body.trim().to_string(),
        });
    }
    out
}

fn dockerfile_comments(text: &str) -> Vec<Comment> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(body) = trimmed.strip_prefix('#') {
            let at = offset + (line.len() - trimmed.len());
            out.push(comment(text, at, body));
        }
        offset += line.len();
    }
    out
}

fn yaml_comments(text: &str) -> Vec<Comment> {
    let mut out = Vec::new();
    let mut offset = 0;
    // Indentation of the line that opened a block scalar (`key: |`): more indented lines,
    // and blank ones, are its content.
    let mut block_scalar: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start().len();
        let blank = content.trim().is_empty();
        if let Some(opener) = block_scalar {
            if blank || indent > opener {
                offset += line.len();
                continue;
            }
            block_scalar = None;
        }
        let mut quote: Option<char> = None;
        let mut previous = ' ';
        let mut comment_at = None;
        for (i, c) in content.char_indices() {
            match (quote, c) {
                (None, '#') if previous == ' ' || previous == '\t' || i == 0 => {
                    comment_at = Some(i);
                    break;
                }
                (None, '"' | '\'')
                    if matches!(previous, ' ' | '\t' | ':' | '-' | '[' | '{' | ',')
                        || i == indent =>
                {
                    quote = Some(c);
                }
                (Some(q), c) if c == q => quote = None,
                _ => {}
            }
            previous = c;
        }
        let value = comment_at.map_or(content, |at| content.get(..at).unwrap_or_default());
        let value = value.trim_end();
        if value.ends_with(['|', '>'])
            || value
                .rsplit_once([' ', '\t'])
                .is_some_and(|(_, last)| last.starts_with(['|', '>']) && last.len() <= 3)
        {
            block_scalar = Some(indent);
        }
        if let Some(at) = comment_at {
            out.push(comment(
                text,
                offset + at,
                content.get(at + 1..).unwrap_or_default(),
            ));
        }
        offset += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(comments: &[Comment]) -> Vec<(usize, bool, &str)> {
        comments
            .iter()
            .map(|c| (c.line, c.own_line, c.text.as_str()))
            .collect()
    }

    #[test]
    fn hcl_comments_outside_strings_and_heredocs() {
        let text =
            "# one\nx = \"# not\" // two\ny = <<EOT\n# not\nEOT\n/* three */ z = \"${a} # no\"\n";
        assert_eq!(
            lines(&hcl_comments(text)),
            vec![(1, true, "one"), (2, false, "two"), (6, true, "three")]
        );
    }

    #[test]
    fn yaml_comments_outside_quotes_and_block_scalars() {
        let text = "# one\na: \"x # no\" # two\nb: |\n  # not a comment\n  text\n# three\nc: d#e\n";
        assert_eq!(
            lines(&yaml_comments(text)),
            vec![(1, true, "one"), (2, false, "two"), (6, true, "three")]
        );
    }

    #[test]
    fn dockerfile_comments_start_their_line_and_json_comments_are_keys() {
        assert_eq!(
            lines(&dockerfile_comments("# one\nRUN echo # not\n  # two\n")),
            vec![(1, true, "one"), (3, true, "two")]
        );
        let json = "{\n  \"resource\": {\"a\": {\"b\": {\n    \"//\": \"tenet:ignore X why\",\n    \"c\": 1 }}}\n}\n";
        assert_eq!(
            lines(&json_comments(json)),
            vec![(3, true, "tenet:ignore X why")]
        );
    }
}
