//! `regex` and `regexall`, translating Go's RE2 syntax to the `regex` crate's.

use super::*;

/// `regex(pattern, string)`: the first match: the matched text without capture groups, a
/// list of unnamed captures, or an object of named captures (unmatched groups are null).
pub(super) fn regex(args: &[Value]) -> CallResult {
    let (pattern, s) = (str_at(args, 0)?, str_at(args, 1)?);
    let (re, named) = compile_capturing(&pattern)?;
    match re.captures(&s) {
        Some(captures) => Ok(capture_value(&re, &captures, named)),
        None => invalid("pattern did not match any part of the given string"),
    }
}

/// `regexall(pattern, string)`: every non-overlapping match, as `regex` returns them.
pub(super) fn regexall(args: &[Value]) -> CallResult {
    let (pattern, s) = (str_at(args, 0)?, str_at(args, 1)?);
    let (re, named) = compile_capturing(&pattern)?;
    Ok(Value::List(
        re.captures_iter(&s)
            .map(|captures| capture_value(&re, &captures, named))
            .collect(),
    ))
}

/// Compiles a pattern for `regex`/`regexall`; `named` tells whether its groups are named
/// (Terraform rejects patterns mixing named and unnamed groups).
pub(super) fn compile_capturing(pattern: &str) -> Result<(Regex, Option<bool>), CallError> {
    let re = compile_go_regex(pattern)?;
    let names: Vec<Option<&str>> = re.capture_names().skip(1).collect();
    let named = names.iter().filter(|n| n.is_some()).count();
    let kind = match (named, names.len() - named) {
        (0, 0) => None,
        (_, 0) => Some(true),
        (0, _) => Some(false),
        _ => {
            return invalid(
                "invalid regexp pattern: cannot mix both named and unnamed capture groups",
            );
        }
    };
    Ok((re, kind))
}

pub(super) fn capture_value(
    re: &Regex,
    captures: &regex::Captures<'_>,
    named: Option<bool>,
) -> Value {
    let text = |i: usize| {
        captures
            .get(i)
            .map_or(Value::Null, |m| Value::String(m.as_str().to_string()))
    };
    match named {
        None => text(0),
        Some(false) => Value::List((1..captures.len()).map(text).collect()),
        Some(true) => Value::Object(
            re.capture_names()
                .enumerate()
                .filter_map(|(i, name)| name.map(|n| (n.to_string(), text(i))))
                .collect(),
        ),
    }
}

/// Compiles a Go (RE2) regular expression with the Rust engine, which shares its syntax
/// and leftmost-first semantics except where [`translate_go_regex`] adapts it.
pub(super) fn compile_go_regex(pattern: &str) -> Result<Regex, CallError> {
    regex::RegexBuilder::new(&translate_go_regex(pattern))
        .octal(true)
        .size_limit(1 << 24)
        .build()
        .map_err(|e| {
            CallError::Invalid(format!(
                "invalid regexp pattern: {}",
                e.to_string().lines().last().unwrap_or("")
            ))
        })
}

