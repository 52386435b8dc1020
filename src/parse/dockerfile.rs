//! Dockerfile parser: a line-oriented reading of BuildKit's frontend grammar into tenet's IR.
//!
//! Each build stage (`FROM`) becomes one `stage` resource holding its base image and its
//! instructions in order (see the IR contract in `docs/ir.md`). Like `docker build`, the parse
//! fails as a whole on the first error.

use std::collections::HashMap;
use std::iter::Peekable;
use std::str::Chars;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::ParseError;
use crate::ir::{Document, InputKind, PathSegment, Resource, SpanMap};
use crate::source::{SourceFile, Span};

#[rustfmt::skip]
const INSTRUCTIONS: [&str; 18] = [
    "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
    "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
];
/// Instructions that accept the JSON (exec) form.
const EXEC_FORM: [&str; 7] = ["RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME"];
/// Instructions whose leading `--flag` words are options rather than arguments.
const WITH_FLAGS: [&str; 5] = ["FROM", "RUN", "COPY", "ADD", "HEALTHCHECK"];
const WITH_HEREDOCS: [&str; 3] = ["RUN", "COPY", "ADD"];
const REPEATABLE_FLAGS: [&str; 2] = ["mount", "exclude"];
const DIRECTIVES: [&str; 3] = ["syntax", "escape", "check"];
/// Bound on `${A:-${B:-…}}` nesting, so hostile input cannot exhaust the stack.
const MAX_EXPANSION_DEPTH: usize = 16;

/// Parses a Dockerfile into a document with one `stage` resource per `FROM`.
pub fn parse(file: Arc<SourceFile>) -> Result<Document, ParseError> {
    let text: &str = &file.text;
    let lines = split_lines(text);
    let (directives, escape) = parse_directives(text, &lines)?;
    let mut stages = StageBuilder::new(escape);
    let mut cursor = 0;
    let mut count = 0usize;
    while let Some(logical) = read_logical_line(text, &lines, &mut cursor, escape) {
        let instruction = parse_instruction(text, &lines, &mut cursor, logical, escape)?;
        count += 1;
        let is_from = instruction.keyword == "FROM";
        if count > MAX_INSTRUCTIONS || (is_from && stages.stages.len() >= MAX_STAGES) {
            return Err(ParseError::new(
                format!(
                    "more than {MAX_STAGES} stages or {MAX_INSTRUCTIONS} instructions (a limit no real Dockerfile reaches); not checked"
                ),
                Some(instruction.span),
            ));
        }
        stages.add(instruction)?;
    }
    stages.finish(&file, directives)
}

/// Most stages and instructions read from one Dockerfile: each becomes IR and spans, so an
/// unbounded number could exhaust memory. Real Dockerfiles have tens of stages at most.
pub const MAX_STAGES: usize = 1_000;
pub const MAX_INSTRUCTIONS: usize = 20_000;

/// One physical line: byte offsets of its content, without `\n` or `\r\n`.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

/// Splits the text into lines, skipping a leading byte-order mark.
fn split_lines(text: &str) -> Vec<Line> {
    let line = |start: usize, end: usize| {
        let crlf = text.get(start..end).is_some_and(|l| l.ends_with('\r'));
        Line {
            start,
            end: if crlf { end - 1 } else { end },
        }
    };
    let mut lines = Vec::new();
    let mut start = text
        .strip_prefix('\u{feff}')
        .map_or(0, |rest| text.len() - rest.len());
    for (newline, _) in text.match_indices('\n') {
        lines.push(line(start, newline));
        start = newline + 1;
    }
    if start < text.len() {
        lines.push(line(start, text.len()));
    }
    lines
}

fn line_text(text: &str, line: Line) -> &str {
    text.get(line.start..line.end).unwrap_or("")
}

/// Reads the parser directives at the top of the file; returns them and the escape character.
fn parse_directives(text: &str, lines: &[Line]) -> Result<(Map<String, Value>, char), ParseError> {
    let mut directives = Map::new();
    let mut escape = '\\';
    for line in lines {
        let Some((key, value)) = directive_of(line_text(text, *line).trim()) else {
            break;
        };
        let key = key.to_ascii_lowercase();
        if !DIRECTIVES.contains(&key.as_str()) {
            break;
        }
        let span = Some(Span::new(line.start, line.end));
        if directives.contains_key(&key) {
            let message = format!("only one {key} parser directive can be used");
            return Err(ParseError::new(message, span));
        }
        if key == "escape" {
            escape = match value {
                "`" => '`',
                "\\" => '\\',
                _ => {
                    let message = format!("invalid escape token {value:?}: use ` or \\");
                    return Err(ParseError::new(message, span));
                }
            };
        }
        directives.insert(key, Value::from(value));
    }
    Ok((directives, escape))
}

/// `# key=value` with an alphanumeric key, or `None`.
fn directive_of(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('#')?.trim_start_matches([' ', '\t']);
    let (key, value) = rest.split_once('=')?;
    let key = key.trim_end_matches([' ', '\t']);
    let value = value.trim_matches([' ', '\t']);
    let starts_alpha = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    let alphanumeric = key.chars().all(|c| c.is_ascii_alphanumeric());
    (starts_alpha && alphanumeric && !value.is_empty()).then_some((key, value))
}

/// An instruction's text with continuations joined, and where each piece came from.
struct LogicalLine {
    text: String,
    pieces: Vec<Piece>,
    /// End of the last line that contributed text.
    end: usize,
}

