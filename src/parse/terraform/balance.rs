//! A linear pre-check for HCL text that ends inside many open brackets. hcl-edit's parser
//! backtracks over each unclosed `[`, `(` or `{` (a tuple or an index, an object or a
//! block…), so its time doubles with every one left open at the end of the file: 22 take
//! seconds, a few more take years. Such a file is invalid anyway (its brackets do not
//! balance), so past [`MAX_UNCLOSED`] it is reported here, at the innermost open bracket,
//! without calling hcl-edit. Fewer open brackets parse in milliseconds and get hcl-edit's
//! own message.

use super::newlines::{find, heredoc_end, line_end};

/// Most brackets left open at the end of a file that is still handed to hcl-edit
/// (2^12 backtracking steps stay in the milliseconds).
pub const MAX_UNCLOSED: usize = 12;

/// If more than [`MAX_UNCLOSED`] brackets are open at the end of `text`: how many, and the
/// offset of the innermost one.
pub fn too_many_unclosed(text: &str) -> Option<(usize, usize)> {
    #[derive(PartialEq)]
    enum Open {
        Bracket,
        /// `${` or `%{` inside a quoted string: a `}` returns to the string.
        Interpolation,
    }
    let bytes = text.as_bytes();
    let mut stack: Vec<(Open, usize)> = Vec::new();
    let mut in_string = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' | b'\n' => in_string = false,
                b'$' | b'%' if bytes.get(i + 1) == Some(&b'{') => {
                    stack.push((Open::Interpolation, i));
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
            b'(' | b'[' | b'{' => stack.push((Open::Bracket, i)),
            b')' | b']' => {
                stack.pop();
            }
            b'}' => in_string = matches!(stack.pop(), Some((Open::Interpolation, _))),
            _ => {}
        }
        i += 1;
    }
    let innermost = stack.last()?.1;
    (stack.len() > MAX_UNCLOSED).then_some((stack.len(), innermost))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_many_open_brackets_at_the_end_are_reported() {
        let deep = format!("x = \"${{a{}!\"\n", " + n[v".repeat(20));
        let (open, innermost) = too_many_unclosed(&deep).unwrap();
        assert_eq!(open, 21);
        assert_eq!(&deep[innermost..innermost + 1], "[");
        // Balanced, or a few left open: hcl-edit decides.
        let balanced = format!("x = [{}{}]\n", "[".repeat(30), "]".repeat(30));
        assert_eq!(too_many_unclosed(&balanced), None);
        assert_eq!(too_many_unclosed("x = [[[(\n"), None);
        // Brackets in strings, comments and heredocs do not count.
        let quoted = format!(
            "x = \"{}\" # {}\ny = <<EOT\n{}\nEOT\n",
            "[".repeat(30),
            "(".repeat(30),
            "{".repeat(30)
        );
        assert_eq!(too_many_unclosed(&quoted), None);
    }
}