/// Rewrites the parts of Go's regexp syntax that the Rust engine reads differently: the
/// Perl classes `\d \w \s \b` are ASCII-only in Go, `\Q…\E` quotes literally, a `{` that
/// does not start a repetition is a literal, and inside brackets `[` is a literal while
/// `&&`, `~~` and `--` are not set operations.
pub(super) fn translate_go_regex(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => i = translate_escape(&chars, i, &mut out, false),
            '[' => i = translate_class(&chars, i, &mut out),
            '{' => match repetition_end(&chars, i) {
                Some(end) => {
                    out.extend(chars.get(i..=end).unwrap_or_default());
                    i = end + 1;
                }
                None => {
                    out.push_str("\\{");
                    i += 1;
                }
            },
            '}' => {
                out.push_str("\\}");
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Translates the escape at `chars[i]` (a backslash); returns the index after it.
pub(super) fn translate_escape(
    chars: &[char],
    i: usize,
    out: &mut String,
    in_class: bool,
) -> usize {
    let Some(&c) = chars.get(i + 1) else {
        out.push('\\');
        return i + 1;
    };
    let class = match c {
        'd' => Some(("0-9", false)),
        'D' => Some(("0-9", true)),
        'w' => Some(("0-9A-Za-z_", false)),
        'W' => Some(("0-9A-Za-z_", true)),
        's' => Some(("\\t\\n\\f\\r ", false)),
        'S' => Some(("\\t\\n\\f\\r ", true)),
        _ => None,
    };
    if let Some((set, negated)) = class {
        match (in_class, negated) {
            (true, false) => out.push_str(set),
            (_, true) => {
                let _ = write!(out, "[^{set}]");
            }
            (false, false) => {
                let _ = write!(out, "[{set}]");
            }
        }
        return i + 2;
    }
    match c {
        'b' | 'B' if !in_class => {
            let _ = write!(out, "(?-u:\\{c})");
            i + 2
        }
        'Q' if !in_class => {
            let mut j = i + 2;
            let mut literal = String::new();
            while let Some(&l) = chars.get(j) {
                if l == '\\' && chars.get(j + 1) == Some(&'E') {
                    j += 2;
                    out.push_str(&regex::escape(&literal));
                    return j;
                }
                literal.push(l);
                j += 1;
            }
            out.push_str(&regex::escape(&literal));
            j
        }
        'p' | 'P' | 'x' if chars.get(i + 2) == Some(&'{') => {
            let end = (i + 2..chars.len())
                .find(|&j| chars.get(j) == Some(&'}'))
                .unwrap_or(chars.len().saturating_sub(1));
            out.extend(chars.get(i..=end).unwrap_or_default());
            end + 1
        }
        _ => {
            out.push('\\');
            out.push(c);
            i + 2
        }
    }
}

/// Translates the bracket expression starting at `chars[i]`; returns the index after it.
pub(super) fn translate_class(chars: &[char], i: usize, out: &mut String) -> usize {
    out.push('[');
    let mut j = i + 1;
    if chars.get(j) == Some(&'^') {
        out.push('^');
        j += 1;
    }
    if chars.get(j) == Some(&']') {
        out.push_str("\\]");
        j += 1;
    }
    let mut previous = '\0';
    while let Some(&c) = chars.get(j) {
        match c {
            ']' => {
                out.push(']');
                return j + 1;
            }
            '\\' => {
                j = translate_escape(chars, j, out, true);
                previous = '\0';
                continue;
            }
            '[' if chars.get(j + 1) == Some(&':') => {
                let end = (j + 2..chars.len().saturating_sub(1))
                    .find(|&k| chars.get(k) == Some(&':') && chars.get(k + 1) == Some(&']'));
                match end {
                    Some(end) => {
                        out.extend(chars.get(j..=end + 1).unwrap_or_default());
                        j = end + 2;
                        previous = '\0';
                        continue;
                    }
                    None => out.push_str("\\["),
                }
            }
            '[' | '&' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '-' if previous == '-' => out.push_str("\\-"),
            _ => out.push(c),
        }
        previous = c;
        j += 1;
    }
    j
}

/// The index of the `}` closing a Go repetition `{n}`, `{n,}` or `{n,m}` at `chars[i]`.
pub(super) fn repetition_end(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i + 1;
    let digits = |j: &mut usize| {
        let start = *j;
        while chars.get(*j).is_some_and(char::is_ascii_digit) {
            *j += 1;
        }
        *j > start
    };
    if !digits(&mut j) {
        return None;
    }
    if chars.get(j) == Some(&',') {
        j += 1;
        digits(&mut j);
    }
    (chars.get(j) == Some(&'}')).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::terraform::functions::testing::*;

    #[test]
    fn regex_captures() {
        assert_eq!(
            ok(
                "regex",
                vec![s("[a-z]+"), s("53453453.345345aaabbbccc23454")]
            ),
            s("aaabbbccc")
        );
        assert_eq!(
            ok(
                "regex",
                vec![s(r"(\d\d\d\d)-(\d\d)-(\d\d)"), s("2019-02-01")]
            ),
            strs(&["2019", "02", "01"])
        );
        assert_eq!(
            ok(
                "regex",
                vec![
                    s("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?"),
                    s("https://terraform.io/docs/")
                ]
            ),
            obj(&[("authority", s("terraform.io")), ("scheme", s("https"))])
        );
        assert_eq!(
            ok("regex", vec![s("(a)|(b)"), s("b")]),
            list(vec![Value::Null, s("b")])
        );
        assert!(
            fails("regex", vec![s("[a-z]+"), s("53453453.34534523454")]).contains("did not match")
        );
        assert!(fails("regex", vec![s("(?P<a>x)(y)"), s("xy")]).contains("cannot mix"));
        fails("regex", vec![s("("), s("x")]);
        assert_eq!(
            ok("regexall", vec![s("[a-z]+"), s("1234abcd5678efgh9")]),
            strs(&["abcd", "efgh"])
        );
        assert_eq!(
            ok("regexall", vec![s("[a-z]+"), s("123456789")]),
            list(vec![])
        );
        // Go's \d and \w are ASCII-only; \Q…\E quotes; a stray { is literal.
        assert_eq!(
            ok("regexall", vec![s(r"\d+"), s("12٣4")]),
            strs(&["12", "4"])
        );
        assert_eq!(ok("regex", vec![s(r"\Qa.b\E"), s("xa.by")]), s("a.b"));
        assert_eq!(ok("regex", vec![s("x{y"), s("ax{y")]), s("x{y"));
        assert_eq!(ok("regex", vec![s("[[a]+"), s("b[a[")]), s("[a["));
    }
}
