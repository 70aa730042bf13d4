//! The basis: how a figure was arrived at.
//!
//! ```text
//! basis := "estimated" in the figure's own words ("an estimated 40 million")
//!        | a basis word in the subject, in the three words before the figure, or in the
//!          first three words of the predicate ("detected", "registered", "estimated")
//! ```

use super::reader::{Figure, SentenceReader};
use super::tokens::{Token, TokenKind};
use super::words::class;
use crate::mention::Span;

impl SentenceReader<'_> {
    /// The word of basis of `figure`, whose claim has `subject` and `predicate`.
    pub(super) fn basis(
        &self,
        figure: &Figure<'_>,
        subject: Option<Span>,
        predicate: Option<Span>,
    ) -> Option<Span> {
        let mention = figure.mention.span;
        let written = &self.text[mention.range()];
        if let Some(i) = crate::vocab::find_ascii_ci(written, "estimated") {
            return Some(Span::new(
                mention.start + i,
                mention.start + i + "estimated".len(),
            ));
        }
        let figure_token = figure.token;
        subject
            .and_then(|subject| {
                self.words_within(subject)
                    .find(|t| self.is_basis(t))
                    .map(|t| t.span)
            })
            .or_else(|| {
                (figure_token.saturating_sub(3)..figure_token)
                    .find(|&i| self.is_word(i) && self.in_class(i, class::BASIS))
                    .map(|i| self.tokens[i].span)
            })
            .or_else(|| {
                self.words_within(predicate?)
                    .take(3)
                    .find(|t| self.is_basis(t))
                    .map(|t| t.span)
            })
    }

    /// The word tokens inside `span`.
    fn words_within(&self, span: Span) -> impl Iterator<Item = &Token> {
        self.tokens.iter().filter(move |t| {
            t.kind == TokenKind::Word && t.span.start >= span.start && t.span.end <= span.end
        })
    }

    /// Whether a word token is a word of basis.
    fn is_basis(&self, token: &Token) -> bool {
        token.classes & class::BASIS != 0
    }
}