/// A run of `LogicalLine::text` starting at `at`, copied from `file` on 1-based `line`.
struct Piece {
    at: usize,
    file: usize,
    line: usize,
}

impl LogicalLine {
    fn push(&mut self, content: &str, file: usize, line: usize) {
        if !content.is_empty() {
            self.pieces.push(Piece {
                at: self.text.len(),
                file,
                line,
            });
            self.text.push_str(content);
        }
    }

    fn piece(&self, at: usize) -> Option<&Piece> {
        let index = self
            .pieces
            .partition_point(|p| p.at <= at)
            .saturating_sub(1);
        self.pieces.get(index)
    }

    /// The file offset of byte `at` of the joined text.
    fn file_offset(&self, at: usize) -> usize {
        self.piece(at)
            .map_or(self.end, |p| p.file + at.saturating_sub(p.at))
    }

    /// The file span of the joined-text range `start..end`.
    fn file_span(&self, start: usize, end: usize) -> Span {
        let from = self.file_offset(start);
        let to = if end > start {
            self.file_offset(end - 1) + 1
        } else {
            from
        };
        Span::new(from, to)
    }

    fn line_of(&self, at: usize) -> usize {
        self.piece(at).map_or(1, |p| p.line)
    }
}

/// Joins the next instruction's lines, skipping blank and comment lines as Docker does.
fn read_logical_line(
    text: &str,
    lines: &[Line],
    cursor: &mut usize,
    escape: char,
) -> Option<LogicalLine> {
    while let Some(&first) = lines.get(*cursor) {
        *cursor += 1;
        let content = line_text(text, first);
        let trimmed = content.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut logical = LogicalLine {
            text: String::new(),
            pieces: Vec::new(),
            end: first.end,
        };
        let (body, mut continues) = strip_continuation(content, escape);
        logical.push(body, first.start, *cursor);
        while continues {
            let Some(&next) = lines.get(*cursor) else {
                break;
            };
            *cursor += 1;
            let content = line_text(text, next);
            let trimmed = content.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let (body, more) = strip_continuation(content, escape);
            logical.push(body, next.start, *cursor);
            logical.end = next.end;
            continues = more;
        }
        if !logical.text.trim().is_empty() {
            return Some(logical);
        }
    }
    None
}

/// Removes a trailing escape character (and whitespace after it); says whether one was there.
fn strip_continuation(line: &str, escape: char) -> (&str, bool) {
    match line.trim_end_matches([' ', '\t']).strip_suffix(escape) {
        Some(body) => (body, true),
        None => (line, false),
    }
}

struct Heredoc {
    delimiter: String,
    content: String,
}

/// One parsed instruction with its file spans.
struct Instruction {
    keyword: String,
    line: usize,
    args: String,
    flags: Vec<(String, Option<String>)>,
    exec: Option<Vec<String>>,
    heredocs: Vec<Heredoc>,
    span: Span,
    keyword_span: Span,
    args_span: Span,
    /// Where `args` starts in `logical.text`.
    args_start: usize,
    logical: LogicalLine,
}

impl Instruction {
    fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("instruction".into(), Value::from(self.keyword.as_str()));
        object.insert("line".into(), Value::from(self.line));
        object.insert("args".into(), Value::from(self.args.as_str()));
        let form = if self.exec.is_some() { "exec" } else { "shell" };
        object.insert("form".into(), Value::from(form));
        if let Some(exec) = &self.exec {
            object.insert("exec".into(), Value::from(exec.clone()));
        }
        object.insert("flags".into(), flags_json(&self.flags));
        if !self.heredocs.is_empty() {
            let heredocs = self.heredocs.iter().map(|h| {
                object_of([
                    ("delimiter", Value::from(h.delimiter.as_str())),
                    ("content", Value::from(h.content.as_str())),
                ])
            });
            object.insert("heredocs".into(), Value::Array(heredocs.collect()));
        }
        Value::Object(object)
    }
}

