//! Noun phrases and clauses: the pieces the other parts of the grammar are made of.
//!
//! ```text
//! np      := determiner* content (content | preposition determiner* content | "and" content)*
//! content := a word that is no auxiliary, listed verb, verb of reporting or clause word;
//!            an -ed or -ing word only as a modifier (before a noun, or before an
//!            auxiliary or the end of the clause: "the workers surveyed were")
//! clause  := the words up to punctuation, a clause word or a figure (at most 14), less a
//!            trailing conjunction, preposition or article
//! ```

use std::ops::Range;

use super::reader::SentenceReader;
use super::tokens::TokenKind;
use super::words::class;
use crate::vocab::{contains_ci, ends_with_ci};

/// The most words a clause runs over.
const CLAUSE_LENGTH_MAX: usize = 14;

/// Whether a word of the classes `word_classes` (see [`super::words::classes`]) can be the
/// content of a noun phrase.
fn is_content(word: &str, word_classes: u32) -> bool {
    let closed = class::AUXILIARY
        | class::VERB
        | class::CLAUSE
        | class::FUNCTION
        | class::OTHER_PREPOSITION
        | class::ADVERB;
    word_classes & closed == 0
        && !(word.len() > 4 && word.ends_with("ly") && !word.ends_with("ply"))
}

/// Whether a word looks like a participle (an -ed or -ing word).
pub(super) fn is_participle(word: &str) -> bool {
    word.len() > 4 && (ends_with_ci(word, "ed") || ends_with_ci(word, "ing"))
}

