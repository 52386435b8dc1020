//! Terraform's JSON syntax (`.tf.json`, `.tfvars.json`), translated into native syntax.
//!
//! Terraform defines its JSON syntax in terms of the native one: a JSON string in an
//! expression position is a string template, objects nest block labels, and whether a
//! property is an argument or a nested block comes from the block's schema. tenet translates
//! each JSON file into the native-syntax text that means the same thing and parses that with
//! the one HCL parser, so the evaluator, references and modules are shared by both syntaxes.
//! A [`SourceMap`] records, for every key, value and block of the translation, where it came
//! from in the JSON file, so spans still point into the file the user wrote.
//!
//! Provider schemas are not available offline, so for the bodies of resources, data sources
//! and providers a JSON object is read as a nested block when its name is not a known map
//! argument (`tags`, `labels`, …) and all its keys are lowercase argument names; otherwise it
//! is a map argument. A JSON array of such objects is a sequence of nested blocks.

use crate::source::{SourceMap, Span};

/// Deepest nesting of JSON arrays and objects accepted (deeper input is rejected, never a
/// stack overflow).
const MAX_DEPTH: usize = 128;

/// A JSON syntax error, or JSON that is not a valid Terraform configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub message: String,
    /// Byte offset in the JSON text.
    pub offset: usize,
}

impl JsonError {
    fn new(message: impl Into<String>, offset: usize) -> Self {
        JsonError {
            message: message.into(),
            offset,
        }
    }
}

/// Native-syntax text and the map from its offsets back to the JSON file.
#[derive(Debug)]
pub struct Translation {
    pub text: String,
    pub map: SourceMap,
}

/// Translates a `.tf.json` configuration file.
pub fn translate_configuration(json: &str) -> Result<Translation, JsonError> {
    let root = parse(json)?;
    let Json::Object(members) = &root.value else {
        return Err(JsonError::new(
            "the root of a Terraform JSON file must be an object",
            root.span.start,
        ));
    };
    let mut writer = Writer::default();
    for member in members {
        if member.key == "//" {
            continue;
        }
        let Some((labels, schema)) = top_level_block(&member.key) else {
            return Err(JsonError::new(
                format!("unsupported block type \"{}\"", member.key),
                member.key_span.start,
            ));
        };
        let mut stack = Vec::new();
        writer.blocks(
            &member.key,
            member.key_span.start,
            &member.value,
            labels,
            &mut stack,
            schema,
        )?;
    }
    Ok(writer.finish())
}

/// Translates a `.tfvars.json` file: one object of variable values, all literal.
pub fn translate_variables(json: &str) -> Result<Translation, JsonError> {
    let root = parse(json)?;
    let Json::Object(members) = &root.value else {
        return Err(JsonError::new(
            "the root of a tfvars JSON file must be an object",
            root.span.start,
        ));
    };
    let mut writer = Writer::default();
    for member in members.iter().filter(|m| m.key != "//") {
        writer.attribute(member, Mode::Literal)?;
    }
    Ok(writer.finish())
}

// ---------------------------------------------------------------------------------------
// JSON with spans

#[derive(Debug)]
struct Node {
    value: Json,
    span: Span,
}

