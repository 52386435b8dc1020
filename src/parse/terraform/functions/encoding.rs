//! Encoding functions: JSON and CSV, base64, URL encoding, hashes and `uuidv5`.

use super::*;

/// `jsonencode(value)`: Go's encoding (keys sorted, no spaces, `<>&` escaped).
pub(super) fn jsonencode(args: &[Value]) -> CallResult {
    string(json(arg(args, 0)))
}

pub(super) fn json(value: &Value) -> String {
    let mut out = String::new();
    write_json(value, &mut out);
    out
}

pub(super) fn write_json(value: &Value, out: &mut String) {
    match value {
        Value::Null | Value::Unknown => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&format_number(*n)),
        Value::String(s) => write_json_string(s, out),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_string(key, out);
                out.push(':');
                write_json(item, out);
            }
            out.push('}');
        }
    }
}

/// A JSON string as Go's `encoding/json` writes it (HTML-safe).
pub(super) fn write_json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `jsondecode(string)`.
pub(super) fn jsondecode(args: &[Value]) -> CallResult {
    let text = str_at(args, 0)?;
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(parsed) => Ok(Value::from_json(&parsed)),
        Err(e) => invalid(format!("invalid JSON: {e}")),
    }
}

/// `csvdecode(string)`: the rows after the header line as objects of strings, read as Go's
/// `encoding/csv` does (RFC 4180 quoting, blank lines skipped, every row as wide as the header).
pub(super) fn csvdecode(args: &[Value]) -> CallResult {
    let text = str_at(args, 0)?.replace("\r\n", "\n");
    let mut records: Vec<Vec<String>> = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    while chars.peek().is_some() {
        if chars.peek() == Some(&'\n') {
            chars.next();
            line += 1;
            continue;
        }
        let mut record = Vec::new();
        loop {
            let mut field = String::new();
            if chars.peek() == Some(&'"') {
                chars.next();
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => {
                            if c == '\n' {
                                line += 1;
                            }
                            field.push(c);
                        }
                        None => {
                            return invalid(format!(
                                "parse error on line {line}: extraneous or missing \" in quoted-field"
                            ));
                        }
                    }
                }
                if !matches!(chars.peek(), None | Some(',' | '\n')) {
                    return invalid(format!(
                        "parse error on line {line}: extraneous or missing \" in quoted-field"
                    ));
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == ',' || c == '\n' {
                        break;
                    }
                    if c == '"' {
                        return invalid(format!(
                            "parse error on line {line}: bare \" in non-quoted-field"
                        ));
                    }
                    field.push(c);
                    chars.next();
                }
            }
            record.push(field);
            match chars.next() {
                Some(',') => continue,
                Some(_) => {
                    line += 1;
                    break;
                }
                None => break,
            }
        }
        if let Some(first) = records.first() {
            if record.len() != first.len() {
                return invalid(format!(
                    "parse error on line {line}: wrong number of fields"
                ));
            }
        }
        records.push(record);
    }
    let mut rows = records.into_iter();
    let Some(header) = rows.next() else {
        return invalid("missing header line");
    };
    Ok(Value::List(
        rows.map(|row| {
            Value::Object(
                header
                    .iter()
                    .cloned()
                    .zip(row.into_iter().map(Value::String))
                    .collect(),
            )
        })
        .collect(),
    ))
}

/// `yamlencode(value)`: YAML 1.2 block style exactly as Terraform's emitter (libyaml, via
/// go-cty-yaml) writes it. Unknown for the rare map keys that need YAML's complex-key form.
pub(super) fn yamlencode(args: &[Value]) -> CallResult {
    Ok(Yaml::encode(arg(args, 0)).map_or(Value::Unknown, Value::String))
}

pub(super) fn base64encode(args: &[Value]) -> CallResult {
    string(base64(str_at(args, 0)?.as_bytes()))
}

/// `base64decode(string)`: the decoded bytes, which must be UTF-8.
pub(super) fn base64decode(args: &[Value]) -> CallResult {
    let text = str_at(args, 0)?;
    let Some(bytes) = unbase64(&text) else {
        return invalid(format!("failed to decode base64 data {text}"));
    };
    match String::from_utf8(bytes) {
        Ok(s) => string(s),
        Err(_) => invalid("the result of decoding the provided string is not valid UTF-8"),
    }
}

