//! Kubernetes manifests: multi-document YAML (and JSON, which is YAML) with a span on every node.
//!
//! Built on saphyr's `MarkedYaml`: every node carries a character-based marker, which is
//! converted to a byte offset here. Anchors and aliases are resolved by saphyr (with its
//! alias-expansion budget against "billion laughs"); `<<` merge keys are applied here.
//! Objects of a `*List` kind are unwrapped into one resource per item.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use saphyr::{MarkedYaml, Scalar, ScalarStyle, ScanError, Tag, YamlData, YamlLoader};
use serde_json::{Map, Value};

use crate::ir::{AttrPath, Document, InputKind, PathSegment, Resource, SpanMap};
use crate::parse::ParseError;
use crate::source::{SourceFile, Span};

/// Deepest nesting accepted. Real manifests stay far below; this bounds recursion on
/// crafted input (block nesting is unbounded in YAML, flow nesting is capped by saphyr).
const MAX_DEPTH: usize = 200;

/// Parses every document of a Kubernetes YAML or JSON file.
pub fn parse(file: Arc<SourceFile>) -> Result<Document, ParseError> {
    check_nesting(&file.text)?;
    match load_documents(&file.text) {
        Ok(docs) => build(&file, &file, &docs, None),
        Err(error) if is_quoted_indentation(&error) => {
            // Kubernetes (go-yaml, like libyaml) accepts what saphyr rejects here: read a
            // copy with those continuation lines re-indented, and map spans back.
            let (text, map, edits) = reindent_quoted_scalars(&file, error)?;
            let translated = SourceFile::new(file.display.clone(), text);
            let docs = load_documents(&translated.text)
                .map_err(|e| edited_yaml_error(&file, &translated, &e, &edits))?;
            let mapper = file.with_translation(map);
            build(&file, &translated, &docs, Some(&mapper))
        }
        Err(error) => Err(yaml_error(&file, &error)),
    }
}

fn yaml_error(file: &SourceFile, error: &ScanError) -> ParseError {
    let marker = error.marker();
    let offsets = Offsets::new(&file.text);
    let at = offsets.byte(file, marker.line(), marker.col());
    ParseError::new(
        format!("invalid YAML: {}", error.info()),
        Some(Span::new(at, at)),
    )
}

/// An error found in a re-indented copy of `file`, positioned in `file` itself.
fn edited_yaml_error(
    file: &SourceFile,
    edited: &SourceFile,
    error: &ScanError,
    edits: &[Edit],
) -> ParseError {
    let mut parse_error = yaml_error(edited, error);
    parse_error.span = parse_error.span.map(|span| {
        let at = original_offset(span.start, edits).min(file.text.len());
        let at = (0..=at)
            .rev()
            .find(|&i| file.text.is_char_boundary(i))
            .unwrap_or(0);
        Span::new(at, at)
    });
    parse_error
}