#[derive(Debug)]
enum Json {
    Null,
    Bool(bool),
    /// The number as written (JSON number syntax is valid HCL number syntax).
    Number(String),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

#[derive(Debug)]
struct Member {
    key: String,
    key_span: Span,
    value: Node,
}

fn parse(text: &str) -> Result<Node, JsonError> {
    let mut parser = Parser { text, at: 0 };
    if text.starts_with('\u{feff}') {
        parser.at = '\u{feff}'.len_utf8();
    }
    parser.skip_whitespace();
    let node = parser.value(0)?;
    parser.skip_whitespace();
    if parser.at < text.len() {
        return Err(JsonError::new(
            "unexpected text after the JSON value",
            parser.at,
        ));
    }
    Ok(node)
}

struct Parser<'t> {
    text: &'t str,
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<(), JsonError> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.unexpected(what))
        }
    }

    fn unexpected(&self, expected: &str) -> JsonError {
        match self
            .text
            .get(self.at..)
            .and_then(|rest| rest.chars().next())
        {
            Some(c) => JsonError::new(format!("expected {expected}, found {c:?}"), self.at),
            None => JsonError::new(
                format!("expected {expected}, found the end of the file"),
                self.at,
            ),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, JsonError> {
        let start = self.at;
        let value = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Json::String(self.string()?),
            Some(b't') => self.keyword("true", Json::Bool(true))?,
            Some(b'f') => self.keyword("false", Json::Bool(false))?,
            Some(b'n') => self.keyword("null", Json::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            _ => return Err(self.unexpected("a JSON value")),
        };
        Ok(Node {
            value,
            span: Span::new(start, self.at),
        })
    }

    fn keyword(&mut self, word: &str, value: Json) -> Result<Json, JsonError> {
        if self
            .text
            .get(self.at..)
            .is_some_and(|r| r.starts_with(word))
        {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.unexpected("a JSON value"))
        }
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        let bytes = self.text.as_bytes();
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        let mut at = self.at;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        if bytes.get(at) == Some(&b'0') {
            at += 1;
        } else if !digits(&mut at) {
            return Err(JsonError::new("invalid number", start));
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            if !digits(&mut at) {
                return Err(JsonError::new("invalid number", start));
            }
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            if !digits(&mut at) {
                return Err(JsonError::new("invalid number", start));
            }
        }
        self.at = at;
        Ok(Json::Number(self.text[start..at].to_string()))
    }

    fn string(&mut self) -> Result<String, JsonError> {
        let start = self.at;
        self.expect(b'"', "a string")?;
        let mut out = String::new();
        loop {
            let Some(rest) = self.text.get(self.at..) else {
                return Err(JsonError::new("unterminated string", start));
            };
            let Some(c) = rest.chars().next() else {
                return Err(JsonError::new("unterminated string", start));
            };
            match c {
                '"' => {
                    self.at += 1;
                    return Ok(out);
                }
                '\\' => {
                    self.at += 1;
                    let escape = self.peek();
                    self.at += 1;
                    match escape {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => out.push(self.unicode_escape()?),
                        _ => return Err(JsonError::new("invalid escape in string", self.at - 2)),
                    }
                }
                c if (c as u32) < 0x20 => {
                    return Err(JsonError::new(
                        "control character in string (write it as an escape)",
                        self.at,
                    ));
                }
                c => {
                    out.push(c);
                    self.at += c.len_utf8();
                }
            }
        }
    }

    /// The four hex digits after `\u` (and a following low surrogate); a lone surrogate
    /// becomes U+FFFD, as Go's JSON decoder (Terraform's) does.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first)
            && self
                .text
                .get(self.at..)
                .is_some_and(|r| r.starts_with("\\u"))
        {
            let saved = self.at;
            self.at += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            self.at = saved;
        }
        Ok(char::from_u32(first).unwrap_or('\u{fffd}'))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| JsonError::new("invalid \\u escape in string", self.at))?;
        let code = u32::from_str_radix(digits, 16)
            .map_err(|_| JsonError::new("invalid \\u escape in string", self.at))?;
        self.at += 4;
        Ok(code)
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.enter(depth)?;
        self.at += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.unexpected("',' or ']'")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.enter(depth)?;
        self.at += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_whitespace();
            let key_start = self.at;
            let key = self.string()?;
            let key_span = Span::new(key_start, self.at);
            self.skip_whitespace();
            self.expect(b':', "':'")?;
            self.skip_whitespace();
            let value = self.value(depth + 1)?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(members));
                }
                _ => return Err(self.unexpected("',' or '}'")),
            }
        }
    }

    fn enter(&self, depth: usize) -> Result<(), JsonError> {
        if depth >= MAX_DEPTH {
            Err(JsonError::new(
                format!("JSON nested deeper than {MAX_DEPTH} levels"),
                self.at,
            ))
        } else {
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------------------
// Schemas: what each property of a block body is

/// The kinds of block body whose properties tenet tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Schema {
    /// `resource` and `data`: meta-arguments, then the provider's schema.
    Resource,
    /// A provider-defined body (a `provider` block, nested blocks of resources).
    Provider,
    /// A `module` call: meta-arguments; every other property is an input expression.
    ModuleCall,
    /// `locals`: every property is an expression.
    Locals,
    Variable,
    Output,
    Terraform,
    Lifecycle,
    Provisioner,
    Dynamic,
    Moved,
    Import,
    Removed,
    Check,
    /// Only arguments, evaluated as templates (`connection`, `validation`, `precondition`).
    Arguments,
    /// The `cloud` block: literal arguments and a `workspaces` block.
    Cloud,
    /// Only literal arguments (`backend`, `required_providers`, `workspaces`).
    Literal,
}

/// The block types of a Terraform file: (number of labels, body schema).
fn top_level_block(name: &str) -> Option<(usize, Schema)> {
    Some(match name {
        "resource" | "data" => (2, Schema::Resource),
        "module" => (1, Schema::ModuleCall),
        "provider" => (1, Schema::Provider),
        "variable" => (1, Schema::Variable),
        "output" => (1, Schema::Output),
        "locals" => (0, Schema::Locals),
        "terraform" => (0, Schema::Terraform),
        "moved" => (0, Schema::Moved),
        "import" => (0, Schema::Import),
        "removed" => (0, Schema::Removed),
        "check" => (1, Schema::Check),
        "ephemeral" | "action" => (2, Schema::Resource),
        _ => return None,
    })
}

/// How a string is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// A string template: `"${var.name}-logs"`.
    Template,
    /// A literal string (tfvars, variable defaults, module `source`).
    Literal,
}

