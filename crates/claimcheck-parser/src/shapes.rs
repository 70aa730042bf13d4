//! A filter in front of a word list's lookups: most words of prose are in no list, and one
//! read of a small table tells them so, with no hashing. Used by the parser's word lists and
//! by the checker's lexicons.

/// The shapes of a list's words: one bit for each length (modulo 16) with first and last
/// byte (their low five bits, the same for a letter in either case, so a word's shape does not
/// change with its ASCII case). A word whose bit is clear is in no list that made the filter;
/// a set bit says only that it may be. The table is 2 KB.
#[derive(Debug, Clone)]
pub struct WordShapes(Box<[u64; 256]>);

impl Default for WordShapes {
    fn default() -> Self {
        WordShapes(Box::new([0; 256]))
    }
}

impl WordShapes {
    /// The bit of a word's shape, or `None` for the empty word.
    fn bit(word: &[u8]) -> Option<usize> {
        let (&first, &last) = (word.first()?, word.last()?);
        Some(
            ((word.len() & 15) << 10) | (usize::from(first & 0x1F) << 5) | usize::from(last & 0x1F),
        )
    }

    /// Lets words of `word`'s shape through.
    pub fn insert(&mut self, word: &[u8]) {
        if let Some(b) = Self::bit(word)
            && let Some(w) = self.0.get_mut(b / 64)
        {
            *w |= 1 << (b % 64);
        }
    }

    /// Whether a word of this shape may be listed (always for the empty word).
    pub fn may_hold(&self, word: &[u8]) -> bool {
        match Self::bit(word) {
            Some(b) => self.0.get(b / 64).is_some_and(|w| w & (1 << (b % 64)) != 0),
            None => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::WordShapes;

    proptest::proptest! {
        /// A word let through is let through in any ASCII case; the empty word always is.
        #[test]
        fn a_listed_word_passes_in_any_case(
            listed in proptest::collection::vec("[a-z0-9'é-]{1,20}", 1..20),
            probe in "[a-zA-Z]{0,6}",
        ) {
            let mut shapes = WordShapes::default();
            for w in &listed {
                shapes.insert(w.as_bytes());
            }
            for w in &listed {
                proptest::prop_assert!(shapes.may_hold(w.as_bytes()));
                proptest::prop_assert!(shapes.may_hold(w.to_ascii_uppercase().as_bytes()));
            }
            proptest::prop_assert!(shapes.may_hold(b""));
            if !listed.iter().any(|w| w.len() % 16 == probe.len() % 16) && !probe.is_empty() {
                proptest::prop_assert!(!shapes.may_hold(probe.as_bytes()));
            }
        }
    }
}
