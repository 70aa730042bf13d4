//! The source: who a sentence's figures are attributed to.
//!
//! ```text
//! source := "according to" np
//!         | "In" np ("survey" | "study" | "report") "by" np ","
//!         | np reporting_verb                  ("The survey found", "X, published by Y, said")
//!         | "," speech_verb np                 ("…, said the IOM.")
//!         | anaphor reporting_verb             the previous sentence's source, or the
//!                                              organisation it names ("It found that …")
//! ```
//!
//! A sentence has at most one source; it is worked out once and given to each of its figures.

use std::ops::Range;

use super::Source;
use super::phrase::is_participle;
use super::reader::SentenceReader;
use super::tokens::TokenKind;
use super::words::{self, class};
use crate::mention::Span;
use crate::vocab::contains_ci;

/// The most tokens a source's name runs over.
const SOURCE_TOKENS_MAX: usize = 12;

/// A source found in one sentence, with the clause it occupies (times inside it belong to
/// the attribution, not to the figure).
#[derive(Debug, Clone)]
pub(super) struct Attribution {
    /// Who says so.
    pub(super) source: Source,
    /// The attribution's clause ("according to the ILO", "the IOM said").
    pub(super) clause: Span,
}

impl Attribution {
    /// The source of the figure written at `figure`, unless the figure is itself inside the
    /// attribution ("The survey of 400 deportees found …").
    pub(super) fn source_of(&self, figure: Span) -> Option<Source> {
        let inside = self.source.span.start <= figure.start && figure.end <= self.source.span.end;
        (!inside).then(|| self.source.clone())
    }
}