/// Builds the document of `file` from documents loaded from `parsed` (the file itself, or a
/// translation of it whose spans `mapper` maps back).
fn build(
    file: &Arc<SourceFile>,
    parsed: &SourceFile,
    docs: &[MarkedYaml<'_>],
    mapper: Option<&SourceFile>,
) -> Result<Document, ParseError> {
    let offsets = Offsets::new(&parsed.text);
    let converter = Converter {
        file: parsed,
        offsets: &offsets,
    };
    let remap = |result: Result<(Value, SpanMap), ParseError>| match mapper {
        None => result,
        Some(mapper) => {
            let span = |s: Span| mapper.parsed_span(s.start..s.end);
            match result {
                Ok((value, mut spans)) => {
                    spans.header = span(spans.header);
                    for value in spans.attributes.values_mut() {
                        *value = span(*value);
                    }
                    Ok((value, spans))
                }
                Err(mut error) => {
                    error.span = error.span.map(span);
                    Err(error)
                }
            }
        }
    };
    let mut document = Document::new(
        InputKind::Kubernetes,
        file.display.clone(),
        vec![file.clone()],
    );
    let mut seen: HashMap<String, usize> = HashMap::new();
    for node in docs {
        let (value, spans) = remap(converter.convert_root(node))?;
        if !is_object(&value) {
            continue; // an empty document (`---` at the end), or not a Kubernetes object
        }
        if is_list(&value) {
            if let Some(items) = mapping_get(node, "items") {
                if let YamlData::Sequence(items) = &items.data {
                    for item in items {
                        let (value, spans) = remap(converter.convert_root(item))?;
                        if is_object(&value) {
                            push_resource(&mut document, &mut seen, value, spans);
                        }
                    }
                }
            }
            continue;
        }
        push_resource(&mut document, &mut seen, value, spans);
    }
    Ok(document)
}

/// saphyr requires the continuation lines of a quoted scalar to be indented as far as the
/// block holding it; libyaml and go-yaml (what Kubernetes reads YAML with) do not look at
/// their indentation at all, since leading blanks of those lines are not content.
fn is_quoted_indentation(error: &ScanError) -> bool {
    error.info() == "invalid indentation in quoted scalar"
}

/// `(start, end, spaces)`: replaces `start..end` of the original text with `spaces` spaces.
type Edit = (usize, usize, usize);

/// Most quoted scalars re-indented in one file (each needs one more parse to find the next).
const MAX_REINDENTED: usize = 256;

/// A copy of `file`'s text where the continuation lines of each quoted scalar saphyr rejects
/// start at the column of the opening quote (their leading blanks, which are not content,
/// replaced by as many spaces), with a map from the copy back to the file.
fn reindent_quoted_scalars(
    file: &SourceFile,
    first_error: ScanError,
) -> Result<(String, crate::source::SourceMap, Vec<Edit>), ParseError> {
    // Edits on the original text: (start, end, spaces) replaces start..end with spaces.
    let mut edits: Vec<(usize, usize, usize)> = Vec::new();
    let mut error = first_error;
    for _ in 0..MAX_REINDENTED {
        let (text, _) = apply_edits(&file.text, &edits);
        let current = SourceFile::new(file.display.clone(), text);
        let offsets = Offsets::new(&current.text);
        let marker = error.marker();
        let quote_at = offsets.byte(&current, marker.line(), marker.col());
        let original_quote = original_offset(quote_at, &edits);
        let new_edits = quoted_continuations(&file.text, original_quote);
        if new_edits.is_empty() || new_edits.iter().any(|e| edits.contains(e)) {
            return Err(edited_yaml_error(file, &current, &error, &edits));
        }
        edits.extend(new_edits);
        edits.sort_unstable();
        let (text, map) = apply_edits(&file.text, &edits);
        let next = load_documents(&text).err();
        match next {
            Some(next) if is_quoted_indentation(&next) => error = next,
            // Parsed, or another error the caller reports from the copy.
            _ => return Ok((text, map, edits)),
        }
    }
    let (text, _) = apply_edits(&file.text, &edits);
    let current = SourceFile::new(file.display.clone(), text);
    Err(edited_yaml_error(file, &current, &error, &edits))
}

/// The edits that move each continuation line of the quoted scalar opening at `quote` to the
/// quote's column. Lines that are a document marker (`---`, `...`) are left alone, as a
/// YAML reader rejects them inside a scalar.
fn quoted_continuations(text: &str, quote: usize) -> Vec<(usize, usize, usize)> {
    let Some(kind @ ('"' | '\'')) = text.get(quote..).and_then(|t| t.chars().next()) else {
        return Vec::new();
    };
    let line_start = text
        .get(..quote)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let column = text.get(line_start..quote).map_or(0, |t| t.chars().count());
    let mut edits = Vec::new();
    let bytes = text.as_bytes();
    let mut i = quote + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' if kind == '"' => i += 2,
            b'\'' if kind == '\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b if b == kind as u8 => break,
            b'\n' => {
                let start = i + 1;
                let end = start
                    + bytes
                        .get(start..)
                        .unwrap_or_default()
                        .iter()
                        .take_while(|b| matches!(b, b' ' | b'\t'))
                        .count();
                let rest = text.get(end..).unwrap_or_default();
                let marker = end == start && (rest.starts_with("---") || rest.starts_with("..."));
                let blank = matches!(bytes.get(end), None | Some(b'\n' | b'\r'));
                if !marker && !blank && end - start < column {
                    edits.push((start, end, column));
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    edits
}

/// `text` with `edits` applied, and the map from the result back to `text`.
fn apply_edits(text: &str, edits: &[(usize, usize, usize)]) -> (String, crate::source::SourceMap) {
    let mut out = String::with_capacity(text.len() + edits.len() * 8);
    let mut map = crate::source::SourceMap::default();
    let mut copied = 0;
    map.anchor(0, 0);
    for &(start, end, spaces) in edits {
        out.push_str(text.get(copied..start).unwrap_or_default());
        map.anchor(out.len(), start);
        out.push_str(&" ".repeat(spaces));
        map.anchor(out.len(), end);
        copied = end;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    (out, map)
}

/// The offset in the original text of an offset in the edited one.
fn original_offset(offset: usize, edits: &[(usize, usize, usize)]) -> usize {
    let mut shift: isize = 0;
    for &(start, end, spaces) in edits {
        let edited_start = (start as isize + shift) as usize;
        if offset < edited_start {
            break;
        }
        shift += spaces as isize - (end - start) as isize;
    }
    (offset as isize - shift).max(0) as usize
}

/// Loads every document, keeping scalars unresolved so that [`resolve_scalar`] can apply the
/// YAML 1.1 rules Kubernetes uses (its YAML-to-JSON step is go-yaml v2): an unquoted `yes`,
/// `on` or `y` is `true` there, so `privileged: yes` is privileged.
fn load_documents(text: &str) -> Result<Vec<MarkedYaml<'_>>, ScanError> {
    let mut loader: YamlLoader<'_, MarkedYaml<'_>> = YamlLoader::default();
    loader.early_parse(false);
    let mut budgeted = AliasBudget {
        loader,
        open: Vec::new(),
        anchors: HashMap::new(),
        expanded: 0,
        error: None,
    };
    let mut parser = saphyr_parser::Parser::new_from_str(text);
    parser.load(&mut budgeted, true)?;
    if let Some(error) = budgeted.loader.error().cloned().or(budgeted.error) {
        return Err(error);
    }
    Ok(budgeted.loader.into_documents())
}

/// Most bytes alias expansion may add to a file (saphyr's own budget counts nodes, so one
/// large string behind a few levels of aliases could still take gigabytes).
const MAX_ALIAS_BYTES: u64 = 32 * 1024 * 1024;
/// What a node costs beyond its text.
const NODE_BYTES: u64 = 16;

/// Passes events to saphyr's loader while counting the bytes each anchor stands for, and
/// stops at the first alias that would expand the file past [`MAX_ALIAS_BYTES`], before the
/// loader copies it.
struct AliasBudget<'input> {
    loader: YamlLoader<'input, MarkedYaml<'input>>,
    /// Collections being read: (anchor id, bytes so far).
    open: Vec<(usize, u64)>,
    /// Bytes of each anchored node, its own aliases expanded.
    anchors: HashMap<usize, u64>,
    expanded: u64,
    error: Option<ScanError>,
}

impl<'input> saphyr_parser::SpannedEventReceiver<'input> for AliasBudget<'input> {
    fn on_event(&mut self, event: saphyr_parser::Event<'input>, span: saphyr_parser::Span) {
        use saphyr_parser::Event;
        if self.error.is_some() || self.loader.error().is_some() {
            return;
        }
        let added = match &event {
            Event::Scalar(text, _, anchor, _) => {
                let bytes = text.len() as u64 + NODE_BYTES;
                if *anchor > 0 {
                    self.anchors.insert(*anchor, bytes);
                }
                Some(bytes)
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                self.open.push((*anchor, NODE_BYTES));
                None
            }
            Event::SequenceEnd | Event::MappingEnd => self.open.pop().map(|(anchor, bytes)| {
                if anchor > 0 {
                    self.anchors.insert(anchor, bytes);
                }
                bytes
            }),
            Event::Alias(anchor) => {
                let bytes = self.anchors.get(anchor).copied().unwrap_or(NODE_BYTES);
                self.expanded = self.expanded.saturating_add(bytes);
                if self.expanded > MAX_ALIAS_BYTES {
                    self.error = Some(ScanError::new(
                        span.start,
                        format!(
                            "aliases expand to more than {} MiB (possible billion-laughs attack)",
                            MAX_ALIAS_BYTES / (1024 * 1024)
                        ),
                    ));
                    return;
                }
                Some(bytes)
            }
            _ => None,
        };
        if let (Some(bytes), Some((_, parent))) = (added, self.open.last_mut()) {
            *parent = parent.saturating_add(bytes);
        }
        self.loader.on_event(event, span);
    }
}

/// A Kubernetes object: a mapping with string `apiVersion` and `kind`.
fn is_object(value: &Value) -> bool {
    value.get("apiVersion").is_some_and(Value::is_string)
        && value.get("kind").is_some_and(Value::is_string)
}

fn is_list(value: &Value) -> bool {
    value
        .get("kind")
        .and_then(Value::as_str)
        .is_some_and(|k| k.ends_with("List"))
        && value.get("items").is_some_and(Value::is_array)
}

fn push_resource(
    document: &mut Document,
    seen: &mut HashMap<String, usize>,
    attributes: Value,
    spans: SpanMap,
) {
    let kind = attributes
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let metadata = attributes.get("metadata");
    let name = metadata
        .and_then(|m| m.get("name").or_else(|| m.get("generateName")))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let namespace = metadata
        .and_then(|m| m.get("namespace"))
        .filter(|n| n.is_string())
        .cloned()
        .unwrap_or(Value::Null);
    let mut address = match namespace.as_str() {
        Some(ns) => format!("{kind}/{ns}/{name}"),
        None => format!("{kind}/{name}"),
    };
    let count = seen.entry(address.clone()).or_insert(0);
    *count += 1;
    if *count > 1 {
        address = format!("{address}#{count}");
    }
    let file = document
        .files
        .first()
        .map(|f| f.display.clone())
        .unwrap_or_default();
    let mut resource = Resource::new(address, kind, name, file, attributes, spans);
    resource.namespace = Some(namespace);
    document.resources.push(resource);
}

fn mapping_get<'a, 'i>(node: &'a MarkedYaml<'i>, key: &str) -> Option<&'a MarkedYaml<'i>> {
    match &node.data {
        YamlData::Mapping(map) => map
            .iter()
            .find(|(k, _)| scalar_key(k).as_deref() == Some(key))
            .map(|(_, v)| v),
        YamlData::Tagged(_, inner) => mapping_get(inner, key),
        _ => None,
    }
}

/// The string form of a scalar mapping key (`1: x` has key "1", as Kubernetes' JSON would).
fn scalar_key(node: &MarkedYaml<'_>) -> Option<String> {
    match &node.data {
        YamlData::Value(scalar) => Some(match scalar {
            Scalar::Null => "null".to_string(),
            Scalar::Boolean(b) => b.to_string(),
            Scalar::Integer(i) => i.to_string(),
            Scalar::FloatingPoint(f) => f.to_string(),
            Scalar::String(s) => s.to_string(),
        }),
        YamlData::Representation(text, _, _) => Some(text.to_string()),
        YamlData::Tagged(_, inner) => scalar_key(inner),
        _ => None,
    }
}

/// Rejects block nesting deeper than [`MAX_DEPTH`] before saphyr builds (and later drops,
/// recursively) a tree that deep. Block nesting needs at least one column of indentation or
/// one `- `/`? `/`: ` indicator per level, so the structural prefix of a line bounds it.
fn check_nesting(text: &str) -> Result<(), ParseError> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let prefix = line
            .bytes()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'-' | b'?' | b':'))
            .count();
        if prefix > MAX_DEPTH * 4 {
            return Err(ParseError::new(
                format!("nesting is too deep (more than {MAX_DEPTH} levels)"),
                Some(Span::new(offset, offset)),
            ));
        }
        offset += line.len();
    }
    Ok(())
}