/// What one property of a block body is.
enum Property {
    Argument(Mode),
    /// A string holding a reference: `"provider": "aws.west"`.
    Reference,
    /// An array of reference strings: `depends_on`, `ignore_changes`.
    References,
    /// A string holding a type constraint: `"type": "list(string)"`.
    TypeConstraint,
    /// `"providers": {"aws": "aws.west"}` of a module call.
    ProviderMap,
    Block(usize, Schema),
    Skip,
}

/// Map arguments that hold lowercase keys often enough to look like nested blocks.
const MAP_ARGUMENTS: [&str; 12] = [
    "tags",
    "tags_all",
    "labels",
    "annotations",
    "variables",
    "environment_variables",
    "triggers",
    "parameters",
    // The Kubernetes provider's config maps, secrets and pod specs.
    "data",
    "binary_data",
    "string_data",
    "node_selector",
];

fn property(schema: Schema, name: &str, value: &Node) -> Property {
    use Property::{Argument, Block, Reference, References, Skip};
    use Schema as S;
    // `//` properties are comments in every object that is a block body.
    if name == "//" {
        return Skip;
    }
    let template = Argument(Mode::Template);
    match (schema, name) {
        (S::Resource, "provider") => Reference,
        (S::Resource | S::ModuleCall | S::Output, "depends_on") => References,
        (S::Resource | S::Removed, "lifecycle") => Block(0, S::Lifecycle),
        (S::Resource | S::Removed, "provisioner") => Block(1, S::Provisioner),
        (S::Resource | S::Removed | S::Provisioner, "connection") => Block(0, S::Arguments),
        (S::Resource | S::Provider, "dynamic") => Block(1, S::Dynamic),
        (S::Resource, "count" | "for_each") => template,
        (S::Resource | S::Provider, _) => provider_property(name, value),
        (S::ModuleCall, "source" | "version") => Argument(Mode::Literal),
        (S::ModuleCall, "providers") => Property::ProviderMap,
        (S::ModuleCall | S::Locals | S::Arguments, _) => template,
        (S::Variable, "type") => Property::TypeConstraint,
        (S::Variable, "default") => Argument(Mode::Literal),
        (S::Variable, "validation") => Block(0, S::Arguments),
        (S::Output, "precondition") => Block(0, S::Arguments),
        (S::Terraform, "backend" | "provider_meta") => Block(1, S::Literal),
        (S::Terraform, "required_providers") => Block(0, S::Literal),
        (S::Terraform, "cloud") => Block(0, S::Cloud),
        (S::Cloud, "workspaces") => Block(0, S::Literal),
        (S::Terraform | S::Cloud | S::Literal, _) => Argument(Mode::Literal),
        (S::Lifecycle, "ignore_changes" | "replace_triggered_by") => References,
        (S::Lifecycle, "precondition" | "postcondition") => Block(0, S::Arguments),
        (S::Provisioner, "when" | "on_failure") => Reference,
        (S::Dynamic, "iterator") => Reference,
        (S::Dynamic, "content") => Block(0, S::Provider),
        (S::Moved, "from" | "to") | (S::Import, "to" | "provider") | (S::Removed, "from") => {
            Reference
        }
        (S::Check, "data") => Block(2, S::Resource),
        (S::Check, "assert") => Block(0, S::Arguments),
        _ => template,
    }
}

/// A provider-defined property: a nested block when its value looks like a block body.
fn provider_property(name: &str, value: &Node) -> Property {
    // The AWS provider's `default_tags` and `ignore_tags` are blocks despite their suffix.
    let known_block = ["default_tags", "ignore_tags"].contains(&name);
    let is_map_argument = MAP_ARGUMENTS.contains(&name)
        || (!known_block
            && ["_tags", "_labels", "_annotations", "_variables"]
                .iter()
                .any(|suffix| name.ends_with(suffix)));
    let looks_like_body = |node: &Node| match &node.value {
        Json::Object(members) => {
            !members.is_empty()
                && members
                    .iter()
                    .all(|m| m.key == "//" || is_argument_name(&m.key))
        }
        _ => false,
    };
    let block = !is_map_argument
        && match &value.value {
            Json::Object(_) => looks_like_body(value),
            Json::Array(items) => !items.is_empty() && items.iter().all(looks_like_body),
            _ => false,
        };
    if block {
        Property::Block(0, Schema::Provider)
    } else {
        Property::Argument(Mode::Template)
    }
}