fn object_of<const N: usize>(fields: [(&str, Value); N]) -> Value {
    Value::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn flags_json(flags: &[(String, Option<String>)]) -> Value {
    let mut object = Map::new();
    for (name, value) in flags {
        if REPEATABLE_FLAGS.contains(&name.as_str()) {
            let entry = object
                .entry(name.as_str())
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(values) = entry {
                values.push(Value::from(value.clone().unwrap_or_default()));
            }
        } else {
            let value = value.clone().map_or(Value::Bool(true), Value::String);
            object.insert(name.clone(), value);
        }
    }
    Value::Object(object)
}

/// Splits a logical line into keyword, flags and arguments, and reads any heredoc bodies.
fn parse_instruction(
    text: &str,
    lines: &[Line],
    cursor: &mut usize,
    logical: LogicalLine,
    escape: char,
) -> Result<Instruction, ParseError> {
    let joined = logical.text.as_str();
    let keyword_start = skip_whitespace(joined, 0);
    let after = joined.get(keyword_start..).unwrap_or("");
    let keyword_end = keyword_start + after.find(char::is_whitespace).unwrap_or(after.len());
    let raw_keyword = joined.get(keyword_start..keyword_end).unwrap_or("");
    let keyword = raw_keyword.to_ascii_uppercase();
    let keyword_span = logical.file_span(keyword_start, keyword_end);
    if !INSTRUCTIONS.contains(&keyword.as_str()) {
        let message = format!("unknown instruction: {raw_keyword}");
        return Err(ParseError::new(message, Some(keyword_span)));
    }
    let (flags, rest) = if WITH_FLAGS.contains(&keyword.as_str()) {
        extract_flags(joined, keyword_end)
    } else {
        (Vec::new(), keyword_end)
    };
    let args_start = skip_whitespace(joined, rest);
    let args = joined
        .get(args_start..)
        .unwrap_or("")
        .trim_end()
        .to_string();
    let exec = (EXEC_FORM.contains(&keyword.as_str()) && args.starts_with('['))
        .then(|| serde_json::from_str::<Vec<String>>(&args).ok())
        .flatten();
    let markers = if exec.is_none() && WITH_HEREDOCS.contains(&keyword.as_str()) {
        heredoc_markers(&args, escape)
    } else {
        Vec::new()
    };
    let first_line = Span::new(keyword_span.start, logical.end);
    let (heredocs, heredoc_end) = read_heredocs(text, lines, cursor, markers, first_line)?;
    let end = heredoc_end.unwrap_or(logical.end);
    let instruction = Instruction {
        line: logical.line_of(keyword_start),
        span: Span::new(keyword_span.start, end),
        args_span: Span::new(logical.file_offset(args_start), end),
        keyword,
        args,
        flags,
        exec,
        heredocs,
        keyword_span,
        args_start,
        logical,
    };
    check_arguments(&instruction, escape)?;
    Ok(instruction)
}

fn skip_whitespace(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + (rest.len() - rest.trim_start().len())
}

/// Rejects instructions without the arguments Docker requires.
fn check_arguments(instruction: &Instruction, escape: char) -> Result<(), ParseError> {
    let keyword = instruction.keyword.as_str();
    let span = Some(instruction.span);
    let optional = matches!(keyword, "CMD" | "ENTRYPOINT");
    if instruction.args.is_empty() && !optional {
        let message = format!("{keyword} requires at least one argument");
        return Err(ParseError::new(message, span));
    }
    if matches!(keyword, "COPY" | "ADD") && instruction.heredocs.is_empty() {
        let count = match &instruction.exec {
            Some(exec) => exec.len(),
            None => split_words(&instruction.args, escape).len(),
        };
        if count < 2 {
            let message =
                format!("{keyword} requires at least two arguments: a source and a destination");
            return Err(ParseError::new(message, span));
        }
    }
    Ok(())
}

/// Reads BuildKit-style leading `--name[=value]` words starting at `from`; returns them and
/// the offset where the arguments begin. Quotes are removed and `\` escapes one character.
fn extract_flags(text: &str, from: usize) -> (Vec<(String, Option<String>)>, usize) {
    let mut flags = Vec::new();
    let mut pos = from;
    loop {
        let start = skip_whitespace(text, pos);
        let rest = text.get(start..).unwrap_or("");
        if !rest.starts_with("--") {
            return (flags, start);
        }
        let (word, len) = read_flag_word(rest);
        pos = start + len;
        if word == "--" {
            return (flags, pos);
        }
        let body = word.strip_prefix("--").unwrap_or(&word);
        flags.push(match body.split_once('=') {
            Some((name, value)) => (name.to_string(), Some(value.to_string())),
            None => (body.to_string(), None),
        });
    }
}

/// The first whitespace-delimited word of `text`, unquoted, and its length in bytes.
fn read_flag_word(text: &str) -> (String, usize) {
    let mut word = String::new();
    let mut quote = None;
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match quote {
            None if c.is_whitespace() => return (word, i),
            Some(q) if c == q => quote = None,
            None if c == '\'' || c == '"' => quote = Some(c),
            _ if c == '\\' => word.extend(chars.next().map(|(_, next)| next)),
            _ => word.push(c),
        }
    }
    (word, text.len())
}

/// Shell-like words with their byte offsets; quotes and escapes are kept in the words.
fn split_words(text: &str, escape: char) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    let mut quote = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match quote {
            Some(q) if c == q => quote = None,
            Some(q) => escaped = q == '"' && c == escape,
            None if c.is_whitespace() => {
                if let Some(s) = start.take() {
                    words.push((s, text.get(s..i).unwrap_or("")));
                }
            }
            None => {
                start.get_or_insert(i);
                if c == '\'' || c == '"' {
                    quote = Some(c);
                }
                escaped = c == escape;
            }
        }
    }
    if let Some(s) = start {
        words.push((s, text.get(s..).unwrap_or("")));
    }
    words
}

/// The heredocs an instruction opens (`<<EOF`, `<<-EOF`, `<<"EOF"`): delimiter and chomp flag.
fn heredoc_markers(args: &str, escape: char) -> Vec<(String, bool)> {
    if !args.contains("<<") {
        return Vec::new();
    }
    let marker = |word: &str| {
        let rest = word
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .strip_prefix("<<")?;
        let (chomp, rest) = match rest.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let delimiter: String = rest.chars().filter(|c| !matches!(c, '\'' | '"')).collect();
        (!rest.contains('<') && !delimiter.is_empty()).then_some((delimiter, chomp))
    };
    split_words(args, escape)
        .into_iter()
        .filter_map(|(_, w)| marker(w))
        .collect()
}

