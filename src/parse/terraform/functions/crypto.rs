//! Hash and crypto functions (`md5`, `sha1`, `sha256`, `sha512`, `base64sha256`, …, `uuidv5`),
//! with MD5 and SHA-1 written out (the `sha2` crate covers SHA-2).

use super::*;

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
    use crate::parse::terraform::functions::testing::*;

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
}
