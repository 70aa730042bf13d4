//! Years and counts: whether a plain whole number is a year ("in 2019", "300 BC") or a count
//! that looks like one ("2000 workers").

use super::Extractor;
use super::ordinal::ordinal_mention;
use super::unit::IRREGULAR_PLURALS;
use crate::mention::{Bound, Form, Kind, Mention, Span};
use crate::number::at_boundary;
use crate::quantity::{self, WordBefore, word_before};
use crate::vocab;
use crate::years;

impl Extractor {
    /// Whether a plain whole number reads as a year: four digits in the configured range;
    /// or an earlier four-digit year after a word that introduces one ("in 1616", "as early
    /// as 1200"); or any number with an era ("A.D. 800", "300 BC").
    pub(super) fn is_year(
        &self,
        text: &str,
        anchor: usize,
        end: usize,
        q: &quantity::Quantity,
    ) -> bool {
        let era_after = ERAS_AFTER.iter().any(|e| {
            text[end..]
                .strip_prefix(' ')
                .and_then(|a| a.get(..e.len()))
                .is_some_and(|a| a == *e && at_boundary(&text[end + 1 + e.len()..]))
        });
        let before = word_before(text, anchor).map(|WordBefore { word, .. }| word);
        let era_before = before.is_some_and(|w| w == "A.D." || w == "AD");
        if q.form == Form::Digits
            && q.scale.is_none()
            && q.decimals == 0
            && (era_after || era_before)
        {
            return true;
        }
        if !q.year_shaped {
            return false;
        }
        if self.conventions.is_year(q.value) {
            return true;
        }
        let intro = before.is_some_and(|w| vocab::contains_ci(YEAR_INTRO, w));
        intro && (1000.0..=f64::from(self.conventions.year_range.1)).contains(&q.value)
    }

    /// Whether a year-shaped number is a count after all ("more than 2000 people",
    /// "killed 1900 civilians").
    pub(super) fn is_count(&self, text: &str, start: usize, m: &Mention) -> bool {
        let Some(unit) = m.unit else {
            return false;
        };
        // The word right after the figure decides: "2020 annual report identifies" is a
        // year, "2000 workers" a count.
        let noun = text[m.span.end..unit.end].trim_start();
        let first = noun
            .split([' ', '\u{a0}'])
            .next()
            .unwrap_or(noun)
            .trim_start_matches("of ");
        let first = if first.eq_ignore_ascii_case("of") {
            &text[unit.range()]
        } else {
            first
        };
        let plural = (first.ends_with('s') && !first.ends_with("ss") && first.len() > 3)
            || vocab::contains_ci(IRREGULAR_PLURALS, first);
        if !plural || first.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        if vocab::contains_ci(YEAR_NOUNS, first) {
            return false;
        }
        if m.qualifier.is_some() {
            return true;
        }
        let before =
            word_before(text, start).map(|WordBefore { word, .. }| word.to_ascii_lowercase());
        !before.is_some_and(|w| YEAR_CONTEXT.contains(&w.as_str()))
    }
}

/// Years, for [`Extractor::is_count`]: nouns that a year often stands before.
const YEAR_NOUNS: &[&str] = &[
    "elections",
    "games",
    "olympics",
    "protests",
    "floods",
    "riots",
    "talks",
    "accords",
    "sanctions",
    "figures",
    "estimates",
    "data",
    "statistics",
    "levels",
    "prices",
    "results",
    "reports",
    "surveys",
    "rules",
    "laws",
    "amendments",
    "negotiations",
    "midterms",
    "playoffs",
    "finals",
    "championships",
    "earthquakes",
    "attacks",
    "bombings",
    "killings",
    "events",
    "reforms",
    "years",
    "standards",
    "targets",
    "goals",
    "plans",
];

/// Eras written after a year ("300 BC").
pub(super) const ERAS_AFTER: &[&str] = &["BC", "B.C.", "BCE", "AD", "A.D.", "CE"];

/// Words that introduce a year, so that an early year reads as one ("in 1616").
const YEAR_INTRO: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "during", "circa", "c.", "as", "year", "before",
    "after", "around", "early", "mid", "late", "to", "and",
];

/// Words after which a year-shaped number is a year.
const YEAR_CONTEXT: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "of", "the", "a", "an", "during", "before",
    "after", "for", "and", "to", "between", "its", "their", "his", "her", "this", "that", "mid",
    "early", "late", "circa", "year", "fiscal", "through", "around", "about", "on",
];

/// A year or a span of years as a mention.
pub(super) fn year_mention(found: years::FoundYears) -> Mention {
    let mut m = ordinal_mention(Span::new(found.start, found.end), found.first);
    m.kind = Kind::Year;
    if let Some(last) = found.last {
        m.value = None;
        m.endpoints = Some([found.first, last]);
        m.upper = Some(Bound::inclusive(last));
    }
    m
}