/// A provider's argument names: lowercase letters, digits and underscores.
fn is_argument_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// An HCL identifier (what may stand on the left of `=` in a body).
fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// `aws.west`, `aws_s3_bucket.logs[0].id`, `test.a[count.index]`, `module.x["a"]`: names
/// joined by dots, each followed by index expressions. Anything else (a newline, braces, an
/// operator outside brackets) is rejected, so a reference string never becomes other syntax.
fn is_traversal(text: &str) -> bool {
    let mut rest = text;
    loop {
        let name_end = rest.find(['.', '[']).unwrap_or(rest.len());
        if !is_identifier(&rest[..name_end]) {
            return false;
        }
        rest = &rest[name_end..];
        while rest.starts_with('[') {
            let Some(close) = index_end(rest) else {
                return false;
            };
            rest = &rest[close + 1..];
        }
        match rest.strip_prefix('.') {
            Some(next) => rest = next,
            None => return rest.is_empty(),
        }
    }
}

/// The position of the `]` closing the index that `text` starts with: a number, a quoted
/// key, or a traversal such as `count.index`.
fn index_end(text: &str) -> Option<usize> {
    let close = text.find(']')?;
    let inner = text[1..close].trim();
    let number = !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit());
    let key = inner.len() >= 2
        && inner.starts_with('"')
        && inner.ends_with('"')
        && !inner[1..inner.len() - 1].contains(['"', '\\', '\n', '$', '%']);
    (number || key || is_traversal(inner)).then_some(close)
}

// ---------------------------------------------------------------------------------------
// Writing native syntax

#[derive(Default)]
struct Writer {
    out: String,
    map: SourceMap,
}

impl Writer {
    fn finish(self) -> Translation {
        Translation {
            text: self.out,
            map: self.map,
        }
    }

    /// Records that the next byte written comes from `json_offset`.
    fn anchor(&mut self, json_offset: usize) {
        self.map.anchor(self.out.len(), json_offset);
    }

