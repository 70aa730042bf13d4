//! The subject: the population a figure describes, and the subgroup a share is about.
//!
//! ```text
//! share := figure "of" np                     subject = np       ("23 percent of all …")
//!        | np share_verb figure "of" np       subgroup, subject  ("Men made up 45% of …")
//!        | ratio np                           subject = np       ("one in three respondents")
//! count := "the number of" np verb figure     subject = np
//!        | figure noun                        subject = the counted noun
//!        | np linking_verb figure             subject = np       ("Remittances reached $3bn")
//! ```

use std::ops::Range;

use super::reader::{Figure, SentenceReader};
use super::words::{self, class};
use crate::mention::{Form, Kind, Span};
use crate::vocab::contains_ci;

/// What the subject grammar found for one figure.
#[derive(Debug, Default)]
pub(super) struct SubjectReading {
    /// The population the figure describes.
    pub(super) subject: Option<Span>,
    /// The part of the subject a share is about.
    pub(super) subgroup: Option<Span>,
    /// The verb that links a subject standing before the figure to it ("has reached" in
    /// "Remittances has reached $3bn"): the predicate of that claim.
    pub(super) linking_verb: Option<Span>,
    /// The token where the predicate starts, when the subject follows the figure.
    pub(super) predicate_start: Option<usize>,
}

/// A subject before a linking verb before the figure, and the verb.
struct LinkedSubject {
    subject: Span,
    verb: Span,
}

