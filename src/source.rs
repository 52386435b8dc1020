//! Source files as the parsers saw them: the text, a line index, and byte spans.
//!
//! Every position in tenet is a byte [`Span`] into one [`SourceFile`]; lines and columns are
//! computed from it only when a reporter needs them, so parsers never count lines themselves.

use std::collections::HashMap;
use std::ops::Range;
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
    /// Set when the parser read a translation of `text` (Terraform JSON is translated into
    /// native syntax): maps offsets in the translation back into `text`.
    translation: Option<SourceMap>,
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
            translation: None,
        }
    }

    /// The same file, read by its parser through a translation described by `map`.
    pub fn with_translation(&self, map: SourceMap) -> Self {
        SourceFile {
            display: self.display.clone(),
            text: self.text.clone(),
            line_starts: self.line_starts.clone(),
            translation: Some(map),
        }
    }

    /// The span in this file of a byte range the parser reported (the identity unless the
    /// parser read a translation).
    pub fn parsed_span(&self, range: Range<usize>) -> Span {
        match &self.translation {
            None => Span::new(range.start, range.end),
            Some(map) => {
                let start = map.original(range.start, false).min(self.text.len());
                let end = map.original(range.end, true).min(self.text.len());
                Span::new(
                    self.floor_char_boundary(start),
                    self.floor_char_boundary(end),
                )
            }
        }
    }

    /// For a translated file: the header span recorded for the block starting at `start`
    /// in the translation.
    pub fn translated_header(&self, start: usize) -> Option<Span> {
        self.translation.as_ref()?.headers.get(&start).copied()
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

    /// The largest character boundary at or before `offset` (parsers may report an offset
    /// inside a multi-byte character).
    pub fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// Offsets in a translated text mapped back to the file it was translated from.
#[derive(Debug, Default)]
pub struct SourceMap {
    /// (offset in the translation, offset in the file), in writing order; both increase.
    anchors: Vec<(usize, usize)>,
    /// Start of a block in the translation → its header in the file.
    headers: HashMap<usize, Span>,
}

impl SourceMap {
    /// Records that the byte at `translated` in the translation comes from `original`.
    pub fn anchor(&mut self, translated: usize, original: usize) {
        self.anchors.push((translated, original));
    }

    /// Records the file span of the header of the block that starts at `translated`.
    pub fn header(&mut self, translated: usize, span: Span) {
        self.headers.insert(translated, span);
    }

    /// The file offset of a translation offset: exact at anchors, and counted on from the
    /// anchor before it (never past the next anchor) in between. `end` picks the first of
    /// several anchors at the same offset (where a token ends), else the last (where the
    /// next begins).
    fn original(&self, translated: usize, end: bool) -> usize {
        let after = self.anchors.partition_point(|&(t, _)| t <= translated);
        let exact = self.anchors.partition_point(|&(t, _)| t < translated);
        if let Some(&(_, original)) = self.anchors.get(exact).filter(|_| end && exact < after) {
            return original;
        }
        let Some(&(t, o)) = after.checked_sub(1).and_then(|i| self.anchors.get(i)) else {
            return 0;
        };
        let counted = o + (translated - t);
        match self.anchors.get(after) {
            Some(&(_, next)) if next >= o => counted.min(next),
            _ => counted,
        }
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