    /// Writes the blocks a property holds: label objects nest, arrays repeat.
    fn blocks(
        &mut self,
        kind: &str,
        header_start: usize,
        value: &Node,
        labels_left: usize,
        labels: &mut Vec<String>,
        schema: Schema,
    ) -> Result<(), JsonError> {
        match &value.value {
            Json::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let start = if i == 0 {
                        header_start
                    } else {
                        item.span.start
                    };
                    self.blocks(kind, start, item, labels_left, labels, schema)?;
                }
                Ok(())
            }
            Json::Object(members) if labels_left > 0 => {
                for member in members {
                    if member.key == "//" {
                        continue;
                    }
                    labels.push(member.key.clone());
                    let result = self.blocks(
                        kind,
                        member.key_span.start,
                        &member.value,
                        labels_left - 1,
                        labels,
                        schema,
                    );
                    labels.pop();
                    result?;
                }
                Ok(())
            }
            Json::Object(members) => {
                let open = value.span.start;
                self.map
                    .header(self.out.len(), Span::new(header_start, open + 1));
                self.anchor(header_start);
                self.out.push_str(kind);
                for label in labels.iter() {
                    self.out.push(' ');
                    push_literal(&mut self.out, label);
                }
                self.out.push_str(" {");
                self.anchor(open + 1);
                self.out.push('\n');
                self.body(members, schema)?;
                self.anchor(value.span.end.saturating_sub(1));
                self.out.push_str("}\n");
                self.anchor(value.span.end);
                Ok(())
            }
            _ => Err(JsonError::new(
                format!("\"{kind}\" must be an object or an array of objects (a block)"),
                value.span.start,
            )),
        }
    }

    fn body(&mut self, members: &[Member], schema: Schema) -> Result<(), JsonError> {
        for member in members {
            match property(schema, &member.key, &member.value) {
                Property::Skip => {}
                Property::Block(labels, nested) => {
                    if !is_identifier(&member.key) {
                        return Err(invalid_name(member));
                    }
                    let mut stack = Vec::new();
                    self.blocks(
                        &member.key,
                        member.key_span.start,
                        &member.value,
                        labels,
                        &mut stack,
                        nested,
                    )?;
                }
                Property::Argument(mode) => self.attribute(member, mode)?,
                special => {
                    self.key(member)?;
                    self.special(&member.value, &special)?;
                    self.out.push('\n');
                }
            }
        }
        Ok(())
    }

    fn key(&mut self, member: &Member) -> Result<(), JsonError> {
        if !is_identifier(&member.key) {
            return Err(invalid_name(member));
        }
        self.anchor(member.key_span.start);
        self.out.push_str(&member.key);
        self.anchor(member.key_span.end);
        self.out.push_str(" = ");
        Ok(())
    }

    fn attribute(&mut self, member: &Member, mode: Mode) -> Result<(), JsonError> {
        self.key(member)?;
        self.expression(&member.value, mode)?;
        self.out.push('\n');
        Ok(())
    }

    /// References, type constraints and provider maps: strings that hold native syntax.
    fn special(&mut self, value: &Node, property: &Property) -> Result<(), JsonError> {
        self.anchor(value.span.start);
        match (property, &value.value) {
            (Property::Reference, Json::String(text)) if is_traversal(unwrap(text)) => {
                self.out.push_str(unwrap(text));
            }
            (Property::TypeConstraint, Json::String(text)) if is_self_contained_type(text) => {
                // Parsed by the HCL parser like a native type; a bad one is a parse error.
                self.out.push_str(text);
            }
            (Property::References, Json::Array(items)) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.special(item, &Property::Reference)?;
                }
                self.out.push(']');
            }
            (Property::References, Json::String(text)) if text == "all" => {
                self.out.push_str("all");
            }
            (Property::ProviderMap, Json::Object(members)) => {
                self.out.push('{');
                for (i, member) in members.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    if !is_traversal(&member.key) {
                        return Err(invalid_name(member));
                    }
                    self.anchor(member.key_span.start);
                    self.out.push_str(&member.key);
                    self.out.push_str(" = ");
                    self.special(&member.value, &Property::Reference)?;
                }
                self.out.push('}');
            }
            _ => {
                return Err(JsonError::new(
                    "expected a reference such as \"aws.west\" or \"aws_s3_bucket.logs\"",
                    value.span.start,
                ));
            }
        }
        self.anchor(value.span.end);
        Ok(())
    }

    fn expression(&mut self, node: &Node, mode: Mode) -> Result<(), JsonError> {
        self.anchor(node.span.start);
        match &node.value {
            Json::Null => self.out.push_str("null"),
            Json::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => self.out.push_str(n),
            Json::String(s) => match mode {
                Mode::Template => push_template(&mut self.out, s)
                    .map_err(|message| JsonError::new(message, node.span.start))?,
                Mode::Literal => push_literal(&mut self.out, s),
            },
            Json::Array(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.expression(item, mode)?;
                }
                self.out.push(']');
            }
            Json::Object(members) => {
                self.out.push('{');
                for (i, member) in members.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.anchor(member.key_span.start);
                    // Keys are templates too, unless the whole value is literal.
                    let has_template = member.key.contains("${") || member.key.contains("%{");
                    if mode == Mode::Template && has_template {
                        self.out.push('(');
                        push_template(&mut self.out, &member.key)
                            .map_err(|message| JsonError::new(message, member.key_span.start))?;
                        self.out.push(')');
                    } else {
                        push_literal(&mut self.out, &member.key);
                    }
                    self.anchor(member.key_span.end);
                    self.out.push_str(" = ");
                    self.expression(&member.value, mode)?;
                }
                self.out.push('}');
            }
        }
        self.anchor(node.span.end);
        Ok(())
    }
}

/// `aws.west` from `"${aws.west}"`, the interpolation form older configurations use.
fn unwrap(text: &str) -> &str {
    text.strip_prefix("${")
        .and_then(|t| t.strip_suffix('}'))
        .map_or(text, str::trim)
}

fn invalid_name(member: &Member) -> JsonError {
    JsonError::new(
        format!("\"{}\" is not a valid argument or block name", member.key),
        member.key_span.start,
    )
}

/// A quoted native string with the same value as `text`: escapes, and `${`/`%{` doubled so
/// they stay literal.
fn push_literal(out: &mut String, text: &str) {
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if (c == '$' || c == '%') && chars.peek() == Some(&'{') {
            out.push(c);
        }
        push_escaped(out, c);
    }
    out.push('"');
}

