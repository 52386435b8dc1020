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

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

pub(super) fn md5(args: &[Value]) -> CallResult {
    string(hex(&md5_digest(str_at(args, 0)?.as_bytes())))
}

pub(super) fn sha1(args: &[Value]) -> CallResult {
    string(hex(&sha1_digest(str_at(args, 0)?.as_bytes())))
}

pub(super) fn sha256(args: &[Value]) -> CallResult {
    string(hex(&Sha256::digest(str_at(args, 0)?.as_bytes())))
}

pub(super) fn sha512(args: &[Value]) -> CallResult {
    string(hex(&Sha512::digest(str_at(args, 0)?.as_bytes())))
}

pub(super) fn base64sha256(args: &[Value]) -> CallResult {
    string(base64(&Sha256::digest(str_at(args, 0)?.as_bytes())))
}

pub(super) fn base64sha512(args: &[Value]) -> CallResult {
    string(base64(&Sha512::digest(str_at(args, 0)?.as_bytes())))
}

/// `uuidv5(namespace, name)`: a name-based (SHA-1) UUID, RFC 4122 §4.3.
pub(super) fn uuidv5(args: &[Value]) -> CallResult {
    let (namespace, name) = (str_at(args, 0)?, str_at(args, 1)?);
    let id = match namespace.as_str() {
        "dns" => "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        "url" => "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
        "oid" => "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
        "x500" => "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
        other => other,
    };
    let Some(namespace_bytes) = parse_uuid(id) else {
        return invalid(format!("uuidv5() doesn't support namespace {namespace}"));
    };
    let mut data = namespace_bytes;
    data.extend_from_slice(name.as_bytes());
    let mut hash: Vec<u8> = sha1_digest(&data).into_iter().take(16).collect();
    if let Some(b) = hash.get_mut(6) {
        *b = (*b & 0x0f) | 0x50;
    }
    if let Some(b) = hash.get_mut(8) {
        *b = (*b & 0x3f) | 0x80;
    }
    let h = hex(&hash);
    let part = |range: std::ops::Range<usize>| h.get(range).unwrap_or("");
    string(format!(
        "{}-{}-{}-{}-{}",
        part(0..8),
        part(8..12),
        part(12..16),
        part(16..20),
        part(20..32)
    ))
}

/// A UUID's 16 bytes, in the forms Go's `uuid.Parse` accepts.
pub(super) fn parse_uuid(text: &str) -> Option<Vec<u8>> {
    let lower = text.to_ascii_lowercase();
    let body = match text.len() {
        36 => text,
        45 if lower.starts_with("urn:uuid:") => text.get(9..)?,
        38 if text.starts_with('{') && text.ends_with('}') => text.get(1..37)?,
        32 => {
            return (0..16)
                .map(|i| u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok())
                .collect();
        }
        _ => return None,
    };
    let dashes = body
        .char_indices()
        .filter(|(_, c)| *c == '-')
        .map(|(i, _)| i)
        .collect::<Vec<_>>();
    if dashes != [8, 13, 18, 23] {
        return None;
    }
    let digits: String = body.chars().filter(|c| *c != '-').collect();
    (0..16)
        .map(|i| u8::from_str_radix(digits.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}

/// MD5 (RFC 1321).
pub(super) fn md5_digest(data: &[u8]) -> [u8; 16] {
    const SHIFTS: [u32; 16] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
    let constants: Vec<u32> = (1..=64)
        .map(|i: i32| (f64::from(i).sin().abs() * 4_294_967_296.0) as u32)
        .collect();
    let mut state: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];
    for block in padded_blocks(data, false) {
        let words: Vec<u32> = block
            .chunks(4)
            .map(|w| u32::from_le_bytes([byte(w, 0), byte(w, 1), byte(w, 2), byte(w, 3)]))
            .collect();
        let [mut a, mut b, mut c, mut d] = state;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let shift = SHIFTS.get((i / 16) * 4 + i % 4).copied().unwrap_or(0);
            let sum = a
                .wrapping_add(f)
                .wrapping_add(word(&constants, i))
                .wrapping_add(word(&words, g));
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(sum.rotate_left(shift));
        }
        state = [
            state[0].wrapping_add(a),
            state[1].wrapping_add(b),
            state[2].wrapping_add(c),
            state[3].wrapping_add(d),
        ];
    }
    let mut out = [0u8; 16];
    for (chunk, s) in out.chunks_mut(4).zip(state) {
        chunk.copy_from_slice(&s.to_le_bytes());
    }
    out
}