impl SentenceReader<'_> {
    /// The attribution of the whole sentence, if it has one.
    pub(super) fn attribution(&self) -> Option<Attribution> {
        self.according_to()
            .or_else(|| self.in_study_by())
            .or_else(|| (0..self.tokens.len()).find_map(|verb| self.reported_by(verb)))
    }

    /// Whether the sentence opens with an anaphor before a verb of reporting ("It found",
    /// "The report also said"): its source is the previous sentence's.
    pub(super) fn starts_with_anaphor(&self) -> bool {
        self.in_class(0, class::ANAPHOR_START)
            && words::ANAPHORS.iter().any(|anaphor| {
                let n = anaphor.len();
                self.tokens.len() > n
                    && self.phrase_at(0, anaphor)
                    && (n..(n + 3).min(self.tokens.len()))
                        .any(|i| self.in_class(i, class::ATTRIBUTING))
            })
    }

    /// The organisation named in a sentence without a verb of reporting, for an anaphor in
    /// the next ("UNODC released its report in 2024. It found that …").
    pub(super) fn named_organisation(&self) -> Option<Attribution> {
        let first = self.tokens.first()?.span.start;
        let last = self.tokens.last()?.span.end;
        let named = self.organisations.locate(&self.text[first..last])?;
        let year = self.tokens.iter().find_map(|t| match t.kind {
            TokenKind::Year(i) => self.mentions[i].value.map(|v| v as u16),
            _ => None,
        });
        let span = Span::new(first + named.span.start, first + named.span.end);
        Some(Attribution {
            source: Source {
                span,
                name: Some(named.name.to_owned()),
                year,
            },
            clause: span,
        })
    }

    /// "according to X".
    fn according_to(&self) -> Option<Attribution> {
        (0..self.tokens.len().saturating_sub(1)).find_map(|i| {
            if !(self.word(i).eq_ignore_ascii_case("according")
                && self.word(i + 1).eq_ignore_ascii_case("to"))
            {
                return None;
            }
            let end = self.clause_end(i + 2);
            (end > i + 2).then(|| self.attribution_after(i, i + 2..end))
        })
    }

    /// "In a 2019 survey by the ILO, …".
    fn in_study_by(&self) -> Option<Attribution> {
        if !self.word(0).eq_ignore_ascii_case("in") {
            return None;
        }
        let end = self.clause_end(1);
        let has_by = (1..end).any(|i| self.word(i).eq_ignore_ascii_case("by"));
        let has_noun = (1..end).any(|i| self.in_class(i, class::SOURCE_NOUN));
        (has_by && has_noun && end > 1 && !self.has_figure(1..end))
            .then(|| self.attribution_after(0, 1..end))
    }

    /// "X found that …", "…, the IOM said.", "…, said the IOM.": the source around the verb
    /// of reporting at token `verb`.
    fn reported_by(&self, verb: usize) -> Option<Attribution> {
        if !self.is_word(verb) || !self.in_class(verb, class::ATTRIBUTING) {
            return None;
        }
        // "the ILO's 2017 estimate", "its report": a noun, not a verb.
        // "the Global Estimates found": a capitalised word inside a sentence is a name.
        let noun_use = verb > 0
            && (matches!(self.tokens[verb - 1].kind, TokenKind::Year(_))
                || self.word(verb).starts_with(|c: char| c.is_uppercase())
                || self.in_class(verb - 1, class::DETERMINER)
                || self.word(verb - 1).ends_with("'s")
                || self.word(verb - 1).ends_with("’s"));
        // "published by …", "estimated at …": a passive participle, not a verb of reporting.
        if noun_use || contains_ci(&["by", "at"], self.word(verb + 1)) {
            return None;
        }
        let before = self.source_before(verb);
        if before.start < before.end && self.names_source(before.clone()) {
            let span = self.span_of(before.clone());
            let clause_end = if before.start > 0 && self.is_punct(before.start - 1, ',') {
                self.clause_end(verb + 1)
            } else {
                verb + 1
            };
            let clause = Span::new(
                span.start,
                self.tokens[clause_end.max(verb + 1) - 1].span.end,
            );
            return Some(self.attribution_at(span, clause));
        }
        // "…, said the IOM."
        if verb > 0 && self.is_punct(verb - 1, ',') && self.in_class(verb, class::SPEECH) {
            let end = self.clause_end(verb + 1);
            if end > verb + 1 && self.names_source(verb + 1..end) {
                return Some(self.attribution_after(verb, verb + 1..end));
            }
        }
        None
    }

    /// The tokens that may name the source of the verb of reporting at token `verb`: back to
    /// the start of its clause, over a parenthetical ("The study, published by …, found") and
    /// a relative clause ("A legal aid group that handles dozens of cases said").
    fn source_before(&self, verb: usize) -> Range<usize> {
        // A verb right after a comma closes a parenthetical.
        let end = if verb > 1 && self.is_punct(verb - 1, ',') {
            verb - 1
        } else {
            verb
        };
        let mut start = self.clause_start(end);
        let parenthetical = end < verb
            && start >= 2
            && start < end
            && self.is_punct(start - 1, ',')
            && (is_participle(self.word(start)) || self.word(start).eq_ignore_ascii_case("by"));
        if parenthetical {
            start = self.clause_start(start - 1);
        }
        // The source is the noun the relative clause describes.
        let relative = start >= 2
            && contains_ci(&["that", "which", "who"], self.word(start - 1))
            && self.is_word(start - 2);
        if relative && !self.names_source(start..end) {
            let described = self.clause_start(start - 1);
            if described < start - 1 {
                return described..start - 1;
            }
        }
        start..end
    }

    /// The attribution whose source is `source`, in a clause from token `opening` ("according
    /// to", "In", "said") to the source's end.
    fn attribution_after(&self, opening: usize, source: Range<usize>) -> Attribution {
        let span = self.span_of(source);
        self.attribution_at(span, Span::new(self.tokens[opening].span.start, span.end))
    }

    /// The attribution to the source written at `span`, in `clause`: its organisation (a
    /// known one, or an acronym) and its year.
    fn attribution_at(&self, span: Span, clause: Span) -> Attribution {
        let written = &self.text[span.range()];
        let name = self
            .organisations
            .find(written)
            .map(str::to_owned)
            .or_else(|| {
                written
                    .split(|c: char| !c.is_alphanumeric())
                    .find(|w| {
                        w.len() >= 2 && w.len() <= 8 && w.chars().all(|c| c.is_ascii_uppercase())
                    })
                    .map(str::to_owned)
            });
        let year = self
            .tokens
            .iter()
            .filter(|t| t.span.start >= span.start && t.span.end <= span.end)
            .find_map(|t| match t.kind {
                TokenKind::Year(_) => self.text[t.span.range()]
                    .get(..4)
                    .and_then(|y| y.parse().ok()),
                _ => None,
            });
        Attribution {
            source: Source { span, name, year },
            clause,
        }
    }

    /// Whether `tokens` can name a source: a known organisation, a capitalised word that does
    /// not open the sentence, an acronym, or a noun such as "study" or "ministry".
    fn names_source(&self, tokens: Range<usize>) -> bool {
        let Range { start, end } = tokens;
        if start >= end || end - start > SOURCE_TOKENS_MAX {
            return false;
        }
        let written = &self.text[self.span_of(start..end).range()];
        // "The survey of 400 deportees found …": a figure may sit inside a named source,
        // but a phrase that is about a figure ("23% of them said") is no source.
        if self.has_figure(start..end)
            && !(start..end).any(|i| self.in_class(i, class::SOURCE_NOUN))
        {
            return false;
        }
        if self.organisations.find(written).is_some() {
            return true;
        }
        (start..end).any(|i| {
            let word = self.word(i);
            self.is_word(i)
                && (self.in_class(i, class::SOURCE_NOUN)
                    || (word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase()))
                    || (i > start && word.starts_with(|c: char| c.is_uppercase())))
        }) && !(end - start == 1 && self.in_class(start, class::PRONOUN))
    }
}
#[cfg(test)]
mod tests {
    use super::super::reader::testing::{with_reader, written};