/// Reads heredoc bodies in order after the instruction line; returns them and where the last
/// terminator line ends.
fn read_heredocs(
    text: &str,
    lines: &[Line],
    cursor: &mut usize,
    markers: Vec<(String, bool)>,
    instruction: Span,
) -> Result<(Vec<Heredoc>, Option<usize>), ParseError> {
    let mut heredocs = Vec::new();
    let mut end = None;
    for (delimiter, chomp) in markers {
        let mut content = String::new();
        let mut terminated = false;
        while let Some(&line) = lines.get(*cursor) {
            *cursor += 1;
            let raw = line_text(text, line);
            let body = if chomp {
                raw.trim_start_matches('\t')
            } else {
                raw
            };
            if body == delimiter {
                terminated = true;
                end = Some(line.end);
                break;
            }
            content.push_str(body);
            content.push('\n');
        }
        if !terminated {
            let message = format!("unterminated heredoc: no line `{delimiter}` closes it");
            return Err(ParseError::new(message, Some(instruction)));
        }
        heredocs.push(Heredoc { delimiter, content });
    }
    Ok((heredocs, end))
}

/// Substitutes variables and removes quotes the way BuildKit processes a word.
struct Expander<'a> {
    env: &'a HashMap<String, String>,
    escape: char,
}

impl Expander<'_> {
    /// The expanded word, or `None` when it uses a variable without a value.
    fn expand(&self, word: &str, depth: usize) -> Option<String> {
        if depth > MAX_EXPANSION_DEPTH {
            return None;
        }
        let mut out = String::with_capacity(word.len());
        let mut chars = word.chars().peekable();
        let mut quote = None;
        while let Some(c) = chars.next() {
            match quote {
                Some('\'') if c == '\'' => quote = None,
                Some('\'') => out.push(c),
                Some(_) if c == '"' => quote = None,
                None if c == '\'' || c == '"' => quote = Some(c),
                _ if c == '$' => out.push_str(&self.variable(&mut chars, depth)?),
                Some(_) if c == self.escape => {
                    match chars.next_if(|&n| matches!(n, '"' | '$') || n == self.escape) {
                        Some(next) => out.push(next),
                        None => out.push(c),
                    }
                }
                None if c == self.escape => out.extend(chars.next()),
                _ => out.push(c),
            }
        }
        Some(out)
    }

    /// Expands the variable after a `$`.
    fn variable(&self, chars: &mut Peekable<Chars<'_>>, depth: usize) -> Option<String> {
        if chars.next_if_eq(&'{').is_none() {
            let name = take_name(chars);
            return if name.is_empty() {
                Some("$".into())
            } else {
                self.env.get(&name).cloned()
            };
        }
        let name = take_name(chars);
        let mut modifier = String::new();
        let mut nesting = 0usize;
        loop {
            match chars.next()? {
                '}' if nesting == 0 => break,
                c => {
                    match c {
                        '{' => nesting += 1,
                        '}' => nesting -= 1,
                        _ => {}
                    }
                    modifier.push(c);
                }
            }
        }
        self.apply_modifier(&name, &modifier, depth)
    }

    /// `${name}`, `${name:-word}`, `${name:+word}`, `${name:?msg}` and their colon-less forms.
    fn apply_modifier(&self, name: &str, modifier: &str, depth: usize) -> Option<String> {
        if name.is_empty() {
            return None;
        }
        let value = self.env.get(name);
        let non_empty = value.filter(|v| !v.is_empty());
        let word = |w: &str| self.expand(w, depth + 1);
        if modifier.is_empty() {
            value.cloned()
        } else if let Some(w) = modifier.strip_prefix(":-") {
            non_empty.cloned().or_else(|| word(w))
        } else if let Some(w) = modifier.strip_prefix(":+") {
            if non_empty.is_some() {
                word(w)
            } else {
                Some(String::new())
            }
        } else if modifier.starts_with(":?") {
            non_empty.cloned()
        } else if let Some(w) = modifier.strip_prefix('-') {
            value.cloned().or_else(|| word(w))
        } else if let Some(w) = modifier.strip_prefix('+') {
            if value.is_some() {
                word(w)
            } else {
                Some(String::new())
            }
        } else if modifier.starts_with('?') {
            value.cloned()
        } else {
            None
        }
    }
}

fn take_name(chars: &mut Peekable<Chars<'_>>) -> String {
    let mut name = String::new();
    while let Some(c) = chars.next_if(|c| c.is_ascii_alphanumeric() || *c == '_') {
        name.push(c);
    }
    name
}

/// An image reference split into repository, tag and digest (empty parts become `None`).
fn split_image_ref(image: &str) -> (String, Option<String>, Option<String>) {
    let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let (name, digest) = match image.split_once('@') {
        Some((name, digest)) => (name, non_empty(digest)),
        None => (image, None),
    };
    match name.rsplit_once(':') {
        Some((repository, tag)) if !tag.contains('/') => {
            (repository.to_string(), non_empty(tag), digest)
        }
        _ => (name.to_string(), None, digest),
    }
}

/// BuildKit's rule for stage names: a letter, then letters, digits, `-`, `_` or `.`.
fn is_valid_stage_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

struct Stage {
    name: Option<String>,
    from: Value,
    instructions: Vec<Value>,
    spans: SpanMap,
}

impl Stage {
    fn push(&mut self, instruction: &Instruction) {
        let index = PathSegment::Index(self.instructions.len());
        let key = || PathSegment::Key("instructions".into());
        let args_path = vec![key(), index.clone(), PathSegment::Key("args".into())];
        self.spans
            .attributes
            .insert(vec![key(), index], instruction.span);
        self.spans
            .attributes
            .insert(args_path, instruction.args_span);
        self.instructions.push(instruction.to_json());
    }
}

/// Groups instructions into stages and resolves `FROM` against the global `ARG`s.
struct StageBuilder {
    escape: char,
    global_env: HashMap<String, String>,
    global_args: Vec<Value>,
    stages: Vec<Stage>,
    /// Lower-cased stage name → the name as written.
    names: HashMap<String, String>,
}