/// A quoted native template with the same meaning as the JSON string template `text`:
/// literal parts are escaped, interpolations and directives are copied as written. What is
/// written is always one complete string token: an interpolation, nested string or comment
/// left open is an error (as it is in Terraform), never text that could swallow what follows.
fn push_template(out: &mut String, text: &str) -> Result<(), String> {
    #[derive(Clone, Copy)]
    enum Within {
        /// Inside `${ … }` or `%{ … }`, with this many unclosed `{`.
        Expression(usize),
        /// Inside a quoted string within an expression.
        Quoted,
    }
    out.push('"');
    let mut stack: Vec<Within> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match stack.last_mut() {
            None => {
                let next = chars.peek().copied();
                if is_escaped_marker(c, &chars) {
                    // `$${` and `%%{` are escapes in both syntaxes; copy them whole.
                    chars.next();
                    chars.next();
                    out.push(c);
                    out.push(c);
                    out.push('{');
                } else if (c == '$' || c == '%') && next == Some('{') {
                    chars.next();
                    out.push(c);
                    out.push('{');
                    stack.push(Within::Expression(0));
                } else {
                    push_escaped(out, c);
                }
            }
            Some(Within::Expression(open)) => match c {
                '{' => {
                    *open += 1;
                    out.push(c);
                }
                '}' if *open == 0 => {
                    stack.pop();
                    out.push(c);
                }
                '}' => {
                    *open -= 1;
                    out.push(c);
                }
                '"' => {
                    stack.push(Within::Quoted);
                    out.push(c);
                }
                // Comments end inside the string: a line comment at its newline, a block
                // comment at `*/`. Each becomes one space.
                '#' => {
                    skip_line_comment(&mut chars);
                    out.push(' ');
                }
                '/' if chars.peek() == Some(&'/') => {
                    skip_line_comment(&mut chars);
                    out.push(' ');
                }
                '/' if chars.peek() == Some(&'*') => {
                    chars.next();
                    let mut previous = ' ';
                    loop {
                        match chars.next() {
                            Some('/') if previous == '*' => break,
                            Some(c) => previous = c,
                            None => return Err("unterminated comment in a template".into()),
                        }
                    }
                    out.push(' ');
                }
                '\n' | '\r' => out.push(' '),
                c => out.push(c),
            },
            Some(Within::Quoted) => match c {
                '\\' => {
                    out.push(c);
                    match chars.next() {
                        Some('\n') => out.push('n'),
                        Some(escaped) => out.push(escaped),
                        None => return Err("unterminated string in a template".into()),
                    }
                }
                '"' => {
                    stack.pop();
                    out.push(c);
                }
                '$' | '%' if is_escaped_marker(c, &chars) => {
                    chars.next();
                    chars.next();
                    out.push(c);
                    out.push(c);
                    out.push('{');
                }
                '$' | '%' if chars.peek() == Some(&'{') => {
                    chars.next();
                    out.push(c);
                    out.push('{');
                    stack.push(Within::Expression(0));
                }
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c => out.push(c),
            },
        }
    }
    if !stack.is_empty() {
        return Err(
            "unterminated interpolation or directive in a template (a `${` or `%{` \
                    without its `}`)"
                .into(),
        );
    }
    out.push('"');
    Ok(())
}

/// Whether `c` and the next two characters are the escape `$${` or `%%{`. Only those three
/// characters are: `$$${x}` is a literal `$` followed by the escape, as HCL reads it.
fn is_escaped_marker(c: char, rest: &std::iter::Peekable<std::str::Chars<'_>>) -> bool {
    let mut ahead = rest.clone();
    (c == '$' || c == '%') && ahead.next() == Some(c) && ahead.next() == Some('{')
}

fn skip_line_comment(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if c == '\n' {
            break;
        }
    }
}