/// Converts saphyr's character markers to byte offsets in linear time overall.
struct Offsets {
    /// Byte offset of every 64th character; empty when the text is ASCII (bytes = chars).
    checkpoints: Vec<usize>,
}

const CHECKPOINT_EVERY: usize = 64;

impl Offsets {
    fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Offsets {
                checkpoints: Vec::new(),
            };
        }
        let checkpoints = text
            .char_indices()
            .step_by(CHECKPOINT_EVERY)
            .map(|(i, _)| i)
            .collect();
        Offsets { checkpoints }
    }

    /// Byte offset of a saphyr marker (1-based line, 0-based character column).
    fn byte(&self, file: &SourceFile, line: usize, col: usize) -> usize {
        if self.checkpoints.is_empty() {
            return (file.line_start(line) + col).min(file.text.len());
        }
        file.offset_of(line, col)
    }

    /// Byte offset of a saphyr character index from the start of the stream.
    fn char_to_byte(&self, text: &str, index: usize) -> usize {
        if self.checkpoints.is_empty() {
            return index.min(text.len());
        }
        let last = self.checkpoints.len().saturating_sub(1);
        let checkpoint = (index / CHECKPOINT_EVERY).min(last);
        let base = self.checkpoints.get(checkpoint).copied().unwrap_or(0);
        let skip = index.saturating_sub(checkpoint * CHECKPOINT_EVERY);
        text.get(base..)
            .and_then(|rest| rest.char_indices().nth(skip).map(|(i, _)| base + i))
            .unwrap_or(text.len())
    }
}