impl StageBuilder {
    fn new(escape: char) -> Self {
        StageBuilder {
            escape,
            global_env: HashMap::new(),
            global_args: Vec::new(),
            stages: Vec::new(),
            names: HashMap::new(),
        }
    }

    fn add(&mut self, instruction: Instruction) -> Result<(), ParseError> {
        if instruction.keyword == "FROM" {
            return self.start_stage(&instruction);
        }
        match self.stages.last_mut() {
            Some(stage) => stage.push(&instruction),
            None if instruction.keyword == "ARG" => {
                self.declare_global_args(&instruction.args);
                self.global_args.push(instruction.to_json());
            }
            None => {
                let message = format!(
                    "{} before the first FROM: only ARG may come before FROM",
                    instruction.keyword
                );
                return Err(ParseError::new(message, Some(instruction.keyword_span)));
            }
        }
        Ok(())
    }

    /// Records `ARG name=default` values (expanded with earlier global args) for `FROM`.
    fn declare_global_args(&mut self, args: &str) {
        for (_, word) in split_words(args, self.escape) {
            let Some((name, value)) = word.split_once('=') else {
                continue;
            };
            let expander = Expander {
                env: &self.global_env,
                escape: self.escape,
            };
            match expander.expand(value, 0) {
                Some(value) => self.global_env.insert(name.to_string(), value),
                None => self.global_env.remove(name),
            };
        }
    }

    fn start_stage(&mut self, from: &Instruction) -> Result<(), ParseError> {
        let words = split_words(&from.args, self.escape);
        let ((image_at, raw), name) = match words.as_slice() {
            [image] => (*image, None),
            [image, (_, as_keyword), name] if as_keyword.eq_ignore_ascii_case("as") => {
                (*image, Some(*name))
            }
            _ => {
                let message =
                    "FROM requires either one or three arguments: FROM <image> [AS <name>]";
                return Err(ParseError::new(message, Some(from.span)));
            }
        };
        let span_of = |at: usize, word: &str| {
            let start = from.args_start + at;
            from.logical.file_span(start, start + word.len())
        };
        if let Some((at, name)) = name {
            let problem = if !is_valid_stage_name(name) {
                Some("invalid name for build stage")
            } else if self.names.contains_key(&name.to_ascii_lowercase()) {
                Some("duplicate name for build stage")
            } else {
                None
            };
            if let Some(problem) = problem {
                let message = format!("{problem}: {name:?}");
                return Err(ParseError::new(message, Some(span_of(at, name))));
            }
        }
        let expander = Expander {
            env: &self.global_env,
            escape: self.escape,
        };
        let image = expander.expand(raw, 0);
        let builds_on = image
            .as_deref()
            .and_then(|i| self.names.get(&i.to_ascii_lowercase()));
        let (repository, tag, digest) = match image.as_deref().map(split_image_ref) {
            Some((repository, tag, digest)) => (Some(repository), tag, digest),
            None => (None, None, None),
        };
        let platform = from.flags.iter().rev().find(|(n, _)| n == "platform");
        let from_json = object_of([
            ("raw", Value::from(raw)),
            ("image", Value::from(image.clone())),
            ("resolved", Value::from(image.is_some())),
            ("repository", Value::from(repository)),
            ("tag", Value::from(tag)),
            ("digest", Value::from(digest)),
            (
                "platform",
                Value::from(platform.and_then(|(_, v)| v.clone())),
            ),
            ("stage", Value::from(builds_on.cloned())),
            (
                "scratch",
                Value::from(image.is_some_and(|i| i.eq_ignore_ascii_case("scratch"))),
            ),
        ]);
        let mut spans = SpanMap::new(from.span);
        let from_key = || PathSegment::Key("from".into());
        spans.attributes.insert(vec![from_key()], from.span);
        let image_path = vec![from_key(), PathSegment::Key("image".into())];
        spans.attributes.insert(image_path, span_of(image_at, raw));
        let name = name.map(|(_, name)| name.to_string());
        if let Some(name) = &name {
            self.names.insert(name.to_ascii_lowercase(), name.clone());
        }
        let mut stage = Stage {
            name,
            from: from_json,
            instructions: Vec::new(),
            spans,
        };
        stage.push(from);
        self.stages.push(stage);
        Ok(())
    }

    fn finish(
        self,
        file: &Arc<SourceFile>,
        directives: Map<String, Value>,
    ) -> Result<Document, ParseError> {
        if self.stages.is_empty() {
            let message = "no FROM instruction: a Dockerfile needs at least one build stage";
            return Err(ParseError::new(message, None));
        }
        let display = file.display.clone();
        let mut document =
            Document::new(InputKind::Dockerfile, display.clone(), vec![file.clone()]);
        document
            .extra
            .insert("directives".into(), Value::Object(directives));
        document
            .extra
            .insert("global_args".into(), Value::Array(self.global_args));
        let last = self.stages.len().saturating_sub(1);
        for (index, stage) in self.stages.into_iter().enumerate() {
            let label = stage.name.clone().unwrap_or_else(|| index.to_string());
            let attributes = object_of([
                ("index", Value::from(index)),
                ("name", Value::from(stage.name)),
                ("final", Value::from(index == last)),
                ("from", stage.from),
                ("instructions", Value::Array(stage.instructions)),
            ]);
            document.resources.push(Resource::new(
                format!("stage.{label}"),
                "stage".into(),
                label,
                display.clone(),
                attributes,
                stage.spans,
            ));
        }
        Ok(document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse_text(text: &str) -> Document {
        let file = Arc::new(SourceFile::new("Dockerfile", text));
        match parse(file) {
            Ok(document) => document,
            Err(e) => panic!("unexpected parse error: {e} at {:?}", e.span),
        }
    }

    /// The error message and the 1-based line its span starts on.
    fn parse_error(text: &str) -> (String, Option<usize>) {
        let file = Arc::new(SourceFile::new("Dockerfile", text));
        let error = parse(file.clone()).expect_err("a parse error");
        (
            error.message,
            error.span.map(|s| file.position(s.start).line),
        )
    }

    fn instruction(document: &Document, stage: usize, index: usize) -> &Value {
        &document.resources[stage].attributes["instructions"][index]
    }

    fn span_text<'a>(text: &'a str, resource: &Resource, path: &[PathSegment]) -> &'a str {
        let span = resource.spans.attributes[path];
        &text[span.start..span.end]
    }