/// A type constraint written as a string (`"map(object({ a = string }))"`) that is safe to
/// copy as native syntax: one line, brackets and quotes balanced, no comments or heredocs.
fn is_self_contained_type(text: &str) -> bool {
    let mut depth = 0usize;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '\\' if chars.next().is_none_or(|e| e == '\n') => return false,
                '"' => quoted = false,
                '\n' | '\r' | '$' | '%' => return false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            '#' | '\n' | '\r' => return false,
            '/' | '<' if chars.peek().is_some_and(|n| matches!(n, '/' | '*' | '<')) => {
                return false;
            }
            _ => {}
        }
    }
    depth == 0 && !quoted
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x20 || c == '\u{7f}' => {
            out.push_str(&format!("\\u{:04x}", c as u32));
        }
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translate(json: &str) -> String {
        match translate_configuration(json) {
            Ok(translation) => translation.text,
            Err(e) => format!("error at {}: {}", e.offset, e.message),
        }
    }

    #[test]
    fn strings_are_templates_with_native_escapes() {
        let mut out = String::new();
        let template = "a \"q\" \\ ${x}\n$${y} %%{z} ${f(\"s${g}$${h}\", {k = 1})}";
        assert_eq!(push_template(&mut out, template), Ok(()));
        assert_eq!(
            out,
            r#""a \"q\" \\ ${x}\n$${y} %%{z} ${f("s${g}$${h}", {k = 1})}""#
        );
        let mut literal = String::new();
        push_literal(&mut literal, "${not} %{here} \"q\"\t");
        assert_eq!(literal, r#""$${not} %%{here} \"q\"\t""#);
    }

    #[test]
    fn a_template_is_always_one_complete_string() {
        let mut out = String::new();
        // Comments inside an interpolation end inside the string and become a space.
        assert_eq!(push_template(&mut out, "${a /* } */ + 1 # x\n}"), Ok(()));
        assert_eq!(out, "\"${a   + 1  }\"");
        // Left open, they (or the interpolation) would swallow the text that follows.
        for open in ["${a /* }", "${a", "${\"b}", "%{ if x ", r#"${ "a\"}"#] {
            assert!(push_template(&mut String::new(), open).is_err(), "{open}");
        }
        assert_eq!(
            translate(r#"{"locals": {"a": "${x /* }", "b": 1, "c": "${ */ 1}"}}"#),
            "error at 17: unterminated comment in a template"
        );
        assert!(is_self_contained_type(
            "map(object({ a = optional(string, \"x\") }))"
        ));
        for bad in [
            "string /*",
            "list(string",
            "string # x",
            "string\nresource",
            "map(\")",
        ] {
            assert!(!is_self_contained_type(bad), "{bad}");
        }
    }

    #[test]
    fn only_three_character_markers_are_escapes() {
        // `$$${x}` is a literal `$` then the escape `$${`: no interpolation opens, so the
        // `/*` inside stays literal text and cannot comment out the blocks after it.
        let text = translate(
            r#"{"resource": {"x": {
                "a": {"tags": {"n": "$$${\"/*\"}"}},
                "hidden": {"acl": "public-read", "tags": {"n": "$$${\"*/ == \"}"}}}}}"#,
        );
        let body: Result<hcl_edit::structure::Body, _> = text.parse();
        let blocks = body.map(|b| b.blocks().count());
        assert_eq!(blocks, Ok(2), "{text}");
        let mut out = String::new();
        assert_eq!(push_template(&mut out, "%%%{x} $$a ${\"$$${y}\"}"), Ok(()));
        assert_eq!(out, r#""%%%{x} $$a ${"$$${y}"}""#);
    }

    #[test]
    fn meta_arguments_and_terraform_blocks_keep_their_schema() {
        assert_eq!(
            translate(r#"{"resource": {"x": {"y": {"for_each": {"primary": "a", "dr": "b"}}}}}"#),
            "resource \"x\" \"y\" {\nfor_each = {\"primary\" = \"a\", \"dr\" = \"b\"}\n}\n"
        );
        assert_eq!(
            translate(
                r#"{"terraform": {"cloud": {"organization": "o", "workspaces": {"name": "w"}}}}"#
            ),
            "terraform {\ncloud {\norganization = \"o\"\nworkspaces {\nname = \"w\"\n}\n}\n}\n"
        );
    }

    #[test]
    fn blocks_nest_labels_and_arrays_repeat_them() {
        let text = translate(
            r#"{"resource": {"aws_instance": {"a": {"count": 2, "lifecycle": {"ignore_changes": ["tags"]}}}},
                "provider": {"aws": [{"region": "x"}, {"alias": "dr"}]},
                "//": "ignored"}"#,
        );
        assert_eq!(
            text,
            "resource \"aws_instance\" \"a\" {\ncount = 2\nlifecycle {\nignore_changes = [tags]\n}\n}\n\
             provider \"aws\" {\nregion = \"x\"\n}\nprovider \"aws\" {\nalias = \"dr\"\n}\n"
        );
    }

    #[test]
    fn objects_are_blocks_unless_they_look_like_maps() {
        let text = translate(
            r#"{"resource": {"x": {"y": {
                "versioning": {"enabled": true},
                "tags": {"env": "prod"},
                "labels_like": {"Name": "x"},
                "ingress": [{"from_port": 22}],
                "list": [1, 2],
                "empty": {}
            }}}}"#,
        );
        assert_eq!(
            text,
            "resource \"x\" \"y\" {\nversioning {\nenabled = true\n}\n\
             tags = {\"env\" = \"prod\"}\nlabels_like = {\"Name\" = \"x\"}\n\
             ingress {\nfrom_port = 22\n}\nlist = [1, 2]\nempty = {}\n}\n"
        );
    }

    #[test]
    fn module_inputs_and_locals_are_expressions_never_blocks() {
        let text = translate(
            r#"{"module": {"m": {"source": "./m", "settings": {"retention": 1},
                "providers": {"aws.dr": "aws.west"}, "depends_on": ["${aws_s3_bucket.b}"]}},
                "locals": {"//": "a comment", "o": {"a": "${var.x}"}},
                "variable": {"v": {"type": "map(string)", "default": {"k": "${literal}"}}}}"#,
        );
        assert_eq!(
            text,
            "module \"m\" {\nsource = \"./m\"\nsettings = {\"retention\" = 1}\n\
             providers = {aws.dr = aws.west}\ndepends_on = [aws_s3_bucket.b]\n}\n\
             locals {\no = {\"a\" = \"${var.x}\"}\n}\n\
             variable \"v\" {\ntype = map(string)\ndefault = {\"k\" = \"$${literal}\"}\n}\n"
        );
    }

    #[test]
    fn invalid_configurations_are_errors_at_their_offset() {
        assert_eq!(
            translate("[1]"),
            "error at 0: the root of a Terraform JSON file must be an object"
        );
        assert_eq!(
            translate(r#"{"resource": 1}"#),
            "error at 13: \"resource\" must be an object or an array of objects (a block)"
        );
        assert_eq!(
            translate(r#"{"locals": {"a b": 1}}"#),
            "error at 12: \"a b\" is not a valid argument or block name"
        );
        assert_eq!(
            translate(r#"{"locals": {"a": 1}} x"#),
            "error at 21: unexpected text after the JSON value"
        );
        assert_eq!(
            translate("{\"a\": \"\u{1}\"}"),
            "error at 7: control character in string (write it as an escape)"
        );
        assert_eq!(
            translate(r#"{"a": 01}"#),
            "error at 7: expected ',' or '}', found '1'"
        );
        assert_eq!(
            translate(r#"{"resource": {"x": {"y": {"provider": "not a reference"}}}}"#),
            "error at 38: expected a reference such as \"aws.west\" or \"aws_s3_bucket.logs\""
        );
    }

    #[test]
    fn escapes_and_surrogates_decode_like_go() {
        let node = parse(r#"["\u00e9\ud83d\ude00\ud800x\/"]"#).unwrap_or_else(|e| panic!("{e:?}"));
        let Json::Array(items) = node.value else {
            panic!("not an array")
        };
        let Json::String(s) = &items[0].value else {
            panic!("not a string")
        };
        assert_eq!(s, "é😀\u{fffd}x/");
    }

    #[test]
    fn traversals_are_recognised() {
        for ok in [
            "aws",
            "aws.west",
            "aws_s3_bucket.b[0].id",
            r#"module.m["k"].out"#,
            "test_object.a[count.index].test_string",
            "test.t[each.value]",
        ] {
            assert!(is_traversal(ok), "{ok}");
        }
        for bad in [
            "",
            "a b",
            "a.",
            "a[x y]",
            "a[0",
            "${a}",
            "1a",
            "a\nb",
            "a[0]{",
            r#"a["${"]"#,
            r#"a["%{"]"#,
        ] {
            assert!(!is_traversal(bad), "{bad}");
        }
    }

    #[test]
    fn the_source_map_points_back_into_the_json() {
        let json = "{\n  \"locals\": {\n    \"name\": \"x-${var.env}\"\n  }\n}\n";
        let translation = translate_configuration(json).unwrap_or_else(|e| panic!("{e:?}"));
        let file = crate::source::SourceFile::new("f", json).with_translation(translation.map);
        let value_start = translation.text.find("\"x-").unwrap_or(0);
        let value_end = value_start + "\"x-${var.env}\"".len();
        let span = file.parsed_span(value_start..value_end);
        assert_eq!(&json[span.start..span.end], "\"x-${var.env}\"");
        // Inside the string, offsets count on from its start.
        let inner = file.parsed_span(value_start + 5..value_start + 12);
        assert_eq!(&json[inner.start..inner.end], "var.env");
        let header = translation.text.find("locals").unwrap_or(0);
        assert_eq!(
            file.translated_header(header)
                .map(|s| &json[s.start..s.end]),
            Some("\"locals\": {")
        );
    }
}