struct Converter<'a> {
    file: &'a SourceFile,
    offsets: &'a Offsets,
}

impl Converter<'_> {
    fn convert_root(&self, node: &MarkedYaml<'_>) -> Result<(Value, SpanMap), ParseError> {
        let start = self.start(node);
        let mut spans = SpanMap::new(self.first_line(start, self.end(node)));
        let mut path = AttrPath::new();
        let value = self.convert(node, &mut path, &mut spans, 0)?;
        Ok((value, spans))
    }

    fn start(&self, node: &MarkedYaml<'_>) -> usize {
        self.offsets
            .char_to_byte(&self.file.text, node.span.start.index())
    }

    fn end(&self, node: &MarkedYaml<'_>) -> usize {
        self.offsets
            .char_to_byte(&self.file.text, node.span.end.index())
    }

    /// `start..end`, cut at the end of the start line, so a label underlines one line.
    fn first_line(&self, start: usize, end: usize) -> Span {
        let line_end = self
            .file
            .text
            .get(start..)
            .and_then(|rest| rest.find('\n'))
            .map_or(self.file.text.len(), |i| start + i);
        Span::new(start, end.min(line_end))
    }

    fn convert(
        &self,
        node: &MarkedYaml<'_>,
        path: &mut AttrPath,
        spans: &mut SpanMap,
        depth: usize,
    ) -> Result<Value, ParseError> {
        if depth > MAX_DEPTH {
            let at = self.start(node);
            return Err(ParseError::new(
                format!("nesting is too deep (more than {MAX_DEPTH} levels)"),
                Some(Span::new(at, at)),
            ));
        }
        Ok(match &node.data {
            YamlData::Value(scalar) => scalar_value(scalar),
            YamlData::Representation(text, style, tag) => {
                resolve_scalar(text, *style, tag.as_deref())
            }
            YamlData::Tagged(_, inner) => self.convert(inner, path, spans, depth + 1)?,
            YamlData::Sequence(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    path.push(PathSegment::Index(i));
                    let span = self.first_line(self.start(item), self.end(item));
                    spans.attributes.insert(path.clone(), span);
                    out.push(self.convert(item, path, spans, depth + 1)?);
                    path.pop();
                }
                Value::Array(out)
            }
            YamlData::Mapping(map) => self.convert_mapping(map, path, spans, depth)?,
            YamlData::Alias(_) | YamlData::BadValue => Value::Null,
        })
    }

    fn convert_mapping<'i>(
        &self,
        map: &saphyr::AnnotatedMapping<'i, MarkedYaml<'i>>,
        path: &mut AttrPath,
        spans: &mut SpanMap,
        depth: usize,
    ) -> Result<Value, ParseError> {
        let mut out = Map::new();
        let explicit: HashSet<String> = map
            .keys()
            .filter_map(scalar_key)
            .filter(|k| k != "<<")
            .collect();
        for (key, value) in map {
            let Some(name) = scalar_key(key) else {
                continue; // complex keys (`? [a, b]`) have no JSON form; Kubernetes rejects them
            };
            if name == "<<" {
                self.merge(value, &explicit, &mut out, path, spans, depth)?;
                continue;
            }
            path.push(PathSegment::Key(name.clone()));
            let span = Span::new(self.start(key), self.value_end(key, value));
            spans.attributes.insert(path.clone(), span);
            let converted = self.convert(value, path, spans, depth + 1)?;
            path.pop();
            out.insert(name, converted);
        }
        Ok(Value::Object(out))
    }

    /// Applies a `<<` merge key: keys of the merged mapping(s) that the mapping does not set
    /// itself; with a sequence of mappings, earlier mappings win (YAML merge-key semantics).
    fn merge(
        &self,
        source: &MarkedYaml<'_>,
        explicit: &HashSet<String>,
        out: &mut Map<String, Value>,
        path: &mut AttrPath,
        spans: &mut SpanMap,
        depth: usize,
    ) -> Result<(), ParseError> {
        let sources: Vec<&MarkedYaml<'_>> = match &source.data {
            YamlData::Sequence(items) => items.iter().collect(),
            _ => vec![source],
        };
        for merged in sources {
            let YamlData::Mapping(map) = &merged.data else {
                continue;
            };
            for (key, value) in map {
                let Some(name) = scalar_key(key) else {
                    continue;
                };
                if explicit.contains(&name) || out.contains_key(&name) {
                    continue;
                }
                path.push(PathSegment::Key(name.clone()));
                let span = Span::new(self.start(key), self.value_end(key, value));
                spans.attributes.insert(path.clone(), span);
                let converted = self.convert(value, path, spans, depth + 1)?;
                path.pop();
                out.insert(name, converted);
            }
        }
        Ok(())
    }

    /// Where a `key: value` pair ends for underlining: the end of a scalar value on the key's
    /// line, else the end of the key.
    fn value_end(&self, key: &MarkedYaml<'_>, value: &MarkedYaml<'_>) -> usize {
        let key_span = self.first_line(self.start(key), self.end(key));
        match &value.data {
            YamlData::Value(_) | YamlData::Representation(..) => {
                let line = self.first_line(key_span.start, usize::MAX);
                self.end(value).min(line.end).max(key_span.end)
            }
            _ => key_span.end,
        }
    }
}

