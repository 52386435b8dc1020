//! String functions (`upper`, `title`, `split`, `join`, `replace`, `substr`, …), with Go's
//! case mapping and grapheme clusters where Terraform uses them.

use super::*;

pub(super) fn upper(args: &[Value]) -> CallResult {
    string(str_at(args, 0)?.chars().map(go_upper).collect::<String>())
}

pub(super) fn lower(args: &[Value]) -> CallResult {
    string(str_at(args, 0)?.chars().map(go_lower).collect::<String>())
}

/// Go's `unicode.ToUpper`: simple (one-to-one) case mapping.
pub(super) fn go_upper(c: char) -> char {
    single(c.to_uppercase()).unwrap_or(c)
}

pub(super) fn go_lower(c: char) -> char {
    if c == '\u{130}' {
        return 'i';
    }
    single(c.to_lowercase()).unwrap_or(c)
}

/// Go's `unicode.ToTitle`: like upper case except for the Latin digraphs.
pub(super) fn go_title(c: char) -> char {
    match c {
        '\u{1C4}'..='\u{1C6}' => '\u{1C5}',
        '\u{1C7}'..='\u{1C9}' => '\u{1C8}',
        '\u{1CA}'..='\u{1CC}' => '\u{1CB}',
        '\u{1F1}'..='\u{1F3}' => '\u{1F2}',
        _ => go_upper(c),
    }
}

pub(super) fn single(mut chars: impl Iterator<Item = char>) -> Option<char> {
    let first = chars.next()?;
    chars.next().is_none().then_some(first)
}

/// `title(string)`: Go's `strings.Title`: the first letter of each word in title case.
pub(super) fn title(args: &[Value]) -> CallResult {
    let is_separator = |c: char| {
        if c.is_ascii() {
            !(c.is_ascii_alphanumeric() || c == '_')
        } else if c.is_alphanumeric() {
            false
        } else {
            c.is_whitespace()
        }
    };
    let mut previous = ' ';
    let mut out = String::new();
    for c in str_at(args, 0)?.chars() {
        out.push(if is_separator(previous) {
            go_title(c)
        } else {
            c
        });
        previous = c;
    }
    string(out)
}

pub(super) fn trimspace(args: &[Value]) -> CallResult {
    string(str_at(args, 0)?.trim())
}

/// `trim(string, cutset)`: removes any of the cutset's characters from both ends.
pub(super) fn trim(args: &[Value]) -> CallResult {
    let (s, cutset) = (str_at(args, 0)?, str_at(args, 1)?);
    string(s.trim_matches(|c| cutset.contains(c)))
}

pub(super) fn trimprefix(args: &[Value]) -> CallResult {
    let (s, prefix) = (str_at(args, 0)?, str_at(args, 1)?);
    string(s.strip_prefix(prefix.as_str()).unwrap_or(&s))
}

pub(super) fn trimsuffix(args: &[Value]) -> CallResult {
    let (s, suffix) = (str_at(args, 0)?, str_at(args, 1)?);
    string(s.strip_suffix(suffix.as_str()).unwrap_or(&s))
}

pub(super) fn startswith(args: &[Value]) -> CallResult {
    Ok(Value::Bool(str_at(args, 0)?.starts_with(&str_at(args, 1)?)))
}

pub(super) fn endswith(args: &[Value]) -> CallResult {
    Ok(Value::Bool(str_at(args, 0)?.ends_with(&str_at(args, 1)?)))
}

pub(super) fn strcontains(args: &[Value]) -> CallResult {
    Ok(Value::Bool(str_at(args, 0)?.contains(&str_at(args, 1)?)))
}

/// `chomp(string)`: removes all trailing newlines (`\n`, `\r\n`, `\r`).
pub(super) fn chomp(args: &[Value]) -> CallResult {
    string(str_at(args, 0)?.trim_end_matches(['\r', '\n']))
}

