//! Line and column numbers, computed only when rendering.

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
}

/// Where a text starts inside the file it was cut from: what comes before it, so that
/// positions in a part of a long file are given in the file's terms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Origin {
    /// Bytes of the file before the text.
    pub byte: usize,
    /// Whole lines of the file before the text (line breaks before it).
    pub line: usize,
    /// Characters of the text's first line that come before it, on that line.
    pub column: usize,
}

impl Origin {
    /// The origin of the text that follows `text` (which starts at `self`).
    pub fn after(self, text: &str) -> Origin {
        match memchr::memrchr(b'\n', text.as_bytes()) {
            Some(last) => Origin {
                byte: self.byte + text.len(),
                line: self.line + memchr::memchr_iter(b'\n', text.as_bytes()).count(),
                column: text[last + 1..].chars().count(),
            },
            None => Origin {
                byte: self.byte + text.len(),
                line: self.line,
                column: self.column + text.chars().count(),
            },
        }
    }

    /// A position in the text as a position in the file.
    pub fn place(self, p: Position) -> Position {
        Position {
            line: p.line + self.line,
            column: if p.line == 1 {
                p.column + self.column
            } else {
                p.column
            },
        }
    }
}

/// The starts of the lines of a text, for turning byte offsets into positions.
///
/// Long lines also get checkpoints every `CHECKPOINT` bytes (the column there), so that
/// any position costs at most that many bytes of counting, however long its line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset, 0-based column) at character boundaries inside long lines, in order.
    checkpoints: Vec<(usize, usize)>,
    /// Where the text starts in its file: positions are given in the file's terms.
    origin: Origin,
}

/// The spacing of column checkpoints inside a long line, in bytes.
pub(crate) const CHECKPOINT: usize = 4096;

impl LineIndex {
    /// Indexes the line starts of `text`, and checkpoints inside its long lines.
    pub fn new(text: &str) -> Self {
        Self::starting_at(text, Origin::default())
    }

    /// Indexes `text`, a part of a file that starts at `origin` in it: positions are the
    /// file's lines and columns.
    pub fn starting_at(text: &str, origin: Origin) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut checkpoints = Vec::new();
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).map_or(text.len(), |n| n - 1);
            let mut at = start;
            let mut column = 0;
            while end - at > CHECKPOINT {
                let mut next = at + CHECKPOINT;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                column += text[at..next].chars().count();
                checkpoints.push((next, column));
                at = next;
            }
        }
        LineIndex {
            starts,
            checkpoints,
            origin,
        }
    }

    /// The position of byte `offset` of `text` (the text this index was built from).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let line_start = self.starts[line];
        // The last checkpoint at or before the offset, if it lies on the same line.
        let k = self.checkpoints.partition_point(|&(o, _)| o <= offset);
        let (from, base) = match k.checked_sub(1).map(|k| self.checkpoints[k]) {
            Some((o, c)) if o >= line_start => (o, c),
            _ => (line_start, 0),
        };
        let column = base + text[from..offset].chars().count() + 1;
        self.origin.place(Position {
            line: line + 1,
            column,
        })
    }

    /// The byte range of the line that holds `offset`, without its line break.
    pub fn line_range(&self, text: &str, offset: usize) -> std::ops::Range<usize> {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let end = self.starts.get(line + 1).map_or(text.len(), |n| n - 1);
        self.starts[line]..end
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
        let starts = &self.index.starts;
        // Most offsets come after the last on the same line: no line to look for.
        let on_line = offset >= self.offset
            && starts
                .get(self.line + 1)
                .is_none_or(|&next_line| offset < next_line);
        if !on_line {
            let line = starts.partition_point(|&s| s <= offset) - 1;
            if line != self.line || offset < self.offset {
                self.line = line;
                self.offset = starts[line];
                self.column = 1;
            }
        }
        self.column += self.text[self.offset..offset].chars().count();
        self.offset = offset;
        self.index.origin.place(Position {
            line: self.line + 1,
            column: self.column,
        })
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

    #[test]
    fn a_part_of_a_file_gives_the_file_s_positions() {
        let file = "ab\n€1 and 2\n\nx y\n";
        let whole = LineIndex::new(file);
        for cut in [0, 3, 6, 9, 15, 16] {
            let origin = Origin::default().after(&file[..cut]);
            assert_eq!(origin.byte, cut);
            let part = &file[cut..];
            let index = LineIndex::starting_at(part, origin);
            let mut cursor = index.cursor(part);
            for offset in (0..=part.len()).filter(|&o| part.is_char_boundary(o)) {
                let want = whole.position(file, cut + offset);
                assert_eq!(
                    index.position(part, offset),
                    want,
                    "cut {cut}, offset {offset}"
                );
                assert_eq!(
                    cursor.position(offset),
                    want,
                    "cursor: cut {cut}, offset {offset}"
                );
            }
        }
    }

    #[test]
    fn checkpoints_agree_with_counting() {
        let long: String = "é1 ab€ ".repeat(3000) + "\nnext line é\n" + &"x".repeat(9000);
        let index = LineIndex::new(&long);
        for offset in (0..long.len())
            .step_by(997)
            .filter(|&o| long.is_char_boundary(o))
        {
            let line_start = long[..offset].rfind('\n').map_or(0, |i| i + 1);
            let line = long[..offset].matches('\n').count() + 1;
            let column = long[line_start..offset].chars().count() + 1;
            assert_eq!(
                index.position(&long, offset),
                Position { line, column },
                "at {offset}"
            );
        }
    }

    proptest::proptest! {
        /// A cursor gives the index's position for any order of offsets: forward on one
        /// line, across lines, and back.
        #[test]
        fn a_cursor_answers_as_the_index(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("ab "),
                    proptest::strategy::Just("\n"),
                    proptest::strategy::Just("€1"),
                    proptest::strategy::Just("\n\n"),
                    proptest::strategy::Just("x"),
                ],
                0..24,
            ),
            picks in proptest::collection::vec(0usize..1000, 0..24),
        ) {
            let text = parts.concat();
            let index = LineIndex::new(&text);
            let mut cursor = index.cursor(&text);
            let boundaries: Vec<usize> =
                (0..=text.len()).filter(|&o| text.is_char_boundary(o)).collect();
            for pick in picks {
                let offset = boundaries[pick % boundaries.len()];
                proptest::prop_assert_eq!(
                    cursor.position(offset),
                    index.position(&text, offset),
                    "{:?} at {}",
                    text,
                    offset
                );
            }
        }
    }
}
