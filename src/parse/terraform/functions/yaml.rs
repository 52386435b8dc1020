//! `yamldecode` (go-cty-yaml's conversion rules over saphyr's parser events) and the YAML
//! emitter behind `yamlencode` (a port of the parts of libyaml's emitter it exercises).

use super::*;

/// `yamldecode(string)`: a single YAML document. Scalars resolve as Terraform resolves them
/// (YAML 1.1 booleans such as `yes` and `off`, `0x`/`0o` integers, merge keys `<<`);
/// timestamps other than plain dates and infinite numbers are unknown.
pub(super) fn yamldecode(args: &[Value]) -> CallResult {
    let text = str_at(args, 0)?;
    let mut decoder = YamlDecoder {
        parser: saphyr_parser::Parser::new_from_str(&text),
        anchors: BTreeMap::new(),
        pending: Vec::new(),
    };
    match decoder.document() {
        Ok(value) => Ok(value),
        Err(YamlFail::Invalid(message)) => invalid(message),
        Err(YamlFail::Unknown) => Ok(Value::Unknown),
    }
}

pub(super) enum YamlFail {
    Invalid(String),
    /// Valid YAML whose Terraform value tenet cannot reproduce.
    Unknown,
}

pub(super) fn yaml_error(message: impl Into<String>) -> YamlFail {
    YamlFail::Invalid(message.into())
}

/// Deepest YAML nesting decoded (deeper input is rejected, never a stack overflow).
pub(super) const MAX_YAML_DEPTH: usize = 256;

pub(super) struct YamlDecoder<'a> {
    parser: saphyr_parser::Parser<'a, saphyr_parser::StrInput<'a>>,
    anchors: BTreeMap<usize, Value>,
    /// Anchors whose node is still being decoded (an alias to them is an error).
    pending: Vec<usize>,
}