/// `indent(spaces, string)`: indents every line but the first.
pub(super) fn indent(args: &[Value]) -> CallResult {
    let spaces = int_at(args, 0)?;
    let text = str_at(args, 1)?;
    let Ok(spaces) = usize::try_from(spaces) else {
        return invalid("the number of spaces must not be negative");
    };
    let lines = text.matches('\n').count();
    limit_bytes(
        text.len()
            .saturating_add(lines.saturating_mul(spaces))
            .max(spaces),
        "indent()",
    )?;
    string(text.replace('\n', &format!("\n{}", " ".repeat(spaces))))
}

/// `strrev(string)`: the grapheme clusters in reverse order.
pub(super) fn strrev(args: &[Value]) -> CallResult {
    let s = str_at(args, 0)?;
    string(graphemes(&s).into_iter().rev().collect::<String>())
}

/// `split(separator, string)`: Go's `strings.Split` (an empty separator splits into
/// characters).
pub(super) fn split(args: &[Value]) -> CallResult {
    let (sep, s) = (str_at(args, 0)?, str_at(args, 1)?);
    let parts: Vec<Value> = if sep.is_empty() {
        s.chars().map(|c| Value::String(c.to_string())).collect()
    } else {
        s.split(sep.as_str())
            .map(|part| Value::String(part.to_string()))
            .collect()
    };
    Ok(Value::List(parts))
}

/// `join(separator, lists...)`: the strings of the lists joined with the separator.
pub(super) fn join(args: &[Value]) -> CallResult {
    let sep = str_at(args, 0)?;
    let lists = args.get(1..).unwrap_or_default();
    let mut parts = Vec::new();
    for (l, list) in lists.iter().enumerate() {
        for (e, item) in list_of(list)?.iter().enumerate() {
            if item == &Value::Null {
                return invalid(if lists.len() > 1 {
                    format!(
                        "element {e} of list {} is null; cannot concatenate null values",
                        l + 1
                    )
                } else {
                    format!("element {e} is null; cannot concatenate null values")
                });
            }
            parts.push(str_of(item)?);
        }
    }
    let bytes = parts.iter().map(String::len).sum::<usize>()
        + sep.len().saturating_mul(parts.len().saturating_sub(1));
    limit_bytes(bytes, "join()")?;
    string(parts.join(&sep))
}

/// `replace(string, search, replacement)`: every occurrence of `search`, or every match of
/// the regular expression when `search` is written `/pattern/`.
pub(super) fn replace(args: &[Value]) -> CallResult {
    let (s, search, replacement) = (str_at(args, 0)?, str_at(args, 1)?, str_at(args, 2)?);
    if search.len() > 1 && search.starts_with('/') && search.ends_with('/') {
        let pattern = search.get(1..search.len() - 1).unwrap_or("");
        let re = compile_go_regex(pattern)?;
        // Each match (at most one per position, plus one at the end) adds the replacement.
        let matches = re.find_iter(&s).take(s.len() + 2).count();
        limit_bytes(
            s.len()
                .saturating_add(matches.saturating_mul(replacement.len())),
            "replace()",
        )?;
        return string(re.replace_all(&s, replacement.as_str()).into_owned());
    }
    let matches = if search.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(search.as_str()).count()
    };
    limit_bytes(
        s.len()
            .saturating_add(matches.saturating_mul(replacement.len())),
        "replace()",
    )?;
    string(s.replace(&search, &replacement))
}

/// `substr(string, offset, length)`: counts grapheme clusters; a negative offset counts from
/// the end, a negative length takes the rest. Mirrors cty's implementation exactly.
pub(super) fn substr(args: &[Value]) -> CallResult {
    let s = str_at(args, 0)?;
    let mut offset = int_at(args, 1)?;
    let length = int_at(args, 2)?;
    let clusters = graphemes(&s);
    let total = clusters.len() as i64;
    if offset < 0 {
        offset += total;
    } else if length == 0 {
        return string("");
    }
    let mut rest: &[&str] = &clusters;
    if offset > 0 {
        if offset >= total {
            return string("");
        }
        rest = clusters
            .get(usize::try_from(offset).unwrap_or(0)..)
            .unwrap_or_default();
    }
    if length < 0 {
        return string(rest.concat());
    }
    // cty's loop never stops at a zero length (reachable only with a negative offset).
    if length == 0 {
        return string(rest.concat());
    }
    let take = usize::try_from(length).unwrap_or(usize::MAX);
    string(rest.iter().take(take).copied().collect::<String>())
}

