//! A source file's text with a line index, so byte offsets can be turned into the
//! line/column pairs each output format wants (rustc-style char columns, SARIF UTF-16).

use std::ops::Range;
use std::path::PathBuf;

#[derive(Debug)]
pub struct SourceFile {
    /// Where the file was read from.
    pub path: PathBuf,
    /// The path shown to users: relative to the scan root when possible, `/`-separated.
    pub display: String,
    pub text: String,
    line_starts: Vec<usize>,
}

/// A 1-based position. `column` counts Unicode scalar values (as rustc does);
/// `column_utf16` counts UTF-16 code units (as SARIF's `utf16CodeUnits` does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub column_utf16: usize,
}

impl SourceFile {
    pub fn new(path: PathBuf, display: String, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path,
            display,
            text,
            line_starts,
        }
    }

    /// Position of a byte offset; offsets past the end or inside a character are clamped.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset);
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let mut line_text = &self.text[self.line_starts[line_index]..offset];
        if line_index == 0 {
            // A byte-order mark is not a column.
            line_text = line_text.strip_prefix('\u{feff}').unwrap_or(line_text);
        }
        Position {
            line: line_index + 1,
            column: line_text.chars().count() + 1,
            column_utf16: line_text.encode_utf16().count() + 1,
        }
    }

    /// The text of a 1-based line, without its line terminator or a byte-order mark,
    /// which is no more text of the line than a column.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let text = self.text[start..end].trim_end_matches(['\n', '\r']);
        if line == 1 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        }
    }

    pub fn snippet(&self, range: Range<usize>) -> &str {
        let start = self.clamp(range.start);
        let end = self.clamp(range.end.max(start));
        &self.text[start..end]
    }

    fn clamp(&self, mut offset: usize) -> usize {
        offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_chars_and_utf16_units() {
        let f = SourceFile::new("a.rs".into(), "a.rs".into(), "ab\n\u{1F600}x\r\ny".into());
        assert_eq!(
            f.position(0),
            Position {
                line: 1,
                column: 1,
                column_utf16: 1
            }
        );
        assert_eq!(
            f.position(3),
            Position {
                line: 2,
                column: 1,
                column_utf16: 1
            }
        );
        // After the emoji: one char, two UTF-16 units, four bytes.
        assert_eq!(
            f.position(7),
            Position {
                line: 2,
                column: 2,
                column_utf16: 3
            }
        );
        assert_eq!(
            f.position(10),
            Position {
                line: 3,
                column: 1,
                column_utf16: 1
            }
        );
        assert_eq!(f.line_text(2), "\u{1F600}x");
        assert_eq!(f.position(999).line, 3);
        // An offset inside a character is clamped back to its start.
        assert_eq!(f.position(5), f.position(3));
        let bom = SourceFile::new("b.rs".into(), "b.rs".into(), "\u{feff}fn f".into());
        assert_eq!(bom.position(6).column, 4);
        // Nor is it text of the line: fingerprints must not change when an editor adds one.
        assert_eq!(bom.line_text(1), "fn f");
    }
}