    fn key(k: &str) -> PathSegment {
        PathSegment::Key(k.into())
    }

    #[test]
    fn continuations_join_lines_and_skip_comments_inside() {
        let text =
            "FROM alpine:3.19\nRUN apk add \\\n# a comment\n\n    curl \\  \n    git\nUSER app\n";
        let document = parse_text(text);
        let run = instruction(&document, 0, 1);
        assert_eq!(run["args"], "apk add     curl     git");
        assert_eq!(run["line"], 2);
        assert_eq!(instruction(&document, 0, 2)["line"], 7);
        let stage = &document.resources[0];
        let whole = [key("instructions"), PathSegment::Index(1)];
        assert_eq!(
            span_text(text, stage, &whole),
            "RUN apk add \\\n# a comment\n\n    curl \\  \n    git"
        );
        let args = [key("instructions"), PathSegment::Index(1), key("args")];
        assert!(span_text(text, stage, &args).starts_with("apk add"));
    }

    #[test]
    fn backtick_escape_for_windows_dockerfiles() {
        let text = "# escape=`\n# syntax=docker/dockerfile:1\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY C:\\src\\app C:\\app\nRUN powershell -Command `\n    Write-Host hi\n";
        let document = parse_text(text);
        assert_eq!(
            document.extra["directives"],
            json!({"escape": "`", "syntax": "docker/dockerfile:1"})
        );
        assert_eq!(instruction(&document, 0, 1)["args"], "C:\\src\\app C:\\app");
        assert_eq!(
            instruction(&document, 0, 2)["args"],
            "powershell -Command     Write-Host hi"
        );
        let from = &document.resources[0].attributes["from"];
        assert_eq!(from["repository"], "mcr.microsoft.com/windows/servercore");
        assert_eq!(from["tag"], "ltsc2022");
    }

    #[test]
    fn directives_only_count_at_the_top() {
        let document = parse_text("FROM a\n# escape=`\nRUN x \\\n y\n");
        assert_eq!(document.extra["directives"], json!({}));
        assert_eq!(instruction(&document, 0, 1)["args"], "x  y");
        assert_eq!(
            parse_error("# escape=x\nFROM a\n").0,
            "invalid escape token \"x\": use ` or \\"
        );
    }

    #[test]
    fn heredoc_bodies_keep_hash_lines_and_strip_tabs() {
        let text = "FROM debian\nRUN <<EOF\n#!/bin/sh\n# not a comment\necho hi\nEOF\nRUN <<-\"END\" bash\n\t\techo tabbed\n\tEND\nUSER app\n";
        let document = parse_text(text);
        let first = instruction(&document, 0, 1);
        assert_eq!(first["args"], "<<EOF");
        assert_eq!(first["form"], "shell");
        assert_eq!(
            first["heredocs"],
            json!([{"delimiter": "EOF", "content": "#!/bin/sh\n# not a comment\necho hi\n"}])
        );
        let second = instruction(&document, 0, 2);
        assert_eq!(
            second["heredocs"],
            json!([{"delimiter": "END", "content": "echo tabbed\n"}])
        );
        assert_eq!(instruction(&document, 0, 3)["line"], 10);
        let whole = [key("instructions"), PathSegment::Index(1)];
        assert_eq!(
            span_text(text, &document.resources[0], &whole),
            "RUN <<EOF\n#!/bin/sh\n# not a comment\necho hi\nEOF"
        );
    }

    #[test]
    fn two_heredocs_on_one_line() {
        let text =
            "FROM alpine\nCOPY <<one <<'two' /dest/\nfirst\none\nsecond\ntwo\nRUN cat /dest/one\n";
        let document = parse_text(text);
        assert_eq!(
            instruction(&document, 0, 1)["heredocs"],
            json!([{"delimiter": "one", "content": "first\n"}, {"delimiter": "two", "content": "second\n"}])
        );
        assert_eq!(instruction(&document, 0, 2)["line"], 7);
    }

    #[test]
    fn copy_and_add_flags() {
        let text = "FROM alpine\nCOPY --from=builder --chmod=0755 --link /out/app /app\nADD --checksum=sha256:abc \"--chown=a b\" https://x/y.tgz /y.tgz\nADD --exclude=*.md --exclude=*.txt . /src\n";
        let document = parse_text(text);
        let copy = instruction(&document, 0, 1);
        assert_eq!(
            copy["flags"],
            json!({"from": "builder", "chmod": "0755", "link": true})
        );
        assert_eq!(copy["args"], "/out/app /app");
        let add = instruction(&document, 0, 2);
        assert_eq!(add["flags"], json!({"checksum": "sha256:abc"}));
        assert_eq!(add["args"], "\"--chown=a b\" https://x/y.tgz /y.tgz");
        assert_eq!(
            instruction(&document, 0, 3)["flags"],
            json!({"exclude": ["*.md", "*.txt"]})
        );
    }