impl<'a> YamlDecoder<'a> {
    fn next(&mut self) -> Result<YamlEvent<'a>, YamlFail> {
        match self.parser.next_event() {
            Some(Ok((event, _))) => Ok(event),
            Some(Err(e)) => Err(yaml_error(format!(
                "on line {}, column {}: {}",
                e.marker().line(),
                e.marker().col() + 1,
                e.info()
            ))),
            None => Ok(YamlEvent::StreamEnd),
        }
    }

    fn document(&mut self) -> Result<Value, YamlFail> {
        let mut event = self.next()?;
        if matches!(event, YamlEvent::StreamStart) {
            event = self.next()?;
        }
        match event {
            YamlEvent::StreamEnd => return Ok(Value::Null),
            YamlEvent::DocumentStart(_) => {}
            _ => return Err(yaml_error("missing start of document")),
        }
        let first = self.next()?;
        let value = self.value(first, 0)?;
        match self.next()? {
            YamlEvent::DocumentEnd => {}
            YamlEvent::DocumentStart(_) => {
                return Err(yaml_error("only a single document is allowed"));
            }
            _ => return Err(yaml_error("unexpected extra content after value")),
        }
        match self.next()? {
            YamlEvent::StreamEnd => Ok(value),
            _ => Err(yaml_error("unexpected extra content after value")),
        }
    }

    fn begin(&mut self, anchor: usize) {
        if anchor > 0 {
            self.pending.push(anchor);
        }
    }

    fn complete(&mut self, anchor: usize, value: &Value) {
        if anchor > 0 {
            self.pending.retain(|a| *a != anchor);
            self.anchors.insert(anchor, value.clone());
        }
    }

    fn value(&mut self, event: YamlEvent<'a>, depth: usize) -> Result<Value, YamlFail> {
        if depth > MAX_YAML_DEPTH {
            return Err(yaml_error("the document is nested too deeply"));
        }
        match event {
            YamlEvent::Scalar(text, style, anchor, tag) => {
                self.begin(anchor);
                let value = resolve_yaml_scalar(tag.as_deref(), &text, style)?;
                self.complete(anchor, &value);
                Ok(value)
            }
            YamlEvent::Alias(anchor) => {
                if self.pending.contains(&anchor) {
                    return Err(yaml_error(
                        "cannot refer to an anchor from inside its own definition",
                    ));
                }
                self.anchors
                    .get(&anchor)
                    .cloned()
                    .ok_or_else(|| yaml_error("reference to undefined anchor"))
            }
            YamlEvent::SequenceStart(anchor, tag) => {
                check_collection_tag(tag.as_deref(), "seq", "sequence")?;
                self.begin(anchor);
                let mut items = Vec::new();
                loop {
                    match self.next()? {
                        YamlEvent::SequenceEnd => break,
                        event => items.push(self.value(event, depth + 1)?),
                    }
                }
                let value = Value::List(items);
                self.complete(anchor, &value);
                Ok(value)
            }
            YamlEvent::MappingStart(anchor, tag) => {
                check_collection_tag(tag.as_deref(), "map", "mapping")?;
                self.begin(anchor);
                let value = Value::Object(self.mapping(depth)?);
                self.complete(anchor, &value);
                Ok(value)
            }
            YamlEvent::StreamEnd | YamlEvent::DocumentEnd => {
                Err(yaml_error("expecting value but found end of stream"))
            }
            YamlEvent::DocumentStart(_) => Err(yaml_error("only a single document is allowed")),
            _ => Err(yaml_error("unexpected parser event")),
        }
    }

    fn mapping(&mut self, depth: usize) -> Result<BTreeMap<String, Value>, YamlFail> {
        let mut map = BTreeMap::new();
        loop {
            let (text, style, tag) = match self.next()? {
                YamlEvent::MappingEnd => return Ok(map),
                YamlEvent::Scalar(text, style, _, tag) => (text, style, tag),
                _ => return Err(yaml_error("only strings are allowed as mapping keys")),
            };
            let merge = match tag.as_deref() {
                None => text == "<<",
                Some(t) => t.is_yaml_core_schema() && t.suffix == "merge",
            };
            let event = self.next()?;
            let value = self.value(event, depth + 1)?;
            if merge {
                let sources = match value {
                    Value::Object(_) => vec![value],
                    Value::List(items) => items,
                    other => {
                        return Err(yaml_error(format!(
                            "cannot merge {} into mapping",
                            other.type_name()
                        )));
                    }
                };
                for source in sources {
                    match source {
                        Value::Object(entries) => map.extend(entries),
                        other => {
                            return Err(yaml_error(format!(
                                "cannot merge {} (from sequence) into mapping",
                                other.type_name()
                            )));
                        }
                    }
                }
                continue;
            }
            let key = match resolve_yaml_scalar(tag.as_deref(), &text, style)? {
                Value::String(s) => s,
                Value::Number(n) => format_number(n),
                Value::Bool(b) => b.to_string(),
                Value::Null => return Err(yaml_error("mapping key cannot be null")),
                _ => return Err(yaml_error("only strings are allowed as mapping keys")),
            };
            map.insert(key, value);
        }
    }
}

pub(super) type YamlEvent<'a> = saphyr_parser::Event<'a>;

pub(super) fn check_collection_tag(
    tag: Option<&saphyr_parser::Tag>,
    expected: &str,
    what: &str,
) -> Result<(), YamlFail> {
    match tag {
        None => Ok(()),
        Some(t) if t.is_yaml_core_schema() && t.suffix == expected => Ok(()),
        Some(t) => Err(yaml_error(format!("can't interpret {what} as {t}"))),
    }
}