    /// An attribution as read: its source, organisation and year, and its clause.
    #[derive(Debug, PartialEq)]
    struct Read {
        source: String,
        name: Option<String>,
        year: Option<u16>,
        clause: String,
    }

    fn read(source: &str, name: Option<&str>, year: Option<u16>, clause: &str) -> Read {
        Read {
            source: source.to_owned(),
            name: name.map(str::to_owned),
            year,
            clause: clause.to_owned(),
        }
    }

    fn attribution(text: &str) -> Option<Read> {
        with_reader(text, |r| {
            r.attribution().map(|a| Read {
                source: written(r, a.source.span),
                name: a.source.name,
                year: a.source.year,
                clause: written(r, a.clause),
            })
        })
    }

    #[test]
    fn forms_of_attribution() {
        let cases = [
            (
                "According to the ILO, 20 percent of workers were unpaid.",
                Some(read("the ILO", Some("ILO"), None, "According to the ILO")),
            ),
            (
                "In a 2019 survey by the ILO, 20 percent of workers were unpaid.",
                Some(read(
                    "a 2019 survey by the ILO",
                    Some("ILO"),
                    Some(2019),
                    "In a 2019 survey by the ILO",
                )),
            ),
            (
                "The IOM said 300 people were rescued.",
                Some(read("The IOM", Some("IOM"), None, "The IOM said")),
            ),
            (
                "300 people were rescued, said the IOM.",
                Some(read("the IOM", Some("IOM"), None, "said the IOM")),
            ),
            (
                "300 people were rescued, the IOM said.",
                Some(read("the IOM", Some("IOM"), None, "the IOM said")),
            ),
            (
                "A legal aid group that handles dozens of cases said it had seen one.",
                Some(read(
                    "A legal aid group",
                    None,
                    None,
                    "A legal aid group that handles dozens of cases said",
                )),
            ),
            (
                "The study, published by the ILO in 2017, found that 20 percent were unpaid.",
                Some(read(
                    "The study, published by the ILO in 2017",
                    Some("ILO"),
                    Some(2017),
                    "The study, published by the ILO in 2017, found",
                )),
            ),
            // A phrase about a figure is no source.
            ("23 percent of them said they were unpaid.", None),
        ];
        for (text, want) in cases {
            assert_eq!(attribution(text), want, "{text:?}");
        }
    }

    #[test]
    fn anaphors_and_named_organisations() {
        // (sentence, opens with an anaphor, the organisation it names)
        let cases = [
            ("It found that 20 percent were unpaid.", true, None),
            (
                "UNODC released its report in 2024.",
                false,
                Some(("UNODC", 2024)),
            ),
            ("The workers said they were unpaid.", false, None),
        ];
        for (text, anaphor, named) in cases {
            let got = with_reader(text, |r| {
                let named = r.named_organisation().map(|a| {
                    (
                        written(r, a.source.span),
                        a.source.name,
                        a.source.year,
                        a.clause == a.source.span,
                    )
                });
                (r.starts_with_anaphor(), named)
            });
            let want = named
                .map(|(name, year)| (name.to_owned(), Some(name.to_owned()), Some(year), true));
            assert_eq!(got, (anaphor, want), "{text:?}");
        }
    }
}