/// How many extended grapheme clusters `s` holds, without listing them.
pub(super) fn grapheme_count(s: &str) -> usize {
    if s.is_ascii() {
        return s.len() - s.matches("\r\n").count();
    }
    match GRAPHEME.as_ref() {
        Some(re) => {
            let mut count = 0;
            let mut position = 0;
            for m in re.find_iter(s) {
                count += s
                    .get(position..m.start())
                    .map_or(0, |gap| gap.chars().count());
                count += 1;
                position = m.end();
            }
            count + s.get(position..).map_or(0, |rest| rest.chars().count())
        }
        None => s.chars().count(),
    }
}

/// Extended grapheme clusters (UAX #29), which Terraform counts as characters.
pub(super) static GRAPHEME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \r\n
        | [\p{gcb=CR}\p{gcb=LF}\p{gcb=Control}]
        | \p{gcb=Prepend}*
          (?:
              (?: \p{gcb=L}* (?: \p{gcb=V}+ | \p{gcb=LV} \p{gcb=V}* | \p{gcb=LVT} ) \p{gcb=T}*
                | \p{gcb=L}+
                | \p{gcb=T}+ )
            | \p{gcb=RI} \p{gcb=RI}
            | \p{Extended_Pictographic} (?: \p{gcb=Extend}* \p{gcb=ZWJ} \p{Extended_Pictographic} )*
            | [^\p{gcb=Control}\p{gcb=CR}\p{gcb=LF}]
          )
          [\p{gcb=Extend}\p{gcb=ZWJ}\p{gcb=SpacingMark}]*",
    )
    .ok()
});