/// go-cty-yaml's `resolveScalar`.
pub(super) fn resolve_yaml_scalar(
    tag: Option<&saphyr_parser::Tag>,
    src: &str,
    style: saphyr_parser::ScalarStyle,
) -> Result<Value, YamlFail> {
    use saphyr_parser::ScalarStyle;
    let mut tag = match tag {
        None => "",
        Some(t) if t.is_yaml_core_schema() => t.suffix.as_str(),
        Some(t) => return Err(yaml_error(format!("unsupported tag \"{t}\""))),
    };
    if !matches!(
        tag,
        "" | "str" | "bool" | "int" | "float" | "null" | "timestamp" | "binary"
    ) {
        return Err(yaml_error(format!("unsupported tag \"!!{tag}\"")));
    }
    let hint = match src.bytes().next() {
        None => b'N',
        Some(b'+' | b'-') => b'S',
        Some(b'0'..=b'9') => b'D',
        Some(b'y' | b'Y' | b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'o' | b'O' | b'~') => b'M',
        Some(b'.') => b'.',
        Some(_) => 0,
    };
    if hint != 0 && tag != "str" && tag != "binary" {
        if matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted) {
            return Ok(Value::String(src.to_string()));
        }
        if let Some(special) = yaml_special(src) {
            return special;
        }
        if tag.is_empty() && matches!(src, ".nan" | ".NaN" | ".NAN") {
            return Err(yaml_error("floating point NaN is not supported"));
        }
        match hint {
            b'.' => {
                if let Some(n) = parse_number(src) {
                    return Ok(Value::Number(n));
                }
            }
            b'D' | b'S' => {
                if tag.is_empty() || tag == "timestamp" {
                    match yaml_timestamp(src) {
                        Some(Some(text)) => return Ok(Value::String(text)),
                        Some(None) => return Err(YamlFail::Unknown),
                        None => {}
                    }
                }
                if yaml_integer_literal(src) {
                    tag = "int";
                } else if yaml_float_literal(src) {
                    tag = "float";
                }
            }
            _ => {}
        }
    }
    match tag {
        "binary" => match unbase64(src) {
            Some(_) => Ok(Value::String(src.to_string())),
            None => Err(yaml_error(format!(
                "cannot parse {src:?} as !!binary: not valid base64"
            ))),
        },
        "bool" => match yaml_special(src) {
            Some(Ok(Value::Bool(b))) => Ok(Value::Bool(b)),
            _ => Err(yaml_error(format!("cannot parse {src:?} as !!bool"))),
        },
        "int" | "float" => {
            let plain = src.replace('_', "");
            if let Some(n) = parse_number(&plain) {
                return Ok(Value::Number(n));
            }
            if matches!(plain.trim_start_matches(['+', '-']), "Inf" | "inf") {
                return Err(YamlFail::Unknown);
            }
            go_parse_int(&plain)
                .map(Value::Number)
                .ok_or_else(|| yaml_error(format!("cannot parse {src:?} as !!{tag}")))
        }
        "timestamp" => match yaml_timestamp(src) {
            Some(Some(text)) => Ok(Value::String(text)),
            Some(None) => Err(YamlFail::Unknown),
            None => Err(yaml_error(format!("cannot parse {src:?} as !!timestamp"))),
        },
        "null" => Ok(Value::Null),
        _ => Ok(Value::String(src.to_string())),
    }
}

/// The YAML 1.1 booleans, nulls and infinities go-cty-yaml recognises.
pub(super) fn yaml_special(src: &str) -> Option<Result<Value, YamlFail>> {
    Some(Ok(match src {
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            Value::Bool(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            Value::Bool(false)
        }
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF" => {
            return Some(Err(YamlFail::Unknown));
        }
        _ => return None,
    }))
}

/// `[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+`, the whole string.
pub(super) fn yaml_integer_literal(src: &str) -> bool {
    let non_empty_all = |s: &str, f: fn(&u8) -> bool| !s.is_empty() && s.bytes().all(|b| f(&b));
    if let Some(octal) = src.strip_prefix("0o") {
        return non_empty_all(octal, |b| (b'0'..=b'7').contains(b));
    }
    if let Some(hex) = src.strip_prefix("0x") {
        return non_empty_all(hex, u8::is_ascii_hexdigit);
    }
    non_empty_all(src.trim_start_matches(['+', '-']), u8::is_ascii_digit)
        && src.len() - src.trim_start_matches(['+', '-']).len() <= 1
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the whole string.
pub(super) fn yaml_float_literal(src: &str) -> bool {
    let unsigned = src.strip_prefix(['+', '-']).unwrap_or(src);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (
            unsigned.get(..i).unwrap_or(""),
            Some(unsigned.get(i + 1..).unwrap_or("")),
        ),
        None => (unsigned, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", fraction)) => !fraction.is_empty() && digits(fraction),
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => !mantissa.is_empty() && digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// Go's `strconv.ParseInt(s, 0, 64)` (then `ParseUint`): sign, `0x`/`0o`/`0b`/`0` prefixes.
pub(super) fn go_parse_int(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, lower.get(1..)?)
    } else {
        (10, lower.as_str())
    };
    let magnitude = u64::from_str_radix(digits, radix).ok()?;
    if negative {
        (magnitude <= 1 << 63).then(|| -(magnitude as f64))
    } else {
        Some(magnitude as f64)
    }
}

/// go-cty-yaml's `parseTimestamp`: `None` when `src` cannot be a timestamp (it does not
/// start with `YYYY-`), `Some(Some(RFC 3339))` for a plain date, `Some(None)` for the
/// date-time forms tenet does not convert.
pub(super) fn yaml_timestamp(src: &str) -> Option<Option<String>> {
    let year_digits = src.bytes().take_while(u8::is_ascii_digit).count();
    if year_digits != 4 || src.as_bytes().get(4) != Some(&b'-') {
        return None;
    }
    let mut parts = src.split('-');
    let field = |part: Option<&str>, max_len: usize| {
        part.filter(|p| {
            !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit())
        })
        .and_then(|p| p.parse::<u32>().ok())
    };
    let (year, month, day) = (
        field(parts.next(), 4),
        field(parts.next(), 2),
        field(parts.next(), 2),
    );
    match (year, month, day, parts.next()) {
        (Some(y), Some(m), Some(d), None)
            if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) =>
        {
            Some(Some(format!("{y:04}-{m:02}-{d:02}T00:00:00Z")))
        }
        _ if src.contains([':', 'T', 't', ' ']) => Some(None),
        _ => None,
    }
}