/// Resolves a scalar the way Kubernetes' YAML decoder (go-yaml v2, YAML 1.1) does: quoted and
/// block scalars and `!!str` are strings; plain scalars may be null, booleans (including
/// `yes`/`no`/`on`/`off`/`y`/`n`), integers (`0x`, `0b`, `0o`, leading-zero octal, `_`
/// separators) or floats.
fn resolve_scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Value {
    let core = tag.filter(|t| t.handle == "tag:yaml.org,2002:" || t.handle == "!!");
    if tag.is_some() && core.is_none() {
        return Value::String(text.to_string()); // a custom tag: keep the text
    }
    if core.is_some_and(|t| t.suffix == "str") || style != ScalarStyle::Plain {
        return Value::String(text.to_string());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return Value::Bool(true);
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return Value::Bool(false);
        }
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF"
        | ".nan" | ".NaN" | ".NAN" => return Value::String(text.to_string()),
        _ => {}
    }
    if let Some(int) = parse_yaml11_int(text) {
        return Value::from(int);
    }
    let plain_float = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-' | '_'))
        && text.chars().any(|c| c.is_ascii_digit());
    if plain_float {
        if let Some(number) = text
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
        {
            return Value::Number(number);
        }
    }
    Value::String(text.to_string())
}

fn parse_yaml11_int(text: &str) -> Option<i64> {
    let cleaned = text.replace('_', "");
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    if digits.is_empty() {
        return None;
    }
    let (radix, body) = if let Some(hex) = digits.strip_prefix("0x") {
        (16, hex)
    } else if let Some(bin) = digits.strip_prefix("0b") {
        (2, bin)
    } else if let Some(oct) = digits.strip_prefix("0o") {
        (8, oct)
    } else if digits.len() > 1 && digits.starts_with('0') {
        (8, digits.get(1..).unwrap_or_default())
    } else {
        (10, digits)
    };
    if body.is_empty() || !body.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let value = i64::from_str_radix(body, radix).ok()?;
    Some(if negative { -value } else { value })
}

