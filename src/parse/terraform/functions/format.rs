//! `format` and `formatlist`: cty's printf-like verbs and Go's number formatting.

use super::*;

/// `format(spec, values...)`.
pub(super) fn format(args: &[Value]) -> CallResult {
    let spec = str_at(args, 0)?;
    match format_values(&spec, args.get(1..).unwrap_or_default())? {
        Some(text) => string(text),
        None => Ok(Value::Unknown),
    }
}

/// `formatlist(spec, values...)`: `format` once per element of the list arguments (which
/// must have equal lengths); other arguments repeat.
pub(super) fn formatlist(args: &[Value]) -> CallResult {
    let spec = match arg(args, 0) {
        Value::Unknown => return Ok(Value::Unknown),
        other => str_of(other)?,
    };
    let rest = args.get(1..).unwrap_or_default();
    let mut length: Option<(usize, usize)> = None;
    let mut unknown = false;
    for (i, value) in rest.iter().enumerate() {
        match value {
            Value::Unknown => unknown = true,
            Value::List(items) => match length {
                None => length = Some((items.len(), i)),
                Some((n, first)) if n != items.len() => {
                    return invalid(format!(
                        "argument {} has length {}, which is inconsistent with argument {} of \
                         length {n}",
                        i + 1,
                        items.len(),
                        first + 1
                    ));
                }
                Some(_) => {}
            },
            _ => {}
        }
    }
    if unknown {
        return Ok(Value::Unknown);
    }
    let iterations = length.map_or(1, |(n, _)| n);
    let mut out = Vec::with_capacity(iterations);
    for i in 0..iterations {
        let values: Vec<Value> = rest
            .iter()
            .map(|v| match v {
                Value::List(items) => items.get(i).cloned().unwrap_or(Value::Null),
                other => other.clone(),
            })
            .collect();
        if values.iter().any(Value::has_unknown) {
            out.push(Value::Unknown);
            continue;
        }
        match format_values(&spec, &values) {
            Ok(Some(text)) => out.push(Value::String(text)),
            Ok(None) => out.push(Value::Unknown),
            Err(CallError::Invalid(message)) => {
                return invalid(format!("error on format iteration {i}: {message}"));
            }
            Err(other) => return Err(other),
        }
    }
    Ok(Value::List(out))
}