    #[test]
    fn run_mounts_repeat_and_quotes_are_removed() {
        let text = "FROM alpine\nRUN --mount=type=cache,target=/var/cache/apt \\\n    --mount=\"type=secret,id=npm\" --network=none -- apt-get update\n";
        let document = parse_text(text);
        let run = instruction(&document, 0, 1);
        assert_eq!(
            run["flags"],
            json!({"mount": ["type=cache,target=/var/cache/apt", "type=secret,id=npm"], "network": "none"})
        );
        assert_eq!(run["args"], "apt-get update");
        let args = [key("instructions"), PathSegment::Index(1), key("args")];
        assert_eq!(
            span_text(text, &document.resources[0], &args),
            "apt-get update"
        );
    }

    #[test]
    fn exec_form_and_invalid_json_fallback() {
        let text = "FROM alpine\nCMD [\"/app\", \"--port\", \"80\"]\nENTRYPOINT [\"/bin/sh\", -c]\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/\nCMD\n";
        let document = parse_text(text);
        let cmd = instruction(&document, 0, 1);
        assert_eq!(cmd["form"], "exec");
        assert_eq!(cmd["exec"], json!(["/app", "--port", "80"]));
        assert_eq!(cmd["args"], "[\"/app\", \"--port\", \"80\"]");
        let entrypoint = instruction(&document, 0, 2);
        assert_eq!(entrypoint["form"], "shell");
        assert!(entrypoint.get("exec").is_none());
        let healthcheck = instruction(&document, 0, 3);
        assert_eq!(healthcheck["flags"], json!({"interval": "5s"}));
        assert_eq!(healthcheck["args"], "CMD curl -f http://localhost/");
        assert_eq!(instruction(&document, 0, 4)["args"], "");
    }

    #[test]
    fn global_args_substitute_into_from() {
        let text = "ARG V=\"1.22\"\nARG BASE=golang:${V}\nARG NOVALUE\nFROM ${BASE} AS builder\nFROM alpine:${TAG:-3.19}\nFROM alpine:${NOVALUE}\nFROM alpine${NOVALUE:+:x}\n";
        let document = parse_text(text);
        let global = &document.extra["global_args"];
        assert_eq!(
            global[0],
            json!({"instruction": "ARG", "line": 1, "args": "V=\"1.22\"", "form": "shell", "flags": {}})
        );
        assert_eq!(global.as_array().map(Vec::len), Some(3));
        let from = |i: usize| &document.resources[i].attributes["from"];
        assert_eq!(from(0)["raw"], "${BASE}");
        assert_eq!(from(0)["image"], "golang:1.22");
        assert_eq!(from(1)["image"], "alpine:3.19");
        assert_eq!(
            *from(2),
            json!({"raw": "alpine:${NOVALUE}", "image": null, "resolved": false, "repository": null,
                   "tag": null, "digest": null, "platform": null, "stage": null, "scratch": false})
        );
        assert_eq!(from(3)["image"], "alpine");
        assert_eq!(from(3)["tag"], Value::Null);
    }

    #[test]
    fn stages_reference_earlier_stages() {
        let text = "FROM --platform=linux/amd64 golang:1.22 AS Build\nRUN go build\nFROM scratch\nCOPY --from=build /app /app\nFROM build as test\n";
        let document = parse_text(text);
        let addresses: Vec<_> = document
            .resources
            .iter()
            .map(|r| r.address.as_str())
            .collect();
        assert_eq!(addresses, ["stage.Build", "stage.1", "stage.test"]);
        let build = &document.resources[0];
        assert_eq!(build.name, "Build");
        assert_eq!(build.attributes["final"], false);
        assert_eq!(build.attributes["from"]["platform"], "linux/amd64");
        assert_eq!(
            *instruction(&document, 0, 0),
            json!({"instruction": "FROM", "line": 1, "args": "golang:1.22 AS Build", "form": "shell",
                   "flags": {"platform": "linux/amd64"}})
        );
        assert_eq!(
            span_text(text, build, &[key("from"), key("image")]),
            "golang:1.22"
        );
        assert_eq!(
            build.spans.header,
            build.spans.attributes[&vec![key("from")]]
        );
        let scratch = &document.resources[1];
        assert_eq!(scratch.attributes["name"], Value::Null);
        assert_eq!(scratch.attributes["index"], 1);
        assert_eq!(scratch.attributes["from"]["scratch"], true);
        assert_eq!(scratch.attributes["from"]["stage"], Value::Null);
        let test = &document.resources[2];
        assert_eq!(test.attributes["final"], true);
        assert_eq!(test.attributes["from"]["stage"], "Build");
        let duplicate = parse_error("FROM a AS x\nFROM b AS X\n");
        assert_eq!(
            duplicate,
            ("duplicate name for build stage: \"X\"".into(), Some(2))
        );
    }