pub(super) fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// ---------------------------------------------------------------------------------------------
// YAML emitter (a port of the parts of libyaml's emitter that yamlencode exercises)
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
pub(super) enum ScalarStyle {
    Plain,
    DoubleQuoted,
    Literal,
}

/// What libyaml's `yaml_emitter_analyze_scalar` learns about a scalar.
pub(super) struct ScalarAnalysis {
    multiline: bool,
    block_plain_allowed: bool,
    block_allowed: bool,
}

pub(super) const YAML_INDENT: i64 = 2;
pub(super) const YAML_WIDTH: usize = 80;

pub(super) struct Yaml {
    out: String,
    column: usize,
    indent: i64,
    indents: Vec<i64>,
    whitespace: bool,
    indention: bool,
    open_ended: bool,
    root_context: bool,
    mapping_context: bool,
    simple_key_context: bool,
}

impl Yaml {
    /// The whole document: `None` when a map key would need YAML's `? key` form.
    pub(super) fn encode(value: &Value) -> Option<String> {
        let mut e = Yaml {
            out: String::new(),
            column: 0,
            indent: -1,
            indents: Vec::new(),
            whitespace: true,
            indention: true,
            open_ended: false,
            root_context: false,
            mapping_context: false,
            simple_key_context: false,
        };
        e.node(value, true, false, false)?;
        e.write_indent(); // document end
        if e.open_ended {
            e.write_indicator("...", true, false, false);
            e.write_indent();
        }
        Some(e.out)
    }

    fn put(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    fn write_indent(&mut self) {
        let indent = usize::try_from(self.indent.max(0)).unwrap_or(0);
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(' ');
        }
        self.whitespace = true;
        self.indention = true;
    }

    fn write_indicator(
        &mut self,
        indicator: &str,
        need_space: bool,
        is_space: bool,
        indention: bool,
    ) {
        if need_space && !self.whitespace {
            self.put(' ');
        }
        for c in indicator.chars() {
            self.put(c);
        }
        self.whitespace = is_space;
        self.indention = self.indention && indention;
        self.open_ended = false;
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        if self.indent < 0 {
            self.indent = if flow { YAML_INDENT } else { 0 };
        } else if !indentless {
            self.indent += YAML_INDENT;
        }
    }

    fn restore_indent(&mut self) {
        if let Some(indent) = self.indents.pop() {
            self.indent = indent;
        }
    }