/// SHA-1 (FIPS 180-4).
pub(super) fn sha1_digest(data: &[u8]) -> [u8; 20] {
    let mut state: [u32; 5] = [
        0x6745_2301,
        0xefcd_ab89,
        0x98ba_dcfe,
        0x1032_5476,
        0xc3d2_e1f0,
    ];
    for block in padded_blocks(data, true) {
        let mut w: Vec<u32> = block
            .chunks(4)
            .map(|w| u32::from_be_bytes([byte(w, 0), byte(w, 1), byte(w, 2), byte(w, 3)]))
            .collect();
        for i in 16..80 {
            let x = word(&w, i - 3) ^ word(&w, i - 8) ^ word(&w, i - 14) ^ word(&w, i - 16);
            w.push(x.rotate_left(1));
        }
        let [mut a, mut b, mut c, mut d, mut e] = state;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a82_7999),
                1 => (b ^ c ^ d, 0x6ed9_eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
                _ => (b ^ c ^ d, 0xca62_c1d6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        state = [
            state[0].wrapping_add(a),
            state[1].wrapping_add(b),
            state[2].wrapping_add(c),
            state[3].wrapping_add(d),
            state[4].wrapping_add(e),
        ];
    }
    let mut out = [0u8; 20];
    for (chunk, s) in out.chunks_mut(4).zip(state) {
        chunk.copy_from_slice(&s.to_be_bytes());
    }
    out
}

/// The message padded to 64-byte blocks with its bit length (big- or little-endian).
pub(super) fn padded_blocks(data: &[u8], big_endian: bool) -> Vec<Vec<u8>> {
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    let bits = (data.len() as u64).wrapping_mul(8);
    message.extend_from_slice(&if big_endian {
        bits.to_be_bytes()
    } else {
        bits.to_le_bytes()
    });
    message.chunks(64).map(<[u8]>::to_vec).collect()
}

pub(super) fn byte(bytes: &[u8], i: usize) -> u8 {
    bytes.get(i).copied().unwrap_or(0)
}

pub(super) fn word(words: &[u32], i: usize) -> u32 {
    words.get(i).copied().unwrap_or(0)
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
    fn base64_url_hashes_uuid() {
        assert_eq!(
            ok("base64encode", vec![s("Hello World")]),
            s("SGVsbG8gV29ybGQ=")
        );
        assert_eq!(ok("base64encode", vec![s("ab")]), s("YWI="));
        assert_eq!(
            ok("base64decode", vec![s("SGVsbG8gV29ybGQ=")]),
            s("Hello World")
        );
        assert_eq!(ok("base64decode", vec![s("YW\nI=")]), s("ab"));
        fails("base64decode", vec![s("YWI")]);
        fails("base64decode", vec![s("/w==")]);
        assert_eq!(
            ok("urlencode", vec![s("Hello World!")]),
            s("Hello+World%21")
        );
        assert_eq!(ok("urlencode", vec![s("☃")]), s("%E2%98%83"));
        assert_eq!(
            ok("urlencode", vec![s("foo:bar@localhost?foo=bar&bar=baz")]),
            s("foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz")
        );
        assert_eq!(
            ok("md5", vec![s("")]),
            s("d41d8cd98f00b204e9800998ecf8427e")
        );
        assert_eq!(
            ok("md5", vec![s("hello world")]),
            s("5eb63bbbe01eeed093cb22bb8f5acdc3")
        );
        let long = "a".repeat(1000);
        assert_eq!(
            ok("md5", vec![s(&long)]),
            s("cabe45dcc9ae5b66ba86600cca6b8ba8")
        );
        assert_eq!(
            ok("sha1", vec![s("hello world")]),
            s("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed")
        );
        assert_eq!(
            ok("sha1", vec![s(&long)]),
            s("291e9a6c66994949b57ba5e650361e98fc36b1ba")
        );
        assert_eq!(
            ok("sha256", vec![s("hello world")]),
            s("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9")
        );
        assert_eq!(
            ok("sha512", vec![s("hello world")]),
            s(
                "309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f"
            )
        );
        assert_eq!(
            ok("base64sha256", vec![s("hello world")]),
            s("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=")
        );
        assert_eq!(
            ok("uuidv5", vec![s("dns"), s("www.terraform.io")]),
            s("a5008fae-b28c-5ba5-96cd-82b4c53552d6")
        );
        assert_eq!(
            ok("uuidv5", vec![s("url"), s("https://www.terraform.io/")]),
            s("9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5")
        );
        assert_eq!(
            ok("uuidv5", vec![s("oid"), s("1.3.6.1.4")]),
            s("af9d40a5-7a36-5c07-b23a-851cd99fbfa5")
        );
        assert_eq!(
            ok("uuidv5", vec![s("x500"), s("CN=Example,C=GB")]),
            s("84e09961-4aa4-57f8-95b7-03edb1073253")
        );
        assert_eq!(
            ok(
                "uuidv5",
                vec![
                    s("6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
                    s("www.terraform.io")
                ]
            ),
            s("a5008fae-b28c-5ba5-96cd-82b4c53552d6")
        );
        fails("uuidv5", vec![s("nope"), s("x")]);
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