fn scalar_value(scalar: &Scalar<'_>) -> Value {
    match scalar {
        Scalar::Null => Value::Null,
        Scalar::Boolean(b) => Value::Bool(*b),
        Scalar::Integer(i) => Value::from(*i),
        Scalar::FloatingPoint(f) => serde_json::Number::from_f64(f.into_inner())
            .map_or_else(|| Value::String(f.to_string()), Value::Number),
        Scalar::String(s) => Value::String(s.to_string()),
    }
}

/// Every document of a YAML or JSON file as JSON, with the span of every path from the
/// document's root (for inputs that are JSON documents with their own structure, like
/// `terraform show -json` plans).
pub fn spanned_documents(file: &SourceFile) -> Result<Vec<(Value, SpanMap)>, ParseError> {
    check_nesting(&file.text)?;
    let offsets = Offsets::new(&file.text);
    let docs = load_documents(&file.text).map_err(|e| {
        let at = offsets.byte(file, e.marker().line(), e.marker().col());
        ParseError::new(
            format!("invalid JSON/YAML: {}", e.info()),
            Some(Span::new(at, at)),
        )
    })?;
    let converter = Converter {
        file,
        offsets: &offsets,
    };
    docs.iter()
        .map(|node| converter.convert_root(node))
        .collect()
}