    fn node(&mut self, value: &Value, root: bool, mapping: bool, simple_key: bool) -> Option<()> {
        self.root_context = root;
        self.mapping_context = mapping;
        self.simple_key_context = simple_key;
        match value {
            Value::Null => self.scalar("null", ScalarStyle::Plain),
            Value::Bool(b) => self.scalar(if *b { "true" } else { "false" }, ScalarStyle::Plain),
            Value::Number(n) => self.scalar(&format_number(*n), ScalarStyle::Plain),
            Value::String(s) if s.contains('\n') => self.scalar(s, ScalarStyle::Literal),
            Value::String(s) => self.scalar(s, ScalarStyle::DoubleQuoted),
            Value::List(items) if items.is_empty() => {
                self.empty_flow("[", "]");
                Some(())
            }
            Value::Object(map) if map.is_empty() => {
                self.empty_flow("{", "}");
                Some(())
            }
            Value::List(items) => {
                let indentless = self.mapping_context && !self.indention;
                self.increase_indent(false, indentless);
                for item in items {
                    self.write_indent();
                    self.write_indicator("-", true, false, true);
                    self.node(item, false, false, false)?;
                }
                self.restore_indent();
                Some(())
            }
            Value::Object(map) => {
                self.increase_indent(false, false);
                for (key, item) in map {
                    self.write_indent();
                    if analyze_scalar(key).multiline || key.len() > 128 {
                        return None;
                    }
                    self.simple_key_context = true;
                    self.root_context = false;
                    self.mapping_context = true;
                    self.scalar(key, ScalarStyle::DoubleQuoted)?;
                    self.write_indicator(":", false, false, false);
                    self.node(item, false, true, false)?;
                }
                self.restore_indent();
                Some(())
            }
            Value::Unknown => None,
        }
    }

