//! Source files as the parsers saw them: the text, a line index, and byte spans.
//!
//! Every position in tenet is a byte [`Span`] into one [`SourceFile`]; lines and columns are
//! computed from it only when a reporter needs them, so parsers never count lines themselves.

use std::sync::Arc;

use serde::Serialize;

/// A half-open byte range `[start, end)` in a source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }
}

/// A 1-based line and column; the column counts Unicode scalar values (code points).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One input file, read once and shared by the parser, the location resolver and the reporters.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as reported to users: as given on the command line (relative paths stay
    /// relative), with `/` separators and no leading `./`.
    pub display: String,
    pub text: Arc<str>,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(display: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        let text: Arc<str> = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            display: display.into(),
            text,
            line_starts,
        }
    }

    /// Byte offset where the 1-based `line` starts (clamped to the end of the text).
    pub fn line_start(&self, line: usize) -> usize {
        line.checked_sub(1)
            .and_then(|i| self.line_starts.get(i))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The 1-based line and code-point column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(line_index).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        Position {
            line: line_index + 1,
            column,
        }
    }

    /// Byte offset of a 1-based line and 0-based code-point column (saphyr's markers).
    pub fn offset_of(&self, line: usize, char_column: usize) -> usize {
        let start = self.line_start(line);
        let rest = self.text.get(start..).unwrap_or("");
        let within = rest
            .char_indices()
            .take_while(|&(_, c)| c != '\n')
            .nth(char_column)
            .map_or_else(|| rest.find('\n').unwrap_or(rest.len()), |(i, _)| i);
        start + within
    }

    /// The text of the 1-based `line`, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self.line_start(line);
        let rest = self.text.get(start..).unwrap_or("");
        let end = rest.find('\n').unwrap_or(rest.len());
        rest.get(..end).unwrap_or("").trim_end_matches('\r')
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_code_points_and_lines_from_one() {
        let file = SourceFile::new("f", "ab\nçé: x\n");
        assert_eq!(file.position(0), Position { line: 1, column: 1 });
        assert_eq!(file.position(3), Position { line: 2, column: 1 });
        // "çé" is 4 bytes; the ':' after it is the third code point.
        assert_eq!(file.position(7), Position { line: 2, column: 3 });
        assert_eq!(file.offset_of(2, 2), 7);
        assert_eq!(file.line_text(2), "çé: x");
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let file = SourceFile::new("f", "a\nb");
        assert_eq!(file.position(100), Position { line: 2, column: 2 });
        assert_eq!(file.offset_of(9, 0), 3);
    }
}
