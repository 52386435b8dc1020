//! A span-preserving fix-up for one HCL form that hcl-edit rejects but Terraform accepts:
//! newlines inside an object `for` expression (`{ for k, v in x : k =>\n cond\n ? a\n : b }`).
//! Terraform's parser ignores newlines in a `for` expression; hcl-edit treats them as the end
//! of the expression. When a file fails to parse, newlines (and comments) directly inside such
//! braces are replaced by spaces, byte for byte, and the file is parsed again: every byte
//! offset, hence every line and column reported, stays that of the original text.

#[derive(Clone, Copy, PartialEq)]
enum Open {
    Paren,
    Bracket,
    Brace {
        for_expr: bool,
    },
    /// `${` or `%{` inside a quoted string: a `}` returns to the string.
    Interpolation,
}

/// The text with newlines directly inside `{ for … }` blanked, or `None` if there is none.
pub fn relax_object_for_newlines(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut stack: Vec<Open> = Vec::new();
    let mut in_string = false;
    let mut changed = false;
    let mut i = 0;
    let in_for = |stack: &[Open]| matches!(stack.last(), Some(Open::Brace { for_expr: true }));
    while let Some(&b) = bytes.get(i) {
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                b'$' | b'%' if bytes.get(i + 1) == Some(&b'{') => {
                    stack.push(Open::Interpolation);
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
            // A line comment: inside `{ for }` it goes, with its newline.
            b'#' | b'/' if b == b'#' || bytes.get(i + 1) == Some(&b'/') => {
                let end = line_end(bytes, i);
                if in_for(&stack) {
                    blank(&mut out, i, end + 1);
                    changed = true;
                }
                i = end;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = find(bytes, i + 2, b"*/").map_or(bytes.len(), |e| e + 2);
                i = end;
                continue;
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                if let Some(end) = heredoc_end(bytes, i) {
                    i = end;
                    continue;
                }
            }
            b'(' => stack.push(Open::Paren),
            b'[' => stack.push(Open::Bracket),
            b'{' => {
                let rest = text.get(i + 1..).unwrap_or_default().trim_start();
                let for_expr =
                    rest.starts_with("for") && rest.get(3..4).is_some_and(|c| c.trim().is_empty());
                stack.push(Open::Brace { for_expr });
            }
            b')' | b']' => {
                stack.pop();
            }
            b'}' => in_string = stack.pop() == Some(Open::Interpolation),
            b'\n' if in_for(&stack) => {
                if let Some(slot) = out.get_mut(i) {
                    *slot = b' ';
                    changed = true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if !changed {
        return None;
    }
    String::from_utf8(out).ok()
}

fn blank(out: &mut [u8], start: usize, end: usize) {
    for byte in out.iter_mut().take(end).skip(start) {
        // Keep UTF-8 valid: continuation bytes of a blanked character become spaces too.
        *byte = b' ';
    }
}

pub fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes
        .iter()
        .skip(from)
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| from + p)
}

pub fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// If a heredoc starts at `at` (`<<EOF` or `<<-EOF` then a newline), the offset after it.
pub fn heredoc_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 2;
    if bytes.get(i) == Some(&b'-') {
        i += 1;
    }
    let start = i;
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    {
        i += 1;
    }
    let delimiter = bytes.get(start..i)?;
    if delimiter.is_empty() || bytes.get(i) != Some(&b'\n') && bytes.get(i) != Some(&b'\r') {
        return None;
    }
    let mut line_start = line_end(bytes, i) + 1;
    while line_start < bytes.len() {
        let end = line_end(bytes, line_start);
        let line = bytes.get(line_start..end)?;
        let trimmed: Vec<u8> = line
            .iter()
            .copied()
            .skip_while(|b| *b == b' ' || *b == b'\t')
            .collect();
        let trimmed = trimmed.strip_suffix(b"\r").unwrap_or(&trimmed);
        if trimmed == delimiter {
            return Some(end);
        }
        line_start = end + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_inside_an_object_for_become_spaces_and_offsets_stay() {
        let text = "x = {\n  for k, v in m : k =>\n  v.a # pick\n  ? { n = 1\n      m = 2 }\n  : null\n}\n";
        let relaxed = relax_object_for_newlines(text).unwrap();
        assert_eq!(relaxed.len(), text.len());
        // The nested object keeps its newline; the for's own newlines and comment are gone.
        assert_eq!(
            relaxed,
            "x = {   for k, v in m : k =>   v.a          ? { n = 1\n      m = 2 }   : null }\n"
        );
        assert!(relax_object_for_newlines("x = { a = 1\n b = 2 }\n").is_none());
    }

    #[test]
    fn strings_heredocs_and_interpolations_are_left_alone() {
        let text = "x = { for k in l : k => \"{ for\n}\" }\ny = <<EOT\n{ for\nEOT\n";
        let relaxed = relax_object_for_newlines(text).unwrap_or_else(|| text.to_string());
        assert!(relaxed.contains("y = <<EOT\n{ for\nEOT\n"));
        assert!(relaxed.contains("\"{ for\n}\""));
    }
}