/// One `%…` verb of a format string.
#[derive(Default)]
pub(super) struct Verb {
    raw: String,
    offset: usize,
    arg: usize,
    mode: char,
    zero: bool,
    sharp: bool,
    plus: bool,
    minus: bool,
    space: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

/// Formats `values` by `spec`; `None` when a number is too large to format exactly here.
pub(super) fn format_values(spec: &str, values: &[Value]) -> Result<Option<String>, CallError> {
    let chars: Vec<(usize, char)> = spec.char_indices().collect();
    let mut out = String::new();
    let mut next_arg = 1;
    let mut highest = 0;
    let mut i = 0;
    while let Some(&(offset, c)) = chars.get(i) {
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if let Some((_, '%')) = chars.get(i) {
            out.push('%');
            i += 1;
            continue;
        }
        let mut verb = Verb {
            offset,
            arg: next_arg,
            ..Verb::default()
        };
        while let Some(&(_, flag)) = chars.get(i) {
            match flag {
                '0' => verb.zero = true,
                '#' => verb.sharp = true,
                '-' => verb.minus = true,
                '+' => verb.plus = true,
                ' ' => verb.space = true,
                _ => break,
            }
            i += 1;
        }
        if let Some((_, '1'..='9')) = chars.get(i) {
            verb.width = Some(read_digits(&chars, &mut i));
        }
        if let Some((_, '.')) = chars.get(i) {
            i += 1;
            verb.precision = Some(read_digits(&chars, &mut i));
        }
        if verb.width.max(verb.precision).unwrap_or(0) > MAX_FORMAT_WIDTH {
            return invalid(format!(
                "a width or precision over {MAX_FORMAT_WIDTH} is not supported"
            ));
        }
        if let Some((_, '[')) = chars.get(i) {
            i += 1;
            if !matches!(chars.get(i), Some((_, '1'..='9'))) {
                return bad_format_char(&chars, i, spec.len());
            }
            verb.arg = read_digits(&chars, &mut i);
            if !matches!(chars.get(i), Some((_, ']'))) {
                return bad_format_char(&chars, i, spec.len());
            }
            i += 1;
        }
        match chars.get(i) {
            Some(&(end, mode)) if mode.is_ascii_alphabetic() => {
                i += 1;
                verb.mode = mode;
                verb.raw = spec
                    .get(offset..end + mode.len_utf8())
                    .unwrap_or("")
                    .to_string();
            }
            _ => return bad_format_char(&chars, i, spec.len()),
        }
        highest = highest.max(verb.arg);
        let Some(value) = values.get(verb.arg - 1) else {
            return invalid(format!(
                "not enough arguments for {:?} at {}: need index {} but have {} total",
                verb.raw,
                verb.offset,
                verb.arg,
                values.len()
            ));
        };
        match format_verb(&verb, value)? {
            Some(text) => out.push_str(&text),
            None => return Ok(None),
        }
        next_arg = verb.arg + 1;
    }
    if highest < values.len() {
        return invalid(if highest == 0 {
            "too many arguments; no verbs in format string".to_string()
        } else {
            format!("too many arguments; only {highest} used by format string")
        });
    }
    Ok(Some(out))
}

pub(super) fn read_digits(chars: &[(usize, char)], i: &mut usize) -> usize {
    let mut n: usize = 0;
    while let Some(&(_, c)) = chars.get(*i) {
        let Some(d) = c.to_digit(10) else { break };
        n = n.saturating_mul(10).saturating_add(d as usize);
        *i += 1;
    }
    n
}

pub(super) fn bad_format_char<T>(
    chars: &[(usize, char)],
    i: usize,
    len: usize,
) -> Result<T, CallError> {
    match chars.get(i) {
        Some(&(offset, c)) => invalid(format!(
            "unrecognized format character {c:?} at offset {offset}"
        )),
        None => invalid(format!("invalid format string starting at offset {len}")),
    }
}

pub(super) fn format_verb(verb: &Verb, value: &Value) -> Result<Option<String>, CallError> {
    let unsupported = |message: &str| {
        invalid(format!(
            "unsupported value for {:?} at {}: {message}",
            verb.raw, verb.offset
        ))
    };
    if verb.mode != 'v' && value == &Value::Null {
        return unsupported("null value cannot be formatted");
    }
    let text = match verb.mode {
        'v' => match value {
            Value::String(s) if !verb.sharp => pad(verb, s.clone()),
            Value::Number(n) if !verb.sharp => pad(verb, go_float(*n, 'g', None)),
            other => pad(verb, json(other)),
        },
        't' => match bool_of(value) {
            Ok(b) => b.to_string(),
            Err(CallError::Invalid(message)) => return unsupported(&message),
            Err(other) => return Err(other),
        },
        'b' | 'd' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'g' | 'G' => {
            let n = match num_of(value) {
                Ok(n) => n,
                Err(CallError::Invalid(message)) => return unsupported(&message),
                Err(other) => return Err(other),
            };
            if matches!(verb.mode, 'e' | 'E' | 'f' | 'g' | 'G') {
                format_float(verb, n)
            } else if n.fract() != 0.0 {
                return unsupported("an integer is required");
            } else {
                match format_integer(verb, n) {
                    Some(text) => text,
                    None => return Ok(None),
                }
            }
        }
        's' | 'q' => {
            let mut s = match str_of(value) {
                Ok(s) => s,
                Err(CallError::Invalid(message)) => return unsupported(&message),
                Err(other) => return Err(other),
            };
            if let Some(precision) = verb.precision.filter(|p| *p > 0) {
                s = graphemes(&s).into_iter().take(precision).collect();
            }
            if verb.mode == 'q' {
                pad(verb, json(&Value::String(s)))
            } else {
                pad(verb, s)
            }
        }
        other => {
            return invalid(format!(
                "unsupported format verb {other:?} in {:?} at offset {}",
                verb.raw, verb.offset
            ));
        }
    };
    Ok(Some(text))
}

/// Pads to the verb's width (in grapheme clusters), as cty's `formatPadWidth`.
pub(super) fn pad(verb: &Verb, text: String) -> String {
    let Some(width) = verb.width else { return text };
    let len = grapheme_count(&text);
    if len >= width {
        return text;
    }
    let padding = (if verb.zero { "0" } else { " " }).repeat(width - len);
    if verb.minus {
        text + &padding
    } else {
        padding + &text
    }
}

/// Go's `fmt` of a `big.Int` for `%b %d %o %x %X` with flags, width and precision.
pub(super) fn format_integer(verb: &Verb, n: f64) -> Option<String> {
    let magnitude = n.abs();
    let base = match verb.mode {
        'b' => 2,
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    let mut digits = if base == 10 {
        format!("{magnitude:.0}")
    } else if magnitude < 3.4e38 {
        let m = magnitude as u128;
        match base {
            2 => format!("{m:b}"),
            8 => format!("{m:o}"),
            _ => format!("{m:x}"),
        }
    } else {
        return None;
    };
    if verb.mode == 'X' {
        digits = digits.to_uppercase();
    }
    let sign = if n < 0.0 {
        "-"
    } else if verb.plus {
        "+"
    } else if verb.space {
        " "
    } else {
        ""
    };
    let prefix = match (verb.sharp, verb.mode) {
        (true, 'b') => "0b",
        (true, 'o') => "0",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    let mut zeros = 0;
    if let Some(precision) = verb.precision {
        if digits.len() < precision {
            zeros = precision - digits.len();
        } else if digits == "0" && precision == 0 {
            return Some(String::new());
        }
    }
    let (mut left, mut right) = (0, 0);
    let length = sign.len() + prefix.len() + zeros + digits.len();
    if let Some(width) = verb.width.filter(|w| *w > length) {
        let extra = width - length;
        if verb.minus {
            right = extra;
        } else if verb.zero && verb.precision.is_none() {
            zeros += extra;
        } else {
            left = extra;
        }
    }
    Some(format!(
        "{}{sign}{prefix}{}{digits}{}",
        " ".repeat(left),
        "0".repeat(zeros),
        " ".repeat(right)
    ))
}

/// Go's `fmt` of a `big.Float` for `%e %E %f %g %G` with flags, width and precision.
pub(super) fn format_float(verb: &Verb, n: f64) -> String {
    let text = go_float(n, verb.mode, verb.precision);
    let (sign, body) = match text.strip_prefix('-') {
        Some(body) => ("-", body.to_string()),
        None if verb.plus => ("+", text),
        None if verb.space => (" ", text),
        None => ("", text),
    };
    let padding = verb
        .width
        .map_or(0, |w| w.saturating_sub(sign.len() + body.len()));
    if verb.zero && !verb.minus {
        format!("{sign}{}{body}", "0".repeat(padding))
    } else if verb.minus {
        format!("{sign}{body}{}", " ".repeat(padding))
    } else {
        format!("{}{sign}{body}", " ".repeat(padding))
    }
}

/// `big.Float.Text(mode, precision)`: `e`/`E` (default precision 6), `f` (default 6),
/// `g`/`G` (default: the shortest representation).
pub(super) fn go_float(n: f64, mode: char, precision: Option<usize>) -> String {
    let negative = n < 0.0;
    let body = match mode {
        'e' | 'E' => {
            let p = precision.unwrap_or(6);
            let (digits, exp) = decimal_digits(n, Some(p + 1));
            exp_form(&digits, exp, p, mode)
        }
        'f' => format!("{:.*}", precision.unwrap_or(6), n.abs()),
        _ => {
            let shortest = precision.is_none();
            let (digits, exp) = decimal_digits(n, precision.map(|p| p.max(1)));
            let mut p = precision.map_or(digits.len(), |p| p.max(1)) as i64;
            let len = digits.len() as i64;
            let exp = i64::from(exp);
            let mut eprec = p;
            if eprec > len && len >= exp {
                eprec = len;
            }
            if shortest {
                eprec = 6;
            }
            let e = exp - 1;
            if e < -4 || e >= eprec {
                p = p.min(len);
                let lower = if mode == 'G' { 'E' } else { 'e' };
                exp_form(
                    &digits,
                    exp as i32,
                    usize::try_from(p - 1).unwrap_or(0),
                    lower,
                )
            } else {
                if p > exp {
                    p = len;
                }
                fixed_form(&digits, exp as i32, usize::try_from(p - exp).unwrap_or(0))
            }
        }
    };
    if negative { format!("-{body}") } else { body }
}

/// The significant decimal digits of `|n|` (no trailing zeros) and the position of the
/// decimal point: `|n| = 0.d₁d₂… × 10^exp`. Shortest round-trip digits unless a number of
/// significant digits is given.
pub(super) fn decimal_digits(n: f64, significant: Option<usize>) -> (String, i32) {
    let a = n.abs();
    if a == 0.0 {
        return (String::new(), 0);
    }
    let text = match significant {
        None => format!("{a:e}"),
        Some(s) => format!("{:.*e}", s.saturating_sub(1), a),
    };
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0').to_string();
    (digits, exp.parse::<i32>().unwrap_or(0) + 1)
}

/// Go's `fmtE`: `d.ddddde±dd`.
pub(super) fn exp_form(digits: &str, exp: i32, precision: usize, e: char) -> String {
    let mut out = String::new();
    out.push(digits.chars().next().unwrap_or('0'));
    if precision > 0 {
        out.push('.');
        let more: String = digits.chars().skip(1).take(precision).collect();
        out.push_str(&more);
        out.push_str(&"0".repeat(precision - more.len()));
    }
    out.push(e);
    let exp = if digits.is_empty() { 0 } else { exp - 1 };
    out.push(if exp < 0 { '-' } else { '+' });
    let _ = write!(out, "{:02}", exp.abs());
    out
}

/// Go's `fmtF`: `ddd.ddd` with `precision` fraction digits.
pub(super) fn fixed_form(digits: &str, exp: i32, precision: usize) -> String {
    let bytes = digits.as_bytes();
    let at = |i: i64| {
        usize::try_from(i)
            .ok()
            .and_then(|i| bytes.get(i))
            .map_or('0', |b| char::from(*b))
    };
    let mut out = String::new();
    if exp > 0 {
        for i in 0..i64::from(exp) {
            out.push(at(i));
        }
    } else {
        out.push('0');
    }
    if precision > 0 {
        out.push('.');
        for i in 0..precision as i64 {
            out.push(at(i64::from(exp) + i));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::terraform::functions::testing::*;

    #[test]
    fn format_verbs() {
        let f = |spec: &str, args: Vec<Value>| {
            let mut all = vec![s(spec)];
            all.extend(args);
            ok("format", all)
        };
        assert_eq!(f("Hello, %s!", vec![s("Ander")]), s("Hello, Ander!"));
        assert_eq!(
            f("There are %d lights", vec![n(4.0)]),
            s("There are 4 lights")
        );
        assert_eq!(f("%s", vec![n(1.5)]), s("1.5"));
        assert_eq!(f("%v", vec![n(1234567.0)]), s("1.234567e+06"));
        assert_eq!(f("%v %v", vec![n(42.0), Value::Bool(true)]), s("42 true"));
        assert_eq!(f("%v", vec![Value::Null]), s("null"));
        assert_eq!(
            f("%#v", vec![obj(&[("b", n(1.0)), ("a", s("<"))])]),
            s(r#"{"a":"\u003c","b":1}"#)
        );
        assert_eq!(f("%#v", vec![s("x")]), s("\"x\""));
        assert_eq!(f("%q", vec![s("a\"b")]), s("\"a\\\"b\""));
        assert_eq!(f("%t", vec![s("true")]), s("true"));
        assert_eq!(f("%5.2f|", vec![n(3.25159)]), s(" 3.25|"));
        assert_eq!(f("%05.1f", vec![n(-3.25159)]), s("-03.3"));
        assert_eq!(f("%f", vec![n(1.0)]), s("1.000000"));
        assert_eq!(f("%.0f", vec![n(2.5)]), s("2"));
        assert_eq!(f("%e", vec![n(1234.5678)]), s("1.234568e+03"));
        assert_eq!(f("%.2E", vec![n(0.000123)]), s("1.23E-04"));
        assert_eq!(f("%g", vec![n(100000.0)]), s("100000"));
        assert_eq!(f("%g", vec![n(0.00001)]), s("1e-05"));
        assert_eq!(f("%.3g", vec![n(3.25159)]), s("3.25"));
        assert_eq!(
            f("%x %X %o %b", vec![n(255.0), n(255.0), n(8.0), n(5.0)]),
            s("ff FF 10 101")
        );
        assert_eq!(f("%#x %#o", vec![n(255.0), n(8.0)]), s("0xff 010"));
        assert_eq!(
            f("%+d % d %05d %-4d|", vec![n(3.0), n(3.0), n(-42.0), n(7.0)]),
            s("+3  3 -0042 7   |")
        );
        assert_eq!(f("%.3d", vec![n(7.0)]), s("007"));
        assert_eq!(
            f("%-5s|%5s|%05s", vec![s("a"), s("b"), s("c")]),
            s("a    |    b|0000c")
        );
        assert_eq!(f("%.2s", vec![s("héllo")]), s("hé"));
        assert_eq!(f("100%%", vec![]), s("100%"));
        assert_eq!(
            f("%v %g %G", vec![n(0.1), n(1e21), n(1e-7)]),
            s("0.1 1e+21 1E-07")
        );
        assert_eq!(f("%e|%.0e", vec![n(0.0), n(5.0)]), s("0.000000e+00|5e+00"));
        assert_eq!(f("%x|%.0d|", vec![n(-255.0), n(0.0)]), s("-ff||"));
        assert_eq!(
            f("%08.3f %+.2e", vec![n(-3.5), n(12345.0)]),
            s("-003.500 +1.23e+04")
        );
        assert_eq!(f("%[2]s %[1]s %s", vec![s("a"), s("b")]), s("b a b"));
        let e = |spec: &str, args: Vec<Value>| {
            let mut all = vec![s(spec)];
            all.extend(args);
            fails("format", all)
        };
        assert!(e("%d", vec![n(1.5)]).contains("an integer is required"));
        assert!(e("%s", vec![]).contains("not enough arguments"));
        assert!(e("%s", vec![s("a"), s("b")]).contains("too many arguments"));
        assert!(e("hi", vec![s("a")]).contains("no verbs"));
        assert!(e("%s", vec![Value::Null]).contains("null value cannot be formatted"));
        assert!(e("%s", vec![strs(&["a"])]).contains("unsupported value"));
        assert!(e("%y", vec![s("a")]).contains("unsupported format verb"));
        assert!(e("50%", vec![]).contains("invalid format string"));
        assert!(e("%!", vec![]).contains("unrecognized format character"));
    }

    #[test]
    fn formatlist_iterates_lists() {
        assert_eq!(
            ok(
                "formatlist",
                vec![
                    s("Hello, %s!"),
                    strs(&["Valentina", "Ander", "Olivia", "Sam"])
                ]
            ),
            strs(&[
                "Hello, Valentina!",
                "Hello, Ander!",
                "Hello, Olivia!",
                "Hello, Sam!"
            ])
        );
        assert_eq!(
            ok(
                "formatlist",
                vec![
                    s("%s, %s!"),
                    s("Salutations"),
                    strs(&["Valentina", "Ander"])
                ]
            ),
            strs(&["Salutations, Valentina!", "Salutations, Ander!"])
        );
        assert_eq!(
            ok(
                "formatlist",
                vec![s("%s=%s"), strs(&["a", "b"]), list(vec![n(1.0), U])]
            ),
            list(vec![s("a=1"), U])
        );
        assert_eq!(ok("formatlist", vec![s("x")]), strs(&["x"]));
        assert!(
            fails(
                "formatlist",
                vec![s("%s%s"), strs(&["a"]), strs(&["b", "c"])]
            )
            .contains("inconsistent")
        );
    }
}
