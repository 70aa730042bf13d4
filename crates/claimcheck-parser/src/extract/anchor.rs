//! Where figures may start: the anchor scan. An anchor is an ASCII digit anywhere, or a
//! number word (or a word that heads a vague amount or a majority) standing as a whole word,
//! in any case. The scan steps over the bytes once, reading runs of letters eight bytes at a
//! time ([`crate::runs`]), and looks up each word that starts after no letter or digit by its
//! length and first and last letters. Timed side by side it is a little faster than the
//! aho-corasick automaton it replaced, and has no automaton to build at start-up.

use std::sync::LazyLock;

use crate::mention::Span;
use crate::vocab::{self, ORDINALS, SCALES, TENS, UNITS};

/// The words that anchor a figure, lowercase: number words, scales, ordinals, fractions, the
/// heads of vague amounts and of majorities. Every one is ASCII letters only (a test holds
/// them to it), so a word of the text is an anchor only as a whole run of letters.
pub(super) fn anchor_words() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = Vec::new();
    words.extend(UNITS.iter().map(|(w, _)| *w));
    words.extend(TENS.iter().map(|(w, _)| *w));
    words.extend(SCALES.iter().map(|(w, _)| *w));
    words.extend(ORDINALS.iter().map(|(w, _)| *w));
    words.extend(vocab::FRACTIONS.iter().map(|(w, _)| *w));
    words.extend(vocab::VAGUE_HEADS.iter().copied());
    words.extend(vocab::MAJORITY_WORDS.iter().copied());
    words.extend(["hundred", "dozen"]);
    words.sort_unstable();
    words.dedup();
    words
}

/// The anchor words, found by a word's length and its first and last letters: nearly every
/// word of prose has no anchor word of its length, first and last letter, and is told so by
/// one table read, with no hashing; the few that do are compared with the one or two words
/// that have.
struct AnchorWords {
    /// For each length, first and last letter ([`AnchorWords::key`]): one more than the index
    /// of the words of that length and letters in `groups`, or 0 for none.
    index: Vec<u8>,
    groups: Vec<Vec<&'static [u8]>>,
}

/// The longest anchor word ("quintillion", "seventeenth", "thousandths").
const LONGEST: usize = 11;

impl AnchorWords {
    fn new(words: &[&'static str]) -> Self {
        let mut index = vec![0u8; LONGEST * 32 * 32];
        let mut groups: Vec<Vec<&'static [u8]>> = Vec::new();
        for w in words {
            let w = w.as_bytes();
            let Some(key) = Self::key(w) else {
                continue; // longer than LONGEST: a test keeps every word within it
            };
            if index[key] == 0 {
                groups.push(Vec::new());
                index[key] = u8::try_from(groups.len()).unwrap_or(u8::MAX);
            }
            if let Some(group) = groups.get_mut(usize::from(index[key]) - 1) {
                group.push(w);
            }
        }
        AnchorWords { index, groups }
    }

    /// Where a word of ASCII letters stands in the index, if no longer than [`LONGEST`].
    fn key(word: &[u8]) -> Option<usize> {
        let (&first, &last) = (word.first()?, word.last()?);
        if word.len() > LONGEST {
            return None;
        }
        // A letter's low five bits are its place in the alphabet, from 1, in either case.
        let letter = |b: u8| usize::from(b & 0x1F);
        Some(((word.len() - 1) * 32 + letter(first)) * 32 + letter(last))
    }

    /// Whether `word` (ASCII letters) is an anchor word, in any case.
    fn contains(&self, word: &[u8]) -> bool {
        let Some(key) = Self::key(word) else {
            return false;
        };
        match self.index[key] {
            0 => false,
            g => self.groups[usize::from(g) - 1]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(word)),
        }
    }
}

static ANCHOR_WORDS: LazyLock<AnchorWords> = LazyLock::new(|| AnchorWords::new(&anchor_words()));

/// What a byte is to the scan: a letter, a digit, the first byte of a character outside
/// ASCII, or anything else (spaces, punctuation, continuation bytes, which the scan never
/// meets at a character boundary).
const OTHER: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const WIDE: u8 = 3;

