//! A linear pre-check for HCL that would make hcl-edit's parser backtrack exponentially.
//!
//! hcl-edit parses the operand after the second (or later) binary operator of a chain
//! (`a + b + <operand>`) without committing to it: when the operand fails softly, the chain is
//! rewound and parsed again from the same place. An operand that is itself a group (`( … )`,
//! `{ … }`, an index, a string, a heredoc) holding another such chain doubles the work again,
//! so a few hundred bytes nested twenty levels deep take seconds, and thirty take hours. Real
//! Terraform nests such operands at most 3 deep (3,218 files of 48 public repositories).
//!
//! The check lexes the text the way hcl-edit does (quoted strings span newlines, `${`/`%{`
//! groups, `%{ if }` bodies, heredocs, comments) and keeps a stack of groups, each marked
//! *doubling* when it opens after two or more binary operators since the last separator.
//! With `d` the number of doubling groups around a byte, hcl-edit's worst case re-parses that
//! byte `2^d` times: a text is refused when `d` passes [`MAX_DEPTH`], or when the sum of
//! `2^d` over its bytes exceeds its length by more than [`MAX_EXTRA_WORK`] (about 50 ms of
//! parsing), so a file that is handed to hcl-edit parses in time linear in its size.

/// Most doubling groups nested around one byte (real code: 3).
pub const MAX_DEPTH: usize = 8;
/// Most extra bytes hcl-edit may re-parse (real code: under 4,500).
pub const MAX_EXTRA_WORK: u64 = 1 << 18;

/// Why a text is refused: how deep the doubling groups nest and where the innermost opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused {
    pub depth: usize,
    /// Byte offset of the innermost doubling group (or where the extra work passed the
    /// limit).
    pub offset: usize,
}

impl Refused {
    pub fn message(&self) -> String {
        format!(
            "operands nested {} deep after chains of operators (such as `a + b + (…)`): parsing this would take exponential time; not checked",
            self.depth
        )
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The file, or a block body: a newline ends an attribute.
    Body,
    /// `{`, `(` or `[` in an expression.
    Group,
    /// `${ … }` or `%{ … }` in a string or heredoc.
    Interpolation,
    Quoted,
    Heredoc,
    /// A whole template file (`templatefile`): text that never closes.
    Template,
}

struct Frame {
    kind: Kind,
    doubling: bool,
    /// Binary operators since the last separator.
    operators: usize,
    /// The last significant token ends a term (so a `-` or `<` after it is an operator).
    after_term: bool,
    /// Open `%{ if }` / `%{ for }` bodies of a string or heredoc.
    directives: usize,
    /// A heredoc's delimiter (byte range in the text).
    delimiter: (usize, usize),
    at_line_start: bool,
    /// A body line with `=` already seen: a `{` is an object, not a block.
    after_equals: bool,
}

impl Frame {
    fn new(kind: Kind, doubling: bool) -> Frame {
        Frame {
            kind,
            doubling,
            operators: 0,
            after_term: false,
            directives: 0,
            delimiter: (0, 0),
            at_line_start: true,
            after_equals: false,
        }
    }

    fn is_text(&self) -> bool {
        matches!(self.kind, Kind::Quoted | Kind::Heredoc | Kind::Template)
    }
}

/// Checks HCL configuration text.
pub fn check(text: &str) -> Result<(), Refused> {
    Scanner::new(text, Kind::Body)
        .run()
        .map_err(|refused| on_character(text, refused))
}

/// Checks a template file's text (`templatefile`): it starts as text, not as a body.
pub fn check_template(text: &str) -> Result<(), Refused> {
    Scanner::new(text, Kind::Template)
        .run()
        .map_err(|refused| on_character(text, refused))
}

/// The refusal with its offset inside the text and on a character boundary.
fn on_character(text: &str, refused: Refused) -> Refused {
    let mut offset = refused.offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    Refused { offset, ..refused }
}

impl Refused {
    /// The span to underline: the character at the offset (empty at the end of the text).
    pub fn span(&self, text: &str) -> std::ops::Range<usize> {
        let end = text
            .get(self.offset..)
            .and_then(|rest| rest.chars().next())
            .map_or(self.offset, |c| self.offset + c.len_utf8());
        self.offset..end
    }
}

struct Scanner<'t> {
    bytes: &'t [u8],
    stack: Vec<Frame>,
    depth: usize,
    /// Work counted up to `counted` (bytes before it, each `2^depth` at its depth).
    work: u64,
    counted: usize,
    i: usize,
}

