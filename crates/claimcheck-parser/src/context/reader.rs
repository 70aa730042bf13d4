//! The sentence reader: one sentence's text, tokens and reference times, held once and read
//! by each part of the grammar.
//!
//! The grammar's parts are methods of [`SentenceReader`], one module each: noun phrases and
//! clauses in `phrase`, the subject in `subject`, the predicate and hedge in `predicate`, the
//! attribution in `source`, the reference time in `time` and the basis in `basis`. This module
//! holds what they all read: a token's word, its classes, and whether a phrase stands at it.

use std::cell::OnceCell;
use std::ops::Range;

use super::Organisations;
use super::time::TimeCandidate;
use super::tokens::{Token, TokenKind, tokenize};
use crate::mention::{Mention, Span};

/// One sentence, tokenized, with what the grammar needs to read it.
pub(super) struct SentenceReader<'a> {
    /// The whole document: tokens' spans index into it.
    pub(super) text: &'a str,
    /// The sentence's words, figures, years and punctuation.
    pub(super) tokens: Vec<Token>,
    /// The document's mentions: [`TokenKind::Figure`] and [`TokenKind::Year`] index into them.
    pub(super) mentions: &'a [Mention],
    /// The organisations attributions are normalised to.
    pub(super) organisations: &'a Organisations,
    /// The sentence's reference times, worked out when a figure first asks for them.
    pub(super) times: OnceCell<Vec<TimeCandidate>>,
}

/// A figure of the sentence: its mention and the token that stands for it.
pub(super) struct Figure<'a> {
    /// The figure's mention.
    pub(super) mention: &'a Mention,
    /// The figure's token in the sentence.
    pub(super) token: usize,
}

impl<'a> SentenceReader<'a> {
    /// Tokenizes `sentence`; `first_mention` is the index of the first mention at or after its
    /// start.
    pub(super) fn new(
        text: &'a str,
        sentence: Span,
        mentions: &'a [Mention],
        first_mention: usize,
        organisations: &'a Organisations,
    ) -> Self {
        SentenceReader {
            text,
            tokens: tokenize(text, sentence, mentions, first_mention),
            mentions,
            organisations,
            times: OnceCell::new(),
        }
    }

    /// The figure of mention `index`, if its token is in this sentence.
    pub(super) fn figure(&self, index: usize) -> Option<Figure<'a>> {
        let token = self
            .tokens
            .iter()
            .position(|t| t.kind == TokenKind::Figure(index))?;
        Some(Figure {
            mention: &self.mentions[index],
            token,
        })
    }

    /// The text of token `i` when it is a word or punctuation; "" otherwise or past the end.
    pub(super) fn word(&self, i: usize) -> &'a str {
        match self.tokens.get(i) {
            Some(t) if t.kind == TokenKind::Word || t.kind == TokenKind::Punct => {
                &self.text[t.span.range()]
            }
            _ => "",
        }
    }

    /// Whether token `i` is a word.
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether token `i` is a figure.
    pub(super) fn is_figure(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Figure(_)))
    }

    /// Whether token `i` is the punctuation mark `mark`.
    pub(super) fn is_punct(&self, i: usize, mark: char) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && self.text[t.span.range()].starts_with(mark)
        })
    }

    /// Whether token `i` is a word of one of the classes `bits`.
    pub(super) fn in_class(&self, i: usize, bits: u32) -> bool {
        self.classes(i) & bits != 0
    }

    /// The classes of token `i` (0 for a token that is no word, and past the end), looked up
    /// once when the sentence was cut into tokens.
    pub(super) fn classes(&self, i: usize) -> u32 {
        self.tokens.get(i).map_or(0, |t| t.classes)
    }

    /// Whether the words of `phrase` stand at token `i` onwards, ignoring ASCII case.
    pub(super) fn phrase_at(&self, i: usize, phrase: &[&str]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, p)| self.word(i + k).eq_ignore_ascii_case(p))
    }

    /// Whether a figure stands among `tokens`.
    pub(super) fn has_figure(&self, tokens: Range<usize>) -> bool {
        self.tokens[tokens]
            .iter()
            .any(|t| matches!(t.kind, TokenKind::Figure(_)))
    }

    /// The text span of a (non-empty) token range.
    pub(super) fn span_of(&self, tokens: Range<usize>) -> Span {
        Span::new(
            self.tokens[tokens.start].span.start,
            self.tokens[tokens.end - 1].span.end,
        )
    }
}

/// Reading one sentence in the concept modules' tests.
#[cfg(test)]
pub(super) mod testing {
    use super::SentenceReader;
    use crate::Extractor;
    use crate::context::Organisations;
    use crate::mention::Span;

    /// Reads all of `text` as one sentence, with the shipped organisations.
    pub(in crate::context) fn with_reader<R>(
        text: &str,
        read: impl FnOnce(&SentenceReader<'_>) -> R,
    ) -> R {
        let mentions = Extractor::default().extract(text).mentions;
        let organisations = Organisations::default();
        let whole = Span::new(0, text.len());
        read(&SentenceReader::new(
            text,
            whole,
            &mentions,
            0,
            &organisations,
        ))
    }

    /// The index of the token whose text is `word`.
    pub(in crate::context) fn token_of(reader: &SentenceReader<'_>, word: &str) -> usize {
        (0..reader.tokens.len())
            .find(|&i| reader.word(i) == word)
            .unwrap_or_else(|| panic!("no token {word:?}"))
    }

    /// The text of a span.
    pub(in crate::context) fn written(reader: &SentenceReader<'_>, span: Span) -> String {
        reader.text[span.range()].to_owned()
    }
}
