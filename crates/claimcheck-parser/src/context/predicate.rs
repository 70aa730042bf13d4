//! The predicate and the hedge: what a figure asserts about its subject, and how firmly.
//!
//! ```text
//! predicate := hedge? the words after the subject (or after the figure, when a verb follows
//!              it) up to the end of their clause; not a verb of reporting, a preposition
//!              or a time
//!            | the linking verb before the figure ("Remittances reached $3bn")
//! hedge     := a hedge phrase opening the predicate ("believed to be")
//!            | "an estimated" / "estimated" opening the figure | "reportedly" just before it
//! ```

use std::ops::Range;

use super::reader::{Figure, SentenceReader};
use super::subject::SubjectReading;
use super::tokens::TokenKind;
use super::words::{self, class};
use crate::mention::Span;
use crate::vocab::contains_ci;

/// What the predicate grammar found for one figure.
#[derive(Debug, Default)]
pub(super) struct PredicateReading {
    /// What the figure asserts about the subject.
    pub(super) predicate: Option<Span>,
    /// A hedge that opens the predicate.
    pub(super) hedge: Option<Span>,
}

impl SentenceReader<'_> {
    /// The predicate of `figure`, given what the subject grammar found.
    pub(super) fn predicate(
        &self,
        figure: &Figure<'_>,
        subject: &SubjectReading,
    ) -> PredicateReading {
        if let Some(verb) = subject.linking_verb {
            return PredicateReading {
                predicate: Some(verb),
                hedge: None,
            };
        }
        // "… found that 23% had been trafficked": the verb phrase after the figure.
        let after = figure.token + 1;
        let verb_after = self.in_class(after, class::AUXILIARY | class::VERB);
        match subject.predicate_start {
            Some(start) => self.predicate_from(start),
            None if verb_after => self.predicate_from(after),
            None => PredicateReading::default(),
        }
    }

    /// The predicate that starts at token `from`, less a leading hedge, to the end of its
    /// clause.
    fn predicate_from(&self, from: usize) -> PredicateReading {
        let end = self.clause_end(from);
        if end <= from {
            return PredicateReading::default();
        }
        let hedge = self.hedge_at(from, end);
        let start = hedge.as_ref().map_or(from, |h| h.end);
        let has_content = (start..end).any(|i| {
            self.tokens[i].kind != TokenKind::Punct
                && !self.in_class(i, class::NP_PREPOSITION | class::DETERMINER | class::ADVERB)
        });
        let reporting = self.in_class(start, class::SPEECH)
            || (self.in_class(start, class::ATTRIBUTING) && end == start + 1);
        let prepositional = (self.in_class(start, class::TIME_PREPOSITION_START)
            && words::TIME_PREPOSITIONS
                .iter()
                .any(|p| self.phrase_at(start, p)))
            || self.in_class(start, class::NP_PREPOSITION | class::OTHER_PREPOSITION)
            || contains_ci(&["and", "or", "but"], self.word(start));
        let is_predicate = end > start
            && self.tokens[start].kind != TokenKind::Punct
            && has_content
            && !reporting
            && !prepositional;
        PredicateReading {
            predicate: is_predicate.then(|| self.span_of(start..end)),
            hedge: hedge.map(|h| self.span_of(h)),
        }
    }

    /// The tokens of a hedge at token `start`, ending at or before token `end`.
    fn hedge_at(&self, start: usize, end: usize) -> Option<Range<usize>> {
        if !self.in_class(start, class::HEDGE_START) {
            return None;
        }
        words::HEDGES
            .iter()
            .find(|hedge| start + hedge.len() <= end && self.phrase_at(start, hedge))
            .map(|hedge| start..start + hedge.len())
    }

    /// A hedge written with the figure: "an estimated 40 million", "reportedly 300".
    pub(super) fn figure_hedge(&self, figure: &Figure<'_>) -> Option<Span> {
        let figure_token = figure.token;
        let adverb = (figure_token.saturating_sub(3)..figure_token)
            .find(|&i| {
                contains_ci(
                    &["reportedly", "allegedly", "possibly", "probably"],
                    self.word(i),
                )
            })
            .map(|i| self.tokens[i].span);
        let span = figure.mention.span;
        let written = &self.text[span.range()];
        let estimated = ["an estimated", "estimated"]
            .into_iter()
            .find(|h| {
                written
                    .get(..h.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(h))
            })
            .map(|h| Span::new(span.start, span.start + h.len()));
        adverb.or(estimated)
    }

    /// `predicate` less a `time` that ends it ("were in forced labour in 2016": the time is
    /// reported on its own); none when nothing is left.
    pub(super) fn predicate_before_time(&self, predicate: Span, time: Span) -> Option<Span> {
        if time.end != predicate.end || time.start <= predicate.start {
            return Some(predicate);
        }
        let head = self.text[predicate.start..time.start].trim_end();
        (!head.is_empty()).then(|| Span::new(predicate.start, predicate.start + head.len()))
    }
}