    #[test]
    fn image_references_split_into_parts() {
        let parts = |image: &str| split_image_ref(image);
        let owned = |r: &str, t: Option<&str>, d: Option<&str>| {
            (r.to_string(), t.map(String::from), d.map(String::from))
        };
        assert_eq!(
            parts("localhost:5000/app"),
            owned("localhost:5000/app", None, None)
        );
        assert_eq!(
            parts("localhost:5000/app:1.0"),
            owned("localhost:5000/app", Some("1.0"), None)
        );
        assert_eq!(
            parts("alpine@sha256:abc"),
            owned("alpine", None, Some("sha256:abc"))
        );
        assert_eq!(
            parts("ghcr.io/o/a:v2@sha256:def"),
            owned("ghcr.io/o/a", Some("v2"), Some("sha256:def"))
        );
        assert_eq!(parts("ubuntu"), owned("ubuntu", None, None));
    }

    #[test]
    fn errors_report_the_offending_line() {
        assert_eq!(
            parse_error("FROM a\n\nRUNN echo\n"),
            ("unknown instruction: RUNN".into(), Some(3))
        );
        assert_eq!(
            parse_error("FROM a\nCOPY\n"),
            ("COPY requires at least one argument".into(), Some(2))
        );
        assert_eq!(
            parse_error("FROM a\nCOPY only-source\n").0,
            "COPY requires at least two arguments: a source and a destination"
        );
        assert_eq!(
            parse_error("FROM a\nUSER \\\n\n").0,
            "USER requires at least one argument"
        );
        assert_eq!(
            parse_error("FROM a b\n").0,
            "FROM requires either one or three arguments: FROM <image> [AS <name>]"
        );
        assert_eq!(
            parse_error("ARG X=1\nRUN echo\nFROM a\n"),
            (
                "RUN before the first FROM: only ARG may come before FROM".into(),
                Some(2)
            )
        );
        assert_eq!(
            parse_error("FROM a\nRUN <<EOF\necho\nEOF \n"),
            (
                "unterminated heredoc: no line `EOF` closes it".into(),
                Some(2)
            )
        );
        // The first error wins.
        assert_eq!(parse_error("FROM a\nFOO\nBAR\n").1, Some(2));
    }

    #[test]
    fn files_without_stages_are_errors() {
        let none = (
            "no FROM instruction: a Dockerfile needs at least one build stage".to_string(),
            None,
        );
        assert_eq!(parse_error(""), none);
        assert_eq!(
            parse_error("# syntax=docker/dockerfile:1\n\n# just comments\n"),
            none
        );
        assert_eq!(parse_error("ARG A=1\n"), none);
    }

    #[test]
    fn crlf_line_endings() {
        let text = "FROM alpine:3.19 AS base\r\nRUN echo a \\\r\n  && echo b\r\nRUN <<EOF\r\nline\r\nEOF\r\n";
        let document = parse_text(text);
        assert_eq!(instruction(&document, 0, 0)["args"], "alpine:3.19 AS base");
        assert_eq!(instruction(&document, 0, 1)["args"], "echo a   && echo b");
        assert_eq!(
            instruction(&document, 0, 2)["heredocs"][0]["content"],
            "line\n"
        );
        let whole = [key("instructions"), PathSegment::Index(1)];
        assert_eq!(
            span_text(text, &document.resources[0], &whole),
            "RUN echo a \\\r\n  && echo b"
        );
    }

    #[test]
    fn non_ascii_arguments() {
        let text = "\u{feff}FROM alpine\nLABEL description=\"café ☕\"\nRUN echo 日本 \\\n  語\n";
        let document = parse_text(text);
        assert_eq!(
            instruction(&document, 0, 1)["args"],
            "description=\"café ☕\""
        );
        assert_eq!(instruction(&document, 0, 2)["args"], "echo 日本   語");
        let args = [key("instructions"), PathSegment::Index(2), key("args")];
        assert_eq!(
            span_text(text, &document.resources[0], &args),
            "echo 日本 \\\n  語"
        );
        assert_eq!(
            parse_error("FROM a\nRÜN x\n"),
            ("unknown instruction: RÜN".into(), Some(2))
        );
    }

    #[test]
    fn every_span_lies_on_char_boundaries_inside_the_text() {
        let texts = [
            "# escape=`\nFROM a\nRUN é `\n  ü\n",
            "ARG X=é\nFROM ${X}é AS s\nCOPY --from=s ☕ /d\nRUN <<-EOF\n\t日本\n\tEOF\nCMD \\\n",
            "FROM a:b@sha256:x\r\nRUN [\"a\", \\\r\n\"b\"]\r\nENV a=ü \\\r\n# c\r\n b=2",
        ];
        for text in texts {
            let document = parse_text(text);
            for resource in &document.resources {
                let spans = std::iter::once(&resource.spans.header)
                    .chain(resource.spans.attributes.values());
                for span in spans {
                    assert!(
                        span.start <= span.end && span.end <= text.len(),
                        "{span:?} in {text:?}"
                    );
                    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                }
            }
        }
    }

    #[test]
    fn large_inputs_parse() {
        let mut text = String::from("FROM alpine\nRUN true");
        for _ in 0..100_000 {
            text.push_str(" \\\n  && true");
        }
        for i in 0..MAX_INSTRUCTIONS - 2 {
            text.push_str(&format!("\nENV K{i}=v"));
        }
        let document = parse_text(&text);
        assert_eq!(
            document.resources[0].attributes["instructions"]
                .as_array()
                .map(Vec::len),
            Some(MAX_INSTRUCTIONS)
        );
        // One more is over the limit: the file is reported, not half read.
        text.push_str("\nENV LAST=v");
        let error = parse(Arc::new(SourceFile::new("Dockerfile", text))).unwrap_err();
        assert!(error.message.contains("instructions"), "{}", error.message);
    }
}