impl SentenceReader<'_> {
    /// The subject (and subgroup) of `figure`.
    pub(super) fn subject(&self, figure: &Figure<'_>) -> SubjectReading {
        let mut reading = if figure.mention.kind == Kind::Percent {
            self.share_subject(figure)
        } else {
            self.count_subject(figure)
        };
        if reading.subject.is_none()
            && let Some(linked) = self.linked_subject(figure.token)
        {
            reading.subject = Some(linked.subject);
            reading.linking_verb = Some(linked.verb);
        }
        reading
    }

    /// `share`: the whole after "of" or after a ratio, and the subgroup before a verb of
    /// sharing.
    fn share_subject(&self, figure: &Figure<'_>) -> SubjectReading {
        let figure_token = figure.token;
        let mut reading = SubjectReading::default();
        let after_of = figure_token + 1 < self.tokens.len()
            && self.word(figure_token + 1).eq_ignore_ascii_case("of");
        let whole = if after_of {
            // "20 percent of 400 deportees": the share is of the counted noun.
            let from = if self.is_figure(figure_token + 2) {
                figure_token + 3
            } else {
                figure_token + 2
            };
            self.np_forward(from)
        } else if figure.mention.form == Form::Ratio {
            self.np_forward(figure_token + 1)
        } else {
            None
        };
        if let Some(whole) = whole {
            reading.predicate_start = Some(whole.end);
            reading.subject = Some(self.span_of(whole));
        }
        // "Men made up 45% of …": the subgroup before a verb of sharing.
        if let Some(verb) = self.share_verb_before(figure_token)
            && let Some(subgroup) = self.np_backward(verb)
        {
            reading.subgroup = Some(self.span_of(subgroup));
        }
        reading
    }

    /// `count`: "the number of" np before the figure, or the counted noun after it.
    fn count_subject(&self, figure: &Figure<'_>) -> SubjectReading {
        let mut reading = SubjectReading::default();
        if let Some(counted) = self.number_of_before(figure.token) {
            reading.subject = Some(self.span_of(counted));
        } else if let Some(unit) = figure.mention.unit {
            let subject = self.counted_noun(figure.token, unit);
            reading.subject = Some(subject);
            let mut start = self.tokens.iter().position(|t| t.span.start >= subject.end);
            // The period of a rate is no predicate: "workers annually".
            if let (Some(_), Some(i)) = (figure.mention.per, start) {
                start = Some(self.skip_period(i));
            }
            reading.predicate_start = start;
        }
        reading
    }

    /// The counted noun `unit` of the figure at token `figure_token`, with its modifiers
    /// ("registered migrant workers") and what follows it in its phrase ("countries of the
    /// Greater Mekong Subregion").
    fn counted_noun(&self, figure_token: usize, unit: Span) -> Span {
        let mut first = self.tokens.iter().position(|t| t.span.start >= unit.start);
        if let Some(first) = first.as_mut() {
            while *first > figure_token + 1
                && self.is_word(*first - 1)
                && !self.word(*first - 1).eq_ignore_ascii_case("of")
            {
                *first -= 1;
            }
        }
        let start = first.map_or(unit.start, |f| self.tokens[f].span.start.min(unit.start));
        let end = match first.and_then(|f| self.np_forward(f)) {
            Some(np)
                if self.tokens[np.start].span.start == start
                    && self.tokens[np.end - 1].span.end > unit.end =>
            {
                self.tokens[np.end - 1].span.end
            }
            _ => unit.end,
        };
        Span::new(start, end)
    }

    /// "The unemployment rate was 5.2%", "Remittances reached $3.7 billion": the noun phrase
    /// before a linking verb before the figure at token `figure_token`.
    fn linked_subject(&self, figure_token: usize) -> Option<LinkedSubject> {
        let mut verb_end = figure_token;
        // Skip a particle or an adverb between verb and figure: "stood at", "rose to",
        // "send home".
        if verb_end > 0 && contains_ci(&["at", "to", "by", "of"], self.word(verb_end - 1)) {
            verb_end -= 1;
        }
        if verb_end > 0 && self.in_class(verb_end - 1, class::ADVERB) {
            verb_end -= 1;
        }
        if verb_end == 0 {
            return None;
        }
        let linking = self.in_class(
            verb_end - 1,
            class::AUXILIARY | class::VERB | class::LINKING,
        );
        if !linking || !self.is_word(verb_end - 1) {
            return None;
        }
        // Auxiliaries before the verb: "has reached", "had risen".
        let mut verb_start = verb_end - 1;
        while verb_start > 0 && self.in_class(verb_start - 1, class::AUXILIARY) {
            verb_start -= 1;
        }
        let subject = self.np_backward(verb_start)?;
        Some(LinkedSubject {
            subject: self.span_of(subject),
            verb: self.span_of(verb_start..verb_end),
        })
    }

    /// "Estimates of the number of X vary from …": the X before the verb before the figure
    /// at token `figure_token`.
    fn number_of_before(&self, figure_token: usize) -> Option<Range<usize>> {
        let mut verb_end = figure_token;
        if verb_end > 0
            && contains_ci(
                &["at", "to", "by", "of", "from", "between"],
                self.word(verb_end - 1),
            )
        {
            verb_end -= 1;
        }
        let verb = verb_end > 0
            && self.in_class(
                verb_end - 1,
                class::VERB | class::AUXILIARY | class::LINKING,
            );
        // "put the number of people in forced labour at 24.9 million": no verb, but "at".
        let np_end = if verb {
            verb_end - 1
        } else if verb_end < figure_token && self.word(verb_end).eq_ignore_ascii_case("at") {
            verb_end
        } else {
            return None;
        };
        let np = self.np_backward(np_end)?;
        let of = np.clone().rev().find(|&i| {
            self.word(i).eq_ignore_ascii_case("of")
                && i > np.start
                && contains_ci(
                    &["number", "total", "count", "flow", "stock"],
                    self.word(i - 1),
                )
        })?;
        let mut start = of + 1;
        while start < np.end && self.in_class(start, class::DETERMINER) {
            start += 1;
        }
        (start < np.end).then_some(start..np.end)
    }

    /// The token where a verb of sharing before the figure at token `figure_token` starts
    /// ("made up" in "Men made up 45%").
    fn share_verb_before(&self, figure_token: usize) -> Option<usize> {
        if !figure_token
            .checked_sub(1)
            .is_some_and(|last| self.in_class(last, class::SHARE_VERB_END))
        {
            return None;
        }
        words::SHARE_VERBS.iter().find_map(|phrase| {
            let n = phrase.len();
            (figure_token >= n && self.phrase_at(figure_token - n, phrase))
                .then(|| figure_token - n)
        })
    }

    /// Skips the words of a rate's period ("annually", "a year", "per month") at token `i`.
    fn skip_period(&self, i: usize) -> usize {
        if contains_ci(
            &["annually", "yearly", "monthly", "weekly", "daily"],
            self.word(i),
        ) {
            return i + 1;
        }
        if contains_ci(&["a", "an", "per", "each", "every"], self.word(i))
            && contains_ci(&["year", "month", "week", "day", "annum"], self.word(i + 1))
        {
            return i + 2;
        }
        i
    }
}
