//! A span-preserving fix-up for the other HCL form hcl-edit rejects but Terraform accepts: an
//! object constructor that sets the same key twice (`{ port = 80, name = "a", port = 81 }`).
//! Terraform's parser keeps the last value; hcl-edit stops with "redefined object key". When
//! it does, the earlier item with that key (key, value and separator) is replaced by spaces,
//! newlines kept, and the file is parsed again: every byte offset, hence every line and column
//! reported, stays that of the original text, and the object holds the last value.

use super::newlines::{find, heredoc_end, line_end};
use crate::source::Span;

/// One open bracket while scanning towards the redefined key.
enum Frame {
    Paren,
    Bracket,
    /// `${` or `%{` inside a quoted string: a `}` returns to the string.
    Interpolation,
    /// An object constructor (or a `{ for … }`, whose items are never recorded).
    Object {
        /// Start offsets of the items seen so far, with their key text.
        items: Vec<(usize, String)>,
        /// The next non-blank byte starts an item (after `{`, `,` or a newline).
        expect_key: bool,
        for_expr: bool,
    },
}

/// `text` with the earlier item whose key is the one starting at `at` (where hcl-edit reported
/// the redefinition) blanked, and the span of that item; `None` if it cannot be found.
pub fn drop_earlier_key(text: &str, at: usize) -> Option<(String, Span)> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut in_string = false;
    let mut i = 0;
    while i < at {
        let b = *bytes.get(i)?;
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                b'$' | b'%' if bytes.get(i + 1) == Some(&b'{') => {
                    stack.push(Frame::Interpolation);
                    in_string = false;
                    i += 1;
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        if let Some(Frame::Object {
            items,
            expect_key,
            for_expr: false,
        }) = stack.last_mut()
            && *expect_key
            && !b.is_ascii_whitespace()
            && b != b'}'
            && b != b'#'
            && !(b == b'/' && matches!(bytes.get(i + 1), Some(b'/' | b'*')))
        {
            *expect_key = false;
            items.push((i, key_text(text, i)));
        }
        match b {
            b'"' => in_string = true,
            b'#' => {
                i = line_end(bytes, i);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = line_end(bytes, i);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = find(bytes, i + 2, b"*/").map_or(bytes.len(), |e| e + 2);
                continue;
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                if let Some(end) = heredoc_end(bytes, i) {
                    i = end;
                    continue;
                }
            }
            b'(' => stack.push(Frame::Paren),
            b'[' => stack.push(Frame::Bracket),
            b'{' => {
                let rest = text.get(i + 1..).unwrap_or_default().trim_start();
                let for_expr =
                    rest.starts_with("for") && rest.get(3..4).is_some_and(|c| c.trim().is_empty());
                stack.push(Frame::Object {
                    items: Vec::new(),
                    expect_key: true,
                    for_expr,
                });
            }
            b')' | b']' => {
                stack.pop();
            }
            b'}' => in_string = matches!(stack.pop(), Some(Frame::Interpolation)),
            b',' | b'\n' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let Some(Frame::Object { items, .. }) = stack.last() else {
        return None;
    };
    let key = key_text(text, at);
    if key.is_empty() {
        return None;
    }
    let position = items.iter().rposition(|(_, k)| *k == key)?;
    let start = items.get(position)?.0;
    let end = items.get(position + 1).map_or(at, |(next, _)| *next);
    let mut out = bytes.to_vec();
    for byte in out.get_mut(start..end)? {
        if *byte != b'\n' && *byte != b'\r' {
            *byte = b' ';
        }
    }
    let item = text.get(start..end)?.trim_end();
    let item = item.strip_suffix(',').unwrap_or(item).trim_end();
    Some((
        String::from_utf8(out).ok()?,
        Span::new(start, start + item.len()),
    ))
}

/// The key starting at `at` as written: a quoted string with its quotes, or a bare word.
fn key_text(text: &str, at: usize) -> String {
    let rest = text.get(at..).unwrap_or_default();
    if let Some(quoted) = rest.strip_prefix('"') {
        let mut escaped = false;
        for (n, c) in quoted.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => return rest.get(..n + 2).unwrap_or(rest).to_string(),
                '\n' => break,
                _ => escaped = false,
            }
        }
        return rest.to_string();
    }
    rest.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drop(text: &str) -> (String, String) {
        let at = text.rfind("port").unwrap();
        let (fixed, span) = drop_earlier_key(text, at).unwrap();
        assert_eq!(fixed.len(), text.len());
        (fixed, text[span.start..span.end].to_string())
    }

    #[test]
    fn the_earlier_item_is_blanked_on_one_line() {
        let (fixed, dropped) = drop("x = { port = 80, name = \"a\", port = 81 }\n");
        assert_eq!(fixed, "x = {            name = \"a\", port = 81 }\n");
        assert_eq!(dropped, "port = 80");
    }

    #[test]
    fn the_earlier_item_is_blanked_across_lines_keeping_newlines() {
        let text = "x = {\n  port = [\n    80, # http\n  ]\n  name = \"a\"\n  port = 81\n}\n";
        let (fixed, dropped) = drop(text);
        assert_eq!(
            fixed,
            "x = {\n          \n              \n   \n  name = \"a\"\n  port = 81\n}\n"
        );
        assert_eq!(dropped, "port = [\n    80, # http\n  ]");
    }

    #[test]
    fn nested_objects_strings_and_comments_are_not_items_of_the_outer_object() {
        let text = "x = {\n  a = { port = 1 }\n  b = \"port = 2\" # port = 3\n  port = 4\n}\n";
        assert!(drop_earlier_key(text, text.rfind("port").unwrap()).is_none());
        let text = "x = {\n  \"port\" = 1\n  a = { port = 1, port = 2 }\n}\n";
        let (fixed, dropped) = drop(text);
        assert_eq!(dropped, "port = 1");
        assert!(fixed.contains("\"port\" = 1"));
        assert!(fixed.contains(&format!("{{{}port = 2 }}", " ".repeat(11))));
    }
}