pub(super) const BASE64: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub(super) fn base64(data: &[u8]) -> String {
    let symbol = |i: u32| char::from(BASE64.get((i & 63) as usize).copied().unwrap_or(b'='));
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(symbol(n >> 18));
        out.push(symbol(n >> 12));
        out.push(if chunk.len() > 1 { symbol(n >> 6) } else { '=' });
        out.push(if chunk.len() > 2 { symbol(n) } else { '=' });
    }
    out
}

/// Go's `base64.StdEncoding.DecodeString`: padding required, `\r` and `\n` ignored.
pub(super) fn unbase64(text: &str) -> Option<Vec<u8>> {
    let symbols: Vec<u8> = text
        .bytes()
        .filter(|b| !matches!(b, b'\r' | b'\n'))
        .collect();
    if symbols.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(symbols.len() / 4 * 3);
    let quads = symbols.chunks(4).count();
    for (q, quad) in symbols.chunks(4).enumerate() {
        let mut n = 0u32;
        let mut padding = 0;
        for &s in quad {
            let v = match s {
                b'=' => {
                    padding += 1;
                    0
                }
                _ if padding > 0 => return None,
                _ => u32::try_from(BASE64.iter().position(|&b| b == s)?).ok()?,
            };
            n = (n << 6) | v;
        }
        if padding > 2 || (padding > 0 && q + 1 != quads) {
            return None;
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend(bytes.iter().take(3 - padding));
    }
    Some(out)
}

/// `urlencode(string)`: Go's `url.QueryEscape` (spaces become `+`).
pub(super) fn urlencode(args: &[Value]) -> CallResult {
    let mut out = String::new();
    for b in str_at(args, 0)?.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b));
            }
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    string(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::terraform::functions::testing::*;

    #[test]
    fn jsonencode_matches_go() {
        assert_eq!(
            ok("jsonencode", vec![obj(&[("hello", s("world"))])]),
            s(r#"{"hello":"world"}"#)
        );
        assert_eq!(
            ok(
                "jsonencode",
                vec![obj(&[
                    ("b", nums(&[1.0, 2.5])),
                    ("a", Value::Bool(true)),
                    ("c", Value::Null)
                ])]
            ),
            s(r#"{"a":true,"b":[1,2.5],"c":null}"#)
        );
        assert_eq!(
            ok("jsonencode", vec![s("<a href=\"x\">&\n\t\u{1}\u{2028}é")]),
            s(r#""\u003ca href=\"x\"\u003e\u0026\n\t\u0001\u2028é""#)
        );
        assert_eq!(ok("jsonencode", vec![Value::Null]), s("null"));
        assert_eq!(ok("jsonencode", vec![n(1e21)]), s("1000000000000000000000"));
    }

    #[test]
    fn jsondecode_parses() {
        assert_eq!(
            ok("jsondecode", vec![s(r#"{"hello": "world"}"#)]),
            obj(&[("hello", s("world"))])
        );
        assert_eq!(ok("jsondecode", vec![s("true")]), Value::Bool(true));
        assert_eq!(
            ok("jsondecode", vec![s("[1, null]")]),
            list(vec![n(1.0), Value::Null])
        );
        fails("jsondecode", vec![s("{")]);
    }

    #[test]
    fn csvdecode_reads_rows_as_objects_like_go() {
        let row = |pairs: &[(&str, &str)]| {
            Value::Object(pairs.iter().map(|(k, v)| (k.to_string(), s(v))).collect())
        };
        assert_eq!(
            ok(
                "csvdecode",
                vec![s("name,cidr\r\nweb,\"10.0.0.0/8\"\n\n\"a, \"\"b\"\"\",\n")]
            ),
            Value::List(vec![
                row(&[("name", "web"), ("cidr", "10.0.0.0/8")]),
                row(&[("name", "a, \"b\""), ("cidr", "")]),
            ])
        );
        assert_eq!(ok("csvdecode", vec![s("only,header")]), Value::List(vec![]));
        fails("csvdecode", vec![s("")]);
        fails("csvdecode", vec![s("a,b\n1\n")]);
        fails("csvdecode", vec![s("a\nx\"y\n")]);
        fails("csvdecode", vec![s("a\n\"x\n")]);
    }
}