const CLASSES: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_digit() {
            DIGIT
        } else if byte.is_ascii_alphabetic() {
            LETTER
        } else if byte >= 0xC0 {
            WIDE
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// The first anchor at or after `pos` (a character boundary of `text`): a digit, or an anchor
/// word that no letter or digit stands right before. Whether anything stands right after a
/// word ("halfway", "one-way") is for the caller to judge.
pub(super) fn next_anchor(text: &str, pos: usize) -> Option<Span> {
    let words = &*ANCHOR_WORDS;
    let bytes = text.as_bytes();
    // Whether a letter or digit (of any script) stands right before `i`.
    let mut after_word_char = text
        .get(..pos)?
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let mut i = pos;
    while let Some(&b) = bytes.get(i) {
        match CLASSES[usize::from(b)] {
            LETTER => {
                let start = i;
                i = crate::runs::letters_end(bytes, i + 1);
                if !after_word_char && words.contains(&bytes[start..i]) {
                    return Some(Span::new(start, i));
                }
                after_word_char = true;
            }
            DIGIT => return Some(Span::new(i, i + 1)),
            WIDE => {
                let c = text[i..].chars().next()?;
                after_word_char = c.is_alphanumeric();
                i += c.len_utf8();
            }
            _ => {
                after_word_char = false;
                i += 1;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
    use proptest::prelude::*;

    /// The automaton the scan replaced: every anchor word and digit as a substring, leftmost
    /// longest, in any ASCII case.
    static AUTOMATON: std::sync::LazyLock<AhoCorasick> = std::sync::LazyLock::new(|| {
        let mut words = anchor_words();
        words.extend(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(words)
            .expect("a small fixed set")
    });

    /// The first anchor at or after `pos` that `find` finds and the extractor keeps: a
    /// digit, or a whole word (a word refused is passed over to its end, as the extractor
    /// does).
    fn kept(text: &str, mut pos: usize, find: impl Fn(usize) -> Option<Span>) -> Option<Span> {
        loop {
            let m = find(pos)?;
            let digit = text.as_bytes()[m.start].is_ascii_digit();
            let whole = !text[..m.start].ends_with(|c: char| c.is_alphanumeric())
                && crate::number::at_boundary(&text[m.end..]);
            if digit || whole {
                return Some(m);
            }
            pos = m.end;
        }
    }

    #[test]
    fn anchor_words_are_ascii_letters_and_all_found() {
        for w in anchor_words() {
            assert!(
                !w.is_empty() && w.len() <= LONGEST && w.bytes().all(|b| b.is_ascii_lowercase()),
                "{w:?}"
            );
            assert!(ANCHOR_WORDS.contains(w.as_bytes()), "{w:?}");
            assert!(ANCHOR_WORDS.contains(w.to_uppercase().as_bytes()), "{w:?}");
        }
    }

    #[test]
    fn anchors_in_prose() {
        let text = "Some 40 Million people, a THIRD of them (twenty-one) in 2010; someone halfway, ÉONE 5bn éone two";
        let mut found = Vec::new();
        let mut pos = 0;
        while let Some(a) = next_anchor(text, pos) {
            found.push(&text[a.start..a.end]);
            pos = a.end;
        }
        assert_eq!(
            found,
            [
                "4", "0", "Million", "THIRD", "twenty", "one", "2", "0", "1", "0", "5", "two"
            ]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// From every character boundary, the scan leads the extractor to the anchor the
        /// automaton led it to.
        #[test]
        fn the_scan_finds_what_the_automaton_found(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("one"), Just("One"), Just("HUNDRED"), Just("half"), Just("halfway"),
                    Just("m"), Just("bn"), Just("fourths"), Just("most"), Just("few"),
                    Just("thousandths"), Just("seventeenth"), Just("x"), Just("é"), Just("²"),
                    Just(" "), Just("-"), Just("'"), Just("5"), Just("12"), Just("."),
                    Just("someone"), Just("twoThousand"), Just("a"), Just("Ünder"),
                ],
                0..16,
            )
        ) {
            let ac = &*AUTOMATON;
            let text: String = parts.concat();
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                let by_automaton = kept(&text, pos, |p| {
                    ac.find(aho_corasick::Input::new(&text).span(p..text.len()))
                        .map(|m| Span::new(m.start(), m.end()))
                });
                let by_scan = kept(&text, pos, |p| next_anchor(&text, p));
                prop_assert_eq!(by_scan, by_automaton, "{:?} at {}", text, pos);
            }
        }
    }
}