/// Parses the first document of a YAML text into JSON (used for rule METADATA blocks).
pub fn yaml_to_json(text: &str) -> Result<Value, ParseError> {
    let file = SourceFile::new("<yaml>", text);
    check_nesting(text)?;
    let docs = load_documents(text).map_err(|e| {
        ParseError::new(
            format!(
                "invalid YAML at line {}, column {}: {}",
                e.marker().line(),
                e.marker().col() + 1,
                e.info()
            ),
            None,
        )
    })?;
    let offsets = Offsets::new(text);
    let converter = Converter {
        file: &file,
        offsets: &offsets,
    };
    match docs.first() {
        Some(node) => converter.convert_root(node).map(|(value, _)| value),
        None => Ok(Value::Null),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn attributes(yaml: &str) -> Vec<Value> {
        let file = Arc::new(SourceFile::new("t.yaml", yaml));
        parse(file)
            .unwrap()
            .resources
            .into_iter()
            .map(|r| r.attributes)
            .collect()
    }

    #[test]
    fn scalars_resolve_like_kubernetes_yaml_1_1() {
        let docs = attributes(
            "apiVersion: v1\nkind: X\ndata:\n  a: yes\n  b: \"yes\"\n  c: off\n  d: 0755\n  e: 0x1F\n  f: 1_000\n  g: 1.5\n  h: ~\n  i: !!str 12\n  j: '12'\n  k: 12abc\n  l: -3\n",
        );
        assert_eq!(
            docs[0]["data"],
            json!({"a": true, "b": "yes", "c": false, "d": 493, "e": 31, "f": 1000, "g": 1.5, "h": null, "i": "12", "j": "12", "k": "12abc", "l": -3})
        );
    }

    #[test]
    fn documents_lists_anchors_and_merge_keys() {
        let yaml = "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a, namespace: ns}\n    spec: &s {x: 1, y: 2}\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: b}\n    spec:\n      <<: *s\n      y: 3\n---\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n";
        let file = Arc::new(SourceFile::new("t.yaml", yaml));
        let document = parse(file.clone()).unwrap();
        let addresses: Vec<&str> = document
            .resources
            .iter()
            .map(|r| r.address.as_str())
            .collect();
        assert_eq!(addresses, vec!["Pod/ns/a", "Pod/b", "Pod/b#2"]);
        assert_eq!(
            document.resources[1].attributes["spec"],
            json!({"x": 1, "y": 3})
        );
        // The merged key keeps the span of where it is written (the anchor), the override its own.
        let spans = &document.resources[1].spans;
        let x = spans.resolve(&[
            PathSegment::Key("spec".into()),
            PathSegment::Key("x".into()),
        ]);
        let y = spans.resolve(&[
            PathSegment::Key("spec".into()),
            PathSegment::Key("y".into()),
        ]);
        assert_eq!(
            (file.position(x.start).line, file.position(y.start).line),
            (7, 13)
        );
        assert_eq!(document.resources[0].namespace, Some(json!("ns")));
        assert_eq!(document.resources[1].namespace, Some(Value::Null));
    }

    #[test]
    fn non_ascii_columns_become_byte_offsets() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: \"é名\", labels: {ü: x}}\n";
        let file = Arc::new(SourceFile::new("t.yaml", yaml));
        let document = parse(file.clone()).unwrap();
        let span = document.resources[0].spans.resolve(&[
            PathSegment::Key("metadata".into()),
            PathSegment::Key("labels".into()),
            PathSegment::Key("ü".into()),
        ]);
        assert_eq!(file.text.get(span.start..span.end), Some("ü: x"));
    }

    #[test]
    fn duplicate_keys_and_syntax_errors_are_parse_errors_with_a_location() {
        let error = parse(Arc::new(SourceFile::new(
            "t.yaml",
            "apiVersion: v1\nkind: Pod\nkind: Pod\n",
        )))
        .unwrap_err();
        assert!(error.message.contains("duplicate"), "{}", error.message);
        let text = "apiVersion: v1\nkind: Pod\nspec: [a, b\n";
        let error = parse(Arc::new(SourceFile::new("t.yaml", text))).unwrap_err();
        assert!(error.span.is_some());
    }
}