impl SentenceReader<'_> {
    /// Whether token `i` is a word that can be the content of a noun phrase.
    pub(super) fn is_content(&self, i: usize) -> bool {
        is_content(self.word(i), self.classes(i))
    }

    /// Whether token `i` ends a clause: punctuation other than a hyphen or an apostrophe, or a
    /// clause word.
    pub(super) fn is_clause_break(&self, i: usize) -> bool {
        match self.tokens[i].kind {
            TokenKind::Punct => {
                let mark = &self.text[self.tokens[i].span.range()];
                !matches!(mark, "-" | "'" | "’" | "&" | "%" | "$")
            }
            TokenKind::Word => self.in_class(i, class::CLAUSE) || self.word(i) == "that",
            _ => false,
        }
    }

    /// The first token of the clause that token `end` (exclusive) closes: back over the
    /// tokens until a clause break.
    pub(super) fn clause_start(&self, end: usize) -> usize {
        let mut start = end;
        while start > 0 && !self.is_clause_break(start - 1) {
            start -= 1;
        }
        start
    }

    /// The end (exclusive) of the clause starting at `from`.
    pub(super) fn clause_end(&self, from: usize) -> usize {
        let mut i = from;
        while i < self.tokens.len()
            && i < from + CLAUSE_LENGTH_MAX
            && !self.is_clause_break(i)
            && !(i > from && self.is_figure(i))
        {
            i += 1;
        }
        // "were in forced labour and [22 million …]": no dangling conjunction or preposition.
        while i > from
            && self.is_word(i - 1)
            && (contains_ci(
                &["and", "or", "to", "of", "the", "a", "an"],
                self.word(i - 1),
            ) || self.in_class(i - 1, class::NP_PREPOSITION))
        {
            i -= 1;
        }
        i
    }

    /// `np := determiner* content (…)*`, forward from token `i`. Returns the content's token
    /// range, determiners left out.
    pub(super) fn np_forward(&self, mut i: usize) -> Option<Range<usize>> {
        let tokens = &self.tokens;
        while i < tokens.len() && self.is_word(i) && self.in_class(i, class::DETERMINER) {
            i += 1;
        }
        let start = i;
        let mut end = i;
        let mut words_taken = 0;
        while i < tokens.len() && words_taken < 10 {
            if !self.is_word(i) {
                break;
            }
            let current = self.word(i);
            let next_is_content = self.is_word(i + 1)
                && self.is_content(i + 1)
                && !self.in_class(i + 1, class::REPORTING);
            if self.in_class(i, class::NP_PREPOSITION) && end > start {
                // "in Thailand", "in the fishing industry", not "in 2021".
                let mut j = i + 1;
                while j < tokens.len() && self.is_word(j) && self.in_class(j, class::DETERMINER) {
                    j += 1;
                }
                if self.is_word(j) && self.is_content(j) && !is_participle(self.word(j)) {
                    i = j;
                    continue;
                }
                break;
            }
            let conjunction =
                current.eq_ignore_ascii_case("and") || current.eq_ignore_ascii_case("or");
            if conjunction && end > start {
                if next_is_content && !is_participle(self.word(i + 1)) {
                    i += 1;
                    continue;
                }
                break;
            }
            if !self.is_content(i) {
                break;
            }
            if is_participle(current) {
                let next_word = self.word(i + 1);
                let closes = tokens.get(i + 1).is_none_or(|t| t.kind == TokenKind::Punct)
                    || self.in_class(i + 1, class::AUXILIARY)
                    || contains_ci(&["and", "or"], next_word);
                if ends_with_ci(current, "ing") && end > start {
                    // "migrants entering Thailand": a participle with its object.
                    if next_is_content && next_word.starts_with(|c: char| c.is_uppercase()) {
                        end = i + 2;
                        i += 2;
                        words_taken += 2;
                        continue;
                    }
                    break;
                }
                if !(closes || (next_is_content && end == start)) {
                    break;
                }
                if closes && end > start {
                    // "the workers surveyed": the participle ends the phrase.
                    end = i + 1;
                    break;
                }
            } else if self.in_class(i, class::REPORTING) && end > start {
                break;
            }
            end = i + 1;
            i += 1;
            words_taken += 1;
        }
        (end > start).then_some(start..end)
    }

    /// The noun phrase that ends just before token `end`, walking back over content words,
    /// prepositions, determiners and "of". Leading determiners and prepositions are left out.
    pub(super) fn np_backward(&self, end: usize) -> Option<Range<usize>> {
        let mut start = end;
        while start > 0 && end - start < 12 {
            let i = start - 1;
            if !self.is_word(i) {
                break;
            }
            let current = self.word(i);
            let joins = self.in_class(i, class::NP_PREPOSITION)
                || current.eq_ignore_ascii_case("of")
                || self.in_class(i, class::DETERMINER)
                || current.eq_ignore_ascii_case("and");
            let reporting = self.in_class(i, class::REPORTING) && !is_participle(current);
            if !(joins || self.is_content(i)) || reporting {
                break;
            }
            start = i;
        }
        while start < end
            && (self.in_class(start, class::DETERMINER)
                || self.in_class(start, class::NP_PREPOSITION)
                || self.word(start).eq_ignore_ascii_case("of")
                || self.word(start).eq_ignore_ascii_case("and")
                || contains_ci(&["with", "as", "for"], self.word(start)))
        {
            start += 1;
        }
        // Sentence-initial words of a subordinate clause ("With more than …") are not subjects.
        (start < end).then_some(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::super::reader::testing::{token_of, with_reader, written};

    #[test]
    fn noun_phrases_forward() {
        // The phrase from the first word: determiners left out; a preposition with content
        // after it continues the phrase, one with a participle after it does not.
        let cases = [
            ("the workers surveyed were paid", "workers surveyed"),
            (
                "all migrants in the construction sector said so",
                "migrants in the construction sector",
            ),
            ("all migrants in the fishing industry said so", "migrants"),
            (
                "migrants entering Thailand were counted",
                "migrants entering Thailand",
            ),
            ("men and women were counted", "men and women"),
        ];
        for (text, want) in cases {
            let got = with_reader(text, |r| {
                r.np_forward(0).map(|np| written(r, r.span_of(np)))
            });
            assert_eq!(got.as_deref(), Some(want), "{text:?}");
        }
    }

    #[test]
    fn noun_phrases_backward() {
        // The phrase that ends before the given word; none before a verb of reporting.
        let cases = [
            (
                "Remittances from Thailand reached",
                "reached",
                Some("Remittances from Thailand"),
            ),
            ("for the workers said", "said", Some("workers")),
            (
                "the workers surveyed said",
                "said",
                Some("workers surveyed"),
            ),
            ("the ILO found that", "that", None),
            ("With", "With", None),
        ];
        for (text, before, want) in cases {
            let got = with_reader(text, |r| {
                r.np_backward(token_of(r, before))
                    .map(|np| written(r, r.span_of(np)))
            });
            assert_eq!(got.as_deref(), want, "{text:?}");
        }
    }

    #[test]
    fn clauses() {
        // The clause from the given word: to a figure, a comma or a clause word, less a
        // dangling conjunction.
        let cases = [
            (
                "they were in forced labour and 22 million more",
                "were",
                "were in forced labour",
            ),
            ("it rose, the ILO said", "it", "it rose"),
            ("workers who said that they were paid", "workers", "workers"),
        ];
        for (text, from, want) in cases {
            let got = with_reader(text, |r| {
                let from = token_of(r, from);
                written(r, r.span_of(from..r.clause_end(from)))
            });
            assert_eq!(got, want, "{text:?}");
        }
    }
}