pub(super) fn graphemes(s: &str) -> Vec<&str> {
    if s.is_ascii() {
        // ASCII clusters are single characters, except CR LF (the regex is far slower).
        let mut out = Vec::with_capacity(s.len());
        let mut rest = s;
        while !rest.is_empty() {
            let end = if rest.starts_with("\r\n") { 2 } else { 1 };
            let (cluster, after) = rest.split_at(end);
            out.push(cluster);
            rest = after;
        }
        return out;
    }
    let Some(re) = GRAPHEME.as_ref() else {
        return s.split_inclusive(|_| true).collect();
    };
    let mut out = Vec::new();
    let mut position = 0;
    for m in re.find_iter(s) {
        if m.start() > position {
            let gap = s.get(position..m.start()).unwrap_or("");
            out.extend(gap.split_inclusive(|_| true));
        }
        out.push(m.as_str());
        position = m.end();
    }
    out.extend(s.get(position..).unwrap_or("").split_inclusive(|_| true));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::terraform::functions::testing::*;

    #[test]
    fn simple_string_functions() {
        assert_eq!(ok("upper", vec![s("hello")]), s("HELLO"));
        assert_eq!(ok("upper", vec![s("алло!")]), s("АЛЛО!"));
        assert_eq!(ok("upper", vec![s("straße")]), s("STRAßE"));
        assert_eq!(ok("lower", vec![s("HELLO")]), s("hello"));
        assert_eq!(ok("title", vec![s("hello world")]), s("Hello World"));
        assert_eq!(
            ok("title", vec![s("don't-stop me_now")]),
            s("Don'T-Stop Me_now")
        );
        assert_eq!(ok("trimspace", vec![s("  hello\n\n")]), s("hello"));
        assert_eq!(ok("trim", vec![s("?!hello?!"), s("!?")]), s("hello"));
        assert_eq!(
            ok("trimprefix", vec![s("helloworld"), s("hello")]),
            s("world")
        );
        assert_eq!(
            ok("trimprefix", vec![s("helloworld"), s("cat")]),
            s("helloworld")
        );
        assert_eq!(
            ok("trimsuffix", vec![s("helloworld"), s("world")]),
            s("hello")
        );
        assert_eq!(
            ok("startswith", vec![s("hello world"), s("hello")]),
            Value::Bool(true)
        );
        assert_eq!(
            ok("endswith", vec![s("hello world"), s("hello")]),
            Value::Bool(false)
        );
        assert_eq!(
            ok("strcontains", vec![s("hello world"), s("o w")]),
            Value::Bool(true)
        );
        assert_eq!(ok("strrev", vec![s("hello")]), s("olleh"));
        assert_eq!(ok("strrev", vec![s("a☃e\u{301}")]), s("e\u{301}☃a"));
        assert_eq!(ok("chomp", vec![s("hello\n")]), s("hello"));
        assert_eq!(ok("chomp", vec![s("hello\r\n")]), s("hello"));
        assert_eq!(ok("chomp", vec![s("hello\n\n")]), s("hello"));
        assert_eq!(
            ok("indent", vec![n(2.0), s("[\n  foo,\n  bar,\n]\n")]),
            s("[\n    foo,\n    bar,\n  ]\n  ")
        );
        assert_eq!(ok("upper", vec![n(5.0)]), s("5"));
        fails("upper", vec![Value::Null]);
        fails("upper", vec![strs(&["a"])]);
    }

    #[test]
    fn split_join_replace() {
        assert_eq!(
            ok("split", vec![s(","), s("foo,bar,baz")]),
            strs(&["foo", "bar", "baz"])
        );
        assert_eq!(ok("split", vec![s(","), s("foo")]), strs(&["foo"]));
        assert_eq!(ok("split", vec![s(","), s("")]), strs(&[""]));
        assert_eq!(ok("split", vec![s(""), s("ab")]), strs(&["a", "b"]));
        assert_eq!(
            ok("join", vec![s(", "), strs(&["foo", "bar", "baz"])]),
            s("foo, bar, baz")
        );
        assert_eq!(
            ok("join", vec![s("-"), strs(&["a"]), nums(&[1.0])]),
            s("a-1")
        );
        fails("join", vec![s(","), list(vec![s("a"), Value::Null])]);
        assert_eq!(
            ok("replace", vec![s("1 + 2 + 3"), s("+"), s("-")]),
            s("1 - 2 - 3")
        );
        assert_eq!(
            ok(
                "replace",
                vec![s("hello world"), s("/w.*d/"), s("everybody")]
            ),
            s("hello everybody")
        );
        assert_eq!(
            ok(
                "replace",
                vec![s("hello world"), s("/(\\w+) (\\w+)/"), s("$2 $1")]
            ),
            s("world hello")
        );
        fails("replace", vec![s("x"), s("/(/"), s("y")]);
    }

    #[test]
    fn grapheme_counts_match_the_clusters() {
        for text in [
            "",
            "abc",
            "a\r\nb\n\r",
            "e\u{301}x",
            "🇫🇷🇩🇪 👩\u{200d}💻",
            "\r\n\r\n",
        ] {
            assert_eq!(grapheme_count(text), graphemes(text).len(), "{text:?}");
        }
        assert_eq!(graphemes("a\r\nb"), vec!["a", "\r\n", "b"]);
        assert_eq!(grapheme_count("e\u{301}x"), 2);
    }

    #[test]
    fn substr_counts_graphemes() {
        assert_eq!(
            ok("substr", vec![s("hello world"), n(1.0), n(4.0)]),
            s("ello")
        );
        assert_eq!(ok("substr", vec![s("🤔🤷"), n(0.0), n(1.0)]), s("🤔"));
        assert_eq!(
            ok("substr", vec![s("hello world"), n(-5.0), n(-1.0)]),
            s("world")
        );
        assert_eq!(
            ok("substr", vec![s("hello world"), n(6.0), n(10.0)]),
            s("world")
        );
        assert_eq!(ok("substr", vec![s("hello"), n(5.0), n(1.0)]), s(""));
        assert_eq!(ok("substr", vec![s("hello"), n(1.0), n(0.0)]), s(""));
        assert_eq!(ok("substr", vec![s("hello"), n(-3.0), n(0.0)]), s("llo"));
        fails("substr", vec![s("hello"), n(0.5), n(1.0)]);
    }
}