    fn empty_flow(&mut self, open: &str, close: &str) {
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    fn scalar(&mut self, value: &str, requested: ScalarStyle) -> Option<()> {
        let analysis = analyze_scalar(value);
        let mut style = requested;
        if self.simple_key_context && analysis.multiline {
            style = ScalarStyle::DoubleQuoted;
        }
        if style == ScalarStyle::Plain
            && (!analysis.block_plain_allowed || (value.is_empty() && self.simple_key_context))
        {
            return None; // would need single quotes; never the case for numbers and bools
        }
        if style == ScalarStyle::Literal && (!analysis.block_allowed || self.simple_key_context) {
            style = ScalarStyle::DoubleQuoted;
        }
        self.increase_indent(true, false);
        let allow_breaks = !self.simple_key_context;
        match style {
            ScalarStyle::Plain => self.write_plain(value),
            ScalarStyle::DoubleQuoted => self.write_double_quoted(value, allow_breaks),
            ScalarStyle::Literal => self.write_literal(value),
        }
        self.restore_indent();
        Some(())
    }

    fn write_plain(&mut self, value: &str) {
        if !self.whitespace {
            self.put(' ');
        }
        for c in value.chars() {
            self.put(c);
        }
        self.whitespace = false;
        self.indention = false;
        if self.root_context {
            self.open_ended = true;
        }
    }

    fn write_double_quoted(&mut self, value: &str, allow_breaks: bool) {
        self.write_indicator("\"", true, false, false);
        let mut spaces = false;
        let mut chars = value.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !yaml_printable(c) || yaml_break(c) || c == '"' || c == '\\' {
                self.put('\\');
                let code = u32::from(c);
                match c {
                    '\0' => self.put('0'),
                    '\u{7}' => self.put('a'),
                    '\u{8}' => self.put('b'),
                    '\t' => self.put('t'),
                    '\n' => self.put('n'),
                    '\u{b}' => self.put('v'),
                    '\u{c}' => self.put('f'),
                    '\r' => self.put('r'),
                    '\u{1b}' => self.put('e'),
                    '"' => self.put('"'),
                    '\\' => self.put('\\'),
                    '\u{85}' => self.put('N'),
                    '\u{a0}' => self.put('_'),
                    '\u{2028}' => self.put('L'),
                    '\u{2029}' => self.put('P'),
                    _ => {
                        let (letter, width) = match code {
                            0..=0xff => ('x', 2),
                            0x100..=0xffff => ('u', 4),
                            _ => ('U', 8),
                        };
                        self.put(letter);
                        for digit in format!("{code:0width$X}").chars() {
                            self.put(digit);
                        }
                    }
                }
                spaces = false;
            } else if c == ' ' {
                let next_is_space = chars.peek().is_some_and(|(_, n)| *n == ' ');
                if allow_breaks
                    && !spaces
                    && self.column > YAML_WIDTH
                    && i > 0
                    && i + 1 < value.len()
                {
                    self.write_indent();
                    if next_is_space {
                        self.put('\\');
                    }
                } else {
                    self.put(c);
                }
                spaces = true;
            } else {
                self.put(c);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_literal(&mut self, value: &str) {
        self.write_indicator("|", true, false, false);
        if value.starts_with(' ') || value.starts_with(yaml_break) {
            self.write_indicator("2", false, false, false);
        }
        self.open_ended = false;
        let mut reversed = value.chars().rev();
        let chomp = match (reversed.next(), reversed.next()) {
            (Some(last), _) if !yaml_break(last) => Some("-"),
            (Some(_), None) => Some("+"),
            (Some(_), Some(before)) if yaml_break(before) => Some("+"),
            _ => None,
        };
        if let Some(chomp) = chomp {
            // libyaml marks "+" as open-ended, but writing the indicator clears that again.
            self.write_indicator(chomp, false, false, false);
        }
        self.put_break();
        self.indention = true;
        self.whitespace = true;
        let mut breaks = true;
        for c in value.chars() {
            if yaml_break(c) {
                if c == '\n' {
                    self.put_break();
                } else {
                    self.out.push(c);
                    self.column = 0;
                }
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(c);
                self.indention = false;
                breaks = false;
            }
        }
    }
}

pub(super) fn yaml_printable(c: char) -> bool {
    matches!(u32::from(c), 0x0a | 0x20..=0x7e | 0xa0..=0xd7ff | 0xe000..=0xfffd) && c != '\u{feff}'
}

pub(super) fn yaml_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// libyaml's `yaml_emitter_analyze_scalar`, reduced to the flags yamlencode's styles use.
pub(super) fn analyze_scalar(value: &str) -> ScalarAnalysis {
    if value.is_empty() {
        return ScalarAnalysis {
            multiline: false,
            block_plain_allowed: true,
            block_allowed: false,
        };
    }
    let mut block_indicators = value.starts_with("---") || value.starts_with("...");
    let (mut line_breaks, mut special) = (false, false);
    let (mut leading_space, mut leading_break) = (false, false);
    let (mut trailing_space, mut trailing_break) = (false, false);
    let (mut break_space, mut space_break) = (false, false);
    let (mut previous_space, mut previous_break) = (false, false);
    let mut preceded_by_whitespace = true;
    let chars: Vec<char> = value.chars().collect();
    let last = chars.len() - 1;
    for (i, &c) in chars.iter().enumerate() {
        let followed_by_whitespace = chars.get(i + 1).is_none_or(|n| matches!(n, ' ' | '\t'));
        if i == 0 {
            match c {
                '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"'
                | '%' | '@' | '`' => block_indicators = true,
                '?' | ':' | '-' if followed_by_whitespace => block_indicators = true,
                _ => {}
            }
        } else {
            match c {
                ':' if followed_by_whitespace => block_indicators = true,
                '#' if preceded_by_whitespace => block_indicators = true,
                _ => {}
            }
        }
        if !yaml_printable(c) {
            special = true;
        }
        if c == ' ' {
            leading_space |= i == 0;
            trailing_space |= i == last;
            break_space |= previous_break;
            previous_space = true;
            previous_break = false;
        } else if yaml_break(c) {
            line_breaks = true;
            leading_break |= i == 0;
            trailing_break |= i == last;
            space_break |= previous_space;
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = matches!(c, ' ' | '\t' | '\0') || yaml_break(c);
    }
    let mut block_plain_allowed = true;
    let mut block_allowed = true;
    if leading_space || leading_break || trailing_space || trailing_break || break_space {
        block_plain_allowed = false;
    }
    if trailing_space || space_break || special {
        block_allowed = false;
    }
    if space_break || special || line_breaks || block_indicators {
        block_plain_allowed = false;
    }
    ScalarAnalysis {
        multiline: line_breaks,
        block_plain_allowed,
        block_allowed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::terraform::functions::testing::*;

    #[test]
    fn yamlencode_matches_terraform() {
        let y = |v: Value| ok("yamlencode", vec![v]);
        assert_eq!(
            y(obj(&[("a", s("b")), ("c", s("d"))])),
            s("\"a\": \"b\"\n\"c\": \"d\"\n")
        );
        assert_eq!(
            y(obj(&[("foo", nums(&[1.0, 2.0, 3.0])), ("bar", s("baz"))])),
            s("\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n")
        );
        assert_eq!(
            y(obj(&[
                (
                    "foo",
                    list(vec![n(1.0), obj(&[("a", s("b")), ("c", s("d"))]), n(3.0)])
                ),
                ("bar", s("baz"))
            ])),
            s("\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n")
        );
        assert_eq!(
            y(obj(&[
                ("a", obj(&[("b", Value::Null), ("c", list(vec![]))])),
                ("d", obj(&[]))
            ])),
            s("\"a\":\n  \"b\": null\n  \"c\": []\n\"d\": {}\n")
        );
        assert_eq!(
            y(list(vec![strs(&["a", "b"])])),
            s("- - \"a\"\n  - \"b\"\n")
        );
        assert_eq!(y(n(1.0)), s("1\n...\n"));
        assert_eq!(y(s("foo")), s("\"foo\"\n"));
        assert_eq!(
            y(obj(&[("k", s("line1\nline2"))])),
            s("\"k\": |-\n  line1\n  line2\n")
        );
        assert_eq!(y(s("a\nb\n")), s("|\n  a\n  b\n"));
        assert_eq!(y(s(" x\n")), s("|2\n   x\n"));
        assert_eq!(y(s("tab\there\n")), s("\"tab\\there\\n\"\n"));
        assert_eq!(y(s("emoji 🎉")), s("\"emoji \\U0001F389\"\n"));
        let long = "word ".repeat(20);
        assert_eq!(
            y(obj(&[("k", s(long.trim_end()))])),
            s(&format!(
                "\"k\": \"{}\n  {}\"\n",
                "word ".repeat(16).trim_end(),
                "word ".repeat(4).trim_end()
            ))
        );
        assert_eq!(y(obj(&[("multi\nline", n(1.0))])), U);
    }

    #[test]
    fn yamldecode_resolves_like_terraform() {
        let y = |text: &str| ok("yamldecode", vec![s(text)]);
        assert_eq!(
            y(
                "hello: world\nlist: [1, 2.5, -3]\nflag: yes\no: off\nq: \"yes\"\nnil: ~\nn: 1\nhex: 0x1F\n\
               oct: 0o17\nlead: 0755\nund: 1_000\ndate: 2001-12-14\nyes: 1\ntext: |-\n  a\n  b\n"
            ),
            obj(&[
                ("date", s("2001-12-14T00:00:00Z")),
                ("flag", Value::Bool(true)),
                ("hello", s("world")),
                ("hex", n(31.0)),
                ("lead", n(755.0)),
                ("list", nums(&[1.0, 2.5, -3.0])),
                ("false", n(1.0)),
                ("nil", Value::Null),
                ("o", Value::Bool(false)),
                ("oct", n(15.0)),
                ("q", s("yes")),
                ("text", s("a\nb")),
                ("true", n(1.0)),
                ("und", s("1_000")),
            ])
        );
        assert_eq!(
            y("base: &b {a: 1, b: 2}\nderived:\n  <<: *b\n  b: 3\ny: yes\n"),
            obj(&[
                ("base", obj(&[("a", n(1.0)), ("b", n(2.0))])),
                ("derived", obj(&[("a", n(1.0)), ("b", n(3.0))])),
                ("true", Value::Bool(true))
            ])
        );
        assert_eq!(y(""), Value::Null);
        assert_eq!(y("---\ntrue"), Value::Bool(true));
        assert_eq!(
            y("- !!str 12\n- !!int \"7\"\n- !!float 1"),
            list(vec![s("12"), s("7"), n(1.0)])
        );
        assert_eq!(y("t: 2001-12-14t21:59:43.10-05:00"), U);
        assert_eq!(y("x: .inf"), U);
        fails("yamldecode", vec![s("---\ntrue\n---\nfalse")]);
        fails("yamldecode", vec![s("a: [")]);
        fails("yamldecode", vec![s("~: 1")]);
        fails("yamldecode", vec![s("x: .nan")]);
        fails(
            "yamldecode",
            vec![s(&format!("{}{}", "[".repeat(400), "]".repeat(400)))],
        );
    }
}
