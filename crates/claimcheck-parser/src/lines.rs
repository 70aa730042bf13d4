//! Line and column numbers, computed only when rendering.

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
}

/// The starts of the lines of a text, for turning byte offsets into positions.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The position of byte `offset` of `text` (the text this index was built from).
    ///
    /// Columns are counted from the line start, so the cost grows with the column: callers
    /// that walk many offsets on one long line should use [`LineIndex::cursor`].
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = text[self.starts[line]..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// A cursor for offsets visited in increasing order: linear in the text overall, even
    /// on a single enormous line.
    pub fn cursor<'a>(&'a self, text: &'a str) -> Cursor<'a> {
        Cursor {
            index: self,
            text,
            line: 0,
            offset: 0,
            column: 1,
        }
    }
}

/// Turns increasing byte offsets into positions without re-counting from the line start.
#[derive(Debug)]
pub struct Cursor<'a> {
    index: &'a LineIndex,
    text: &'a str,
    line: usize,
    offset: usize,
    column: usize,
}

impl Cursor<'_> {
    /// The position of `offset`. Offsets may go back; going back re-counts from the line start.
    pub fn position(&mut self, offset: usize) -> Position {
        let line = self.index.starts.partition_point(|&s| s <= offset) - 1;
        if line != self.line || offset < self.offset {
            self.line = line;
            self.offset = self.index.starts[line];
            self.column = 1;
        }
        self.column += self.text[self.offset..offset].chars().count();
        self.offset = offset;
        Position {
            line: line + 1,
            column: self.column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "ab\n€1 and 2\n\nx";
        let index = LineIndex::new(text);
        let want = [
            (0, 1, 1),
            (3, 2, 1),
            (6, 2, 2),
            (13, 2, 9),
            (14, 3, 1),
            (15, 4, 1),
        ];
        let mut cursor = index.cursor(text);
        for (offset, line, column) in want {
            assert_eq!(index.position(text, offset), Position { line, column });
            assert_eq!(cursor.position(offset), Position { line, column });
        }
    }
}