fn identifier_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn identifier_continue(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str, kind: Kind) -> Scanner<'t> {
        Scanner {
            bytes: text.as_bytes(),
            stack: vec![Frame::new(kind, false)],
            depth: 0,
            work: 0,
            counted: 0,
            i: 0,
        }
    }

    fn at(&self, offset: usize) -> Option<u8> {
        self.bytes.get(offset).copied()
    }

    fn starts_with(&self, prefix: &[u8]) -> bool {
        self.bytes
            .get(self.i..)
            .is_some_and(|rest| rest.starts_with(prefix))
    }

    /// Counts the work of the bytes up to the current position, at the current depth.
    fn count(&mut self) -> Result<(), Refused> {
        let upto = self.i.min(self.bytes.len());
        if upto > self.counted {
            let bytes = (upto - self.counted) as u64;
            self.work = self.work.saturating_add(bytes << self.depth);
            self.counted = upto;
        }
        if self.work > (self.bytes.len() as u64).saturating_add(MAX_EXTRA_WORK) {
            return Err(Refused {
                depth: self.depth,
                offset: self.i,
            });
        }
        Ok(())
    }

    fn push(&mut self, frame: Frame, opened_at: usize) -> Result<(), Refused> {
        self.count()?;
        if frame.doubling {
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(Refused {
                    depth: self.depth,
                    offset: opened_at,
                });
            }
        }
        self.stack.push(frame);
        Ok(())
    }

    fn pop(&mut self) -> Result<(), Refused> {
        self.count()?;
        if self.stack.len() > 1
            && let Some(frame) = self.stack.pop()
            && frame.doubling
        {
            self.depth -= 1;
        }
        if let Some(top) = self.stack.last_mut() {
            top.after_term = true;
        }
        Ok(())
    }

    fn top(&mut self) -> Option<&mut Frame> {
        self.stack.last_mut()
    }

    fn run(mut self) -> Result<(), Refused> {
        while let Some(b) = self.at(self.i) {
            let text_mode = self.stack.last().is_some_and(Frame::is_text);
            if text_mode {
                self.text_byte(b)?;
            } else {
                self.code_byte(b)?;
            }
        }
        self.count()
    }

    fn text_byte(&mut self, b: u8) -> Result<(), Refused> {
        let Some(top) = self.stack.last() else {
            return Ok(());
        };
        let (kind, directives, delimiter, at_line_start) =
            (top.kind, top.directives, top.delimiter, top.at_line_start);
        if kind == Kind::Heredoc && at_line_start && directives == 0 {
            let mut j = self.i;
            while matches!(self.at(j), Some(b' ' | b'\t')) {
                j += 1;
            }
            let id = self.bytes.get(delimiter.0..delimiter.1).unwrap_or_default();
            let ends = self.bytes.get(j..).is_some_and(|rest| rest.starts_with(id))
                && !self.at(j + id.len()).is_some_and(identifier_continue);
            if ends {
                self.i = j + id.len();
                return self.pop();
            }
        }
        if let Some(top) = self.top() {
            top.at_line_start = false;
        }
        if b == b'\\' && kind == Kind::Quoted {
            self.i += 2;
        } else if self.starts_with(b"$${") || self.starts_with(b"%%{") {
            self.i += 3;
        } else if self.starts_with(b"${") || self.starts_with(b"%{") {
            if b == b'%' {
                let mut j = self.i + 2;
                if self.at(j) == Some(b'~') {
                    j += 1;
                }
                while self.at(j).is_some_and(|c| c.is_ascii_whitespace()) {
                    j += 1;
                }
                let start = j;
                while self.at(j).is_some_and(|c| c.is_ascii_alphabetic()) {
                    j += 1;
                }
                let keyword = self.bytes.get(start..j).unwrap_or_default();
                if let Some(top) = self.top() {
                    match keyword {
                        b"if" | b"for" => top.directives += 1,
                        b"endif" | b"endfor" if top.directives > 0 => top.directives -= 1,
                        _ => {}
                    }
                }
            }
            let opened_at = self.i;
            self.i += 2;
            // The string or heredoc itself carries the doubling mark.
            self.push(Frame::new(Kind::Interpolation, false), opened_at)?;
        } else if b == b'"' && kind == Kind::Quoted && directives == 0 {
            self.i += 1;
            self.pop()?;
        } else {
            if b == b'\n'
                && let Some(top) = self.top()
            {
                top.at_line_start = true;
            }
            self.i += 1;
        }
        Ok(())
    }

    fn code_byte(&mut self, b: u8) -> Result<(), Refused> {
        let Some(top) = self.stack.last() else {
            return Ok(());
        };
        let (kind, after_term, doubling_next) = (top.kind, top.after_term, top.operators >= 2);
        match b {
            b'\n' => {
                // A newline ends an attribute in a body; inside a group it does not end an
                // operator chain.
                if kind == Kind::Body
                    && let Some(top) = self.top()
                {
                    top.operators = 0;
                    top.after_term = false;
                    top.after_equals = false;
                }
                self.i += 1;
            }
            b' ' | b'\t' | b'\r' => self.i += 1,
            b'#' => self.skip_line(),
            b'/' if self.at(self.i + 1) == Some(b'/') => self.skip_line(),
            b'/' if self.at(self.i + 1) == Some(b'*') => {
                let rest = self.bytes.get(self.i + 2..).unwrap_or_default();
                self.i = rest
                    .windows(2)
                    .position(|w| w == b"*/")
                    .map_or(self.bytes.len(), |p| self.i + 2 + p + 2);
            }
            b'"' => {
                let opened_at = self.i;
                self.i += 1;
                self.push(Frame::new(Kind::Quoted, doubling_next), opened_at)?;
            }
            b'<' if !after_term && self.heredoc_start().is_some() => {
                if let Some((delimiter, end)) = self.heredoc_start() {
                    let opened_at = self.i;
                    self.i = end;
                    let mut frame = Frame::new(Kind::Heredoc, doubling_next);
                    frame.delimiter = delimiter;
                    self.push(frame, opened_at)?;
                }
            }
            b'{' | b'(' | b'[' => {
                let opened_at = self.i;
                self.i += 1;
                let block = b == b'{'
                    && kind == Kind::Body
                    && !self.stack.last().is_some_and(|t| t.after_equals);
                let kind = if block { Kind::Body } else { Kind::Group };
                self.push(Frame::new(kind, doubling_next), opened_at)?;
            }
            b'}' | b')' | b']' => {
                self.i += 1;
                self.pop()?;
            }
            _ => self.operator_or_term(b, after_term),
        }
        Ok(())
    }

    fn operator_or_term(&mut self, b: u8, after_term: bool) {
        let next = self.at(self.i + 1);
        let two = [b, next.unwrap_or(0)];
        let Some(top) = self.stack.last_mut() else {
            return;
        };
        if &two == b"=>" {
            top.operators = 0;
            top.after_term = false;
            self.i += 2;
        } else if matches!(&two, b"==" | b"!=" | b"<=" | b">=" | b"&&" | b"||") {
            if after_term {
                top.operators += 1;
            }
            top.after_term = false;
            self.i += 2;
        } else if matches!(b, b',' | b'=' | b':' | b'?') {
            top.operators = 0;
            top.after_term = false;
            if b == b'=' {
                top.after_equals = true;
            }
            self.i += 1;
        } else if matches!(b, b'+' | b'-' | b'*' | b'/' | b'%' | b'<' | b'>') {
            if after_term {
                top.operators += 1;
                top.after_term = false;
            } else if b == b'*' {
                top.after_term = true; // a splat: `[*]`, `.*`
            }
            self.i += 1;
        } else if matches!(b, b'!' | b'~') {
            top.after_term = false;
            self.i += 1;
        } else if b == b'.' {
            self.i += 1; // a traversal or an ellipsis: keeps `after_term`
        } else {
            // An identifier, a number or anything else: a term.
            let dash = identifier_start(b);
            let mut j = self.i + 1;
            while let Some(c) = self.bytes.get(j).copied() {
                if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 || (c == b'-' && dash) {
                    j += 1;
                } else {
                    break;
                }
            }
            top.after_term = true;
            self.i = j;
        }
    }

    /// `<<ID` or `<<-ID` then a newline at the current position: the delimiter's range and
    /// where the heredoc's text starts.
    fn heredoc_start(&self) -> Option<((usize, usize), usize)> {
        let mut j = self.i + 2;
        if self.bytes.get(self.i..j)? != b"<<" {
            return None;
        }
        if self.at(j) == Some(b'-') {
            j += 1;
        }
        let start = j;
        if !identifier_start(self.at(j)?) {
            return None;
        }
        while self.at(j).is_some_and(identifier_continue) {
            j += 1;
        }
        let end = j;
        if self.at(j) == Some(b'\r') {
            j += 1;
        }
        (self.at(j) == Some(b'\n')).then_some(((start, end), j + 1))
    }

    fn skip_line(&mut self) {
        let rest = self.bytes.get(self.i..).unwrap_or_default();
        self.i = rest
            .iter()
            .position(|&c| c == b'\n')
            .map_or(self.bytes.len(), |p| self.i + p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(levels: usize) -> String {
        format!("a = {}<{}\n", "x+y+(".repeat(levels), ")".repeat(levels))
    }

    #[test]
    fn operands_nested_after_operator_chains_are_refused() {
        assert!(check(&chain(MAX_DEPTH)).is_ok());
        let refused = check(&chain(20)).unwrap_err();
        assert_eq!(refused.depth, MAX_DEPTH + 1);
        // The innermost group that passed the limit: the ninth `(`.
        assert_eq!(refused.offset, 4 + 5 * MAX_DEPTH + 4);
        // The fuzzer's shape: strings that span lines, objects after `"a"*"b"+`.
        let fuzz = "source = \"a\"*\"\n b\"+ {\n".repeat(24);
        assert!(check(&fuzz).is_err());
    }

    #[test]
    fn real_code_and_linear_shapes_pass() {
        // One operator before each group, arrays and calls: hcl-edit stays linear.
        for text in [
            format!("a = {}1{}\n", "y+(".repeat(40), ")".repeat(40)),
            format!("a = {}1{}\n", "x+y+[".repeat(3), "]".repeat(3)),
            "a = var.a == null || (var.b != null || (var.c != null && var.d != \"okta\"))\n"
                .to_string(),
            "locals {\n  x = <<-EOT\n    ${a + b + (c)}\n  EOT\n  y = \"${x}-%{if a}b%{endif}\"\n}\n"
                .to_string(),
            "# x+y+(x+y+(x+y+(\n/* a+b+( */ b = 1\n".to_string(),
        ] {
            assert_eq!(check(&text), Ok(()), "{text}");
        }
    }

    #[test]
    fn shallow_but_large_nesting_is_refused_by_its_work() {
        // Depth 6 around 16 KB: 2^6 × 16 KB of re-parsing.
        let inner = "1 ".repeat(8192);
        let text = format!("a = {}{inner}{}\n", "x+y+(".repeat(6), ")".repeat(6));
        assert!(check(&text).is_err());
        assert!(check(&format!("a = x+y+({inner})\n")).is_ok());
    }

    #[test]
    fn the_offset_is_inside_the_text_on_a_character() {
        // Refused by its work at the very end, after an escape that skips into a character.
        let inner = "é ".repeat(20_000);
        let text = format!("a = x+y+(x+y+(x+y+(x+y+(x+y+(x+y+(\"\\é{inner}");
        let refused = check(&text).unwrap_err();
        assert!(text.is_char_boundary(refused.offset) && refused.offset <= text.len());
        let span = refused.span(&text);
        assert!(text.get(span).is_some());
    }

    #[test]
    fn templates_start_as_text() {
        assert!(check_template("hello ${a + b + (c)} world\n").is_ok());
        let deep = format!("${{{}1{}}}", "x+y+(".repeat(20), ")".repeat(20));
        assert!(check_template(&deep).is_err());
    }
}
