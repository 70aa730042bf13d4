//! The mention of a parsed phrase: its bounds from the qualifiers, its counted noun and
//! period, and the readings that make it an age, a bound or no figure at all ("one of them").

use super::floor_boundary;
use super::not_a_quantity::skip_token;
use super::unit::{counted_noun, period_after};
use super::year::ERAS_AFTER;
use super::{Extractor, Step};
use crate::mention::{Bound, Diagnostic, Form, Kind, Mention, Qualifier, Span};
use crate::number::{alpha_word, at_boundary};
use crate::quantity::{Phrase, RangeEnd, WordBefore, word_before};
use crate::vocab;

/// A phrase parsed at an anchor: where it is written and what it says.
pub(super) struct ParsedPhrase {
    /// From the phrase's first word (a qualifier, an article, a currency sign) to its end.
    pub(super) span: Span,
    /// Where the scan found the figure: its first digit or its number word.
    pub(super) anchor: usize,
    /// Whether the anchor is a number word rather than a digit.
    pub(super) is_word: bool,
    /// What the phrase says.
    pub(super) phrase: Phrase,
}

impl Extractor {
    /// Builds the mention for a parsed phrase, or decides it is a year or not a figure.
    pub(super) fn build_mention(&self, text: &str, parsed: &ParsedPhrase) -> Step {
        if let Some(problem) = out_of_range(text, parsed) {
            return problem;
        }
        if let Some(step) = self.not_a_figure(text, parsed) {
            return step;
        }
        let mut m = stated_mention(text, parsed);
        read_what_it_counts(text, parsed, &mut m);
        self.read_as_year(text, parsed, &mut m);
        Step::Found(m)
    }

    /// What the words right after the figure make of it: glued letters ("4G", "32nd"), a
    /// version number ("1.2.3"), an ordinal ("twenty-first"), or "one" as a pronoun.
    fn not_a_figure(&self, text: &str, parsed: &ParsedPhrase) -> Option<Step> {
        let ParsedPhrase {
            span,
            anchor,
            is_word,
            phrase,
        } = *parsed;
        // Glued letters after digits that are not a scale: "4G", "5km", "32nd".
        if !is_word && !at_boundary(&text[span.end..]) {
            return Some(self.glued(text, anchor));
        }
        // "1.2.3": a version or a section number.
        let after = &text[span.end..];
        if after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
            return Some(Step::Skip(skip_token(text, anchor)));
        }
        // "twenty-first": a number word joined to an ordinal.
        if is_word
            && phrase.second.is_none()
            && after.starts_with('-')
            && let Step::Found(m) = self.ordinal_word(text, anchor)
        {
            return Some(Step::Found(m));
        }
        if phrase.first.bare_one
            && phrase.second.is_none()
            && phrase.qualifier.is_none()
            && is_pronoun_one(text, span.start, span.end)
        {
            return Some(Step::Skip(span.end));
        }
        None
    }

    /// A plain whole number that reads as a year after all ("in 2019") becomes one: a point
    /// in time, without a qualifier, a noun or a period.
    fn read_as_year(&self, text: &str, parsed: &ParsedPhrase, m: &mut Mention) {
        let ParsedPhrase {
            span,
            anchor,
            phrase,
            ..
        } = *parsed;
        if m.kind == Kind::Number
            && m.value.is_some()
            && self.is_year(text, anchor, span.end, &phrase.first)
            && !self.is_count(text, span.start, m)
        {
            m.kind = Kind::Year;
            m.qualifier = None;
            m.approximate = false;
            m.unit = None;
            m.per = None;
            m.lower = m.value.map(Bound::inclusive);
            m.upper = m.lower;
            m.span = Span::new(anchor, span.end);
        }
        if m.kind == Kind::Year && m.span.start != anchor && phrase.second.is_none() {
            m.span.start = anchor;
        }
    }
}

/// A number too large or too small to represent, as a problem to report.
fn out_of_range(text: &str, parsed: &ParsedPhrase) -> Option<Step> {
    let phrase = &parsed.phrase;
    let values = [
        Some(phrase.first.value),
        phrase.second.map(|high| high.quantity.value),
    ];
    if values.iter().flatten().all(|v| v.is_finite()) {
        return None;
    }
    let written = truncate(&text[parsed.span.range()], 40);
    let message = if values.iter().flatten().any(|v| v.is_nan()) {
        format!("number out of range (too small to represent, yet not 0): `{written}`")
    } else {
        format!("number too large to represent: `{written}`")
    };
    Some(Step::Problem(
        Diagnostic {
            span: parsed.span,
            message,
        },
        parsed.span.end,
    ))
}

/// The mention as the phrase states it: its value or range, and the bounds its qualifiers
/// assert.
fn stated_mention(text: &str, parsed: &ParsedPhrase) -> Mention {
    let phrase = &parsed.phrase;
    let first = phrase.first;
    let mut m = Mention {
        span: parsed.span,
        kind: first.kind,
        value: Some(first.value),
        endpoints: None,
        lower: Some(Bound::inclusive(first.value)),
        upper: Some(Bound::inclusive(first.value)),
        qualifier: phrase.qualifier,
        approximate: false,
        currency: first.currency,
        unit: None,
        per: None,
        form: first.form,
        decimals: first.decimals,
        scale: first.scale.unwrap_or(1.0),
        points: first.points,
        age: false,
    };
    if let Some(RangeEnd {
        qualifier: second_qualifier,
        quantity: second,
    }) = phrase.second
    {
        m.value = None;
        m.endpoints = Some([first.value, second.value]);
        m.decimals = first.decimals.max(second.decimals);
        m.scale = second.scale.or(first.scale).unwrap_or(1.0);
        m.points = first.points || second.points;
        // The low end's lower side and the high end's upper side.
        let (lower, _) = bounds_of(None, first.value);
        let (_, upper) = bounds_of(second_qualifier, second.value);
        m.lower = lower;
        m.upper = upper;
        if second_qualifier.is_some() && m.qualifier.is_none() {
            m.qualifier = second_qualifier;
        } else if let Some(q) = phrase.qualifier {
            apply_outer(&mut m, q);
        }
        let era = ERAS_AFTER.iter().any(|e| {
            text[parsed.span.end..]
                .strip_prefix(' ')
                .is_some_and(|a| a.starts_with(e))
        });
        if first.year_shaped && second.year_shaped || era {
            m.kind = Kind::Year;
        }
    } else if first.form == Form::Vague {
        m.value = None;
        m.qualifier = Some(Qualifier::Vague);
        m.lower = Some(Bound::inclusive(first.value));
        m.upper = None;
    } else if let Some(q) = phrase.qualifier {
        let (lower, upper) = bounds_of(Some(q), first.value);
        m.lower = lower;
        m.upper = upper;
    }
    m.approximate = m.qualifier.is_some_and(Qualifier::is_approximate)
        || phrase
            .second
            .is_some_and(|high| high.qualifier.is_some_and(Qualifier::is_approximate));
    m
}

/// What the figure counts: its noun, whether it is an age, its period; and the words before
/// it that read as a bound but are a verb or a preposition with this noun ("passed 12
/// bills", "under two statutes", "over five years").
fn read_what_it_counts(text: &str, parsed: &ParsedPhrase, m: &mut Mention) {
    let ParsedPhrase {
        span,
        anchor,
        phrase,
        ..
    } = *parsed;
    let first = phrase.first;
    let written = &text[span.start..];
    if m.kind == Kind::Number {
        m.unit = counted_noun(
            text,
            span.end,
            first.form == Form::Vague || first.scale.is_some(),
        );
    }
    // "passed 2,000" is a bound; "passed 12 bills" an action on counted things.
    if m.qualifier == Some(Qualifier::MoreThan)
        && m.unit.is_some()
        && written
            .get(..7)
            .is_some_and(|w| w.eq_ignore_ascii_case("passed "))
    {
        drop_bound(m, first.value, anchor);
    }
    if m.kind == Kind::Number && (phrase.age || is_age(text, m.span, span.end)) {
        m.age = true;
        m.unit = None;
    }
    // "under two primary statutes": "under" before a number in words and its noun is a
    // preposition, not a bound ("children under five" stays one).
    if m.qualifier == Some(Qualifier::LessThan)
        && phrase.second.is_none()
        && first.form == Form::Words
        && !m.age
        && m.unit.is_some()
        && written
            .get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case("under "))
    {
        drop_bound(m, first.value, anchor);
    }
    // "over five years" is a duration, not a bound; "for over five years" is one.
    if m.qualifier == Some(Qualifier::MoreThan)
        && phrase.second.is_none()
        && written
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case("over "))
        && m.unit
            .is_some_and(|u| vocab::contains_ci(DURATIONS, &text[u.range()]))
        && !word_before(text, span.start)
            .is_some_and(|WordBefore { word, .. }| word.eq_ignore_ascii_case("for"))
    {
        drop_bound(m, first.value, anchor);
    }
    let after_unit = m.unit.map_or(span.end, |u| u.end);
    m.per = period_after(text, after_unit);
}

/// The figure is exactly `value`, written from `anchor`: the word before it was no bound.
fn drop_bound(m: &mut Mention, value: f64, anchor: usize) {
    m.qualifier = None;
    m.lower = Some(Bound::inclusive(value));
    m.upper = m.lower;
    m.span.start = anchor;
}

/// The bounds that a qualifier asserts around a stated value, before any tolerance.
fn bounds_of(qualifier: Option<Qualifier>, value: f64) -> (Option<Bound>, Option<Bound>) {
    let exactly = Some(Bound::inclusive(value));
    match qualifier {
        None | Some(Qualifier::About) => (exactly, exactly),
        Some(Qualifier::MoreThan | Qualifier::JustOver) => (Some(Bound::exclusive(value)), None),
        Some(Qualifier::AtLeast | Qualifier::Vague) => (exactly, None),
        Some(Qualifier::LessThan | Qualifier::Nearly) => (None, Some(Bound::exclusive(value))),
        Some(Qualifier::AtMost) => (None, exactly),
    }
}

/// A qualifier before a whole range ("up to 20–30", "about 30-35%").
fn apply_outer(m: &mut Mention, qualifier: Qualifier) {
    match qualifier {
        Qualifier::MoreThan | Qualifier::JustOver | Qualifier::AtLeast => m.upper = None,
        Qualifier::LessThan | Qualifier::AtMost => m.lower = None,
        Qualifier::Nearly => {
            m.lower = None;
            if let Some(u) = m.upper.as_mut() {
                u.inclusive = false;
            }
        }
        Qualifier::About | Qualifier::Vague => {}
    }
}

/// `s` cut to `n` characters, with an ellipsis when cut.
fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(n).collect();
        format!("{cut}…")
    }
}

/// Whether the words around a figure make it an age: "aged 15 to 17", "under the age of
/// 16", "a 23-year-old", "65 years or older", "as young as fourteen".
fn is_age(text: &str, span: Span, end: usize) -> bool {
    // The phrase's words, compared ignoring ASCII case.
    let written = &text[span.range()];
    let contains = |needle: &str| vocab::contains_ascii_ci(written, needle);
    let starts = |prefix: &str| vocab::starts_with_ci(written, prefix);
    if contains(" age ")
        || contains(" age of")
        || contains("ages of")
        || starts("under age")
        || starts("over age")
        || contains("young")
        || contains("older")
        || starts("under-")
    {
        return true;
    }
    if word_before(text, span.start)
        .is_some_and(|WordBefore { word, .. }| vocab::contains_ci(vocab::AGE_WORDS, word))
    {
        return true;
    }
    // "children under 18", "people over 65": a bound right after a word for people.
    let bound = starts("under ")
        || starts("over ")
        || contains(" and over")
        || contains(" or over")
        || contains(" and under");
    if bound
        && at_boundary(&text[end..])
        && !text[end..].starts_with(['%', '-'])
        && counted_noun(text, end, false).is_none()
        && word_before(text, span.start)
            .is_some_and(|WordBefore { word, .. }| vocab::contains_ci(vocab::PEOPLE_WORDS, word))
    {
        return true;
    }
    // "to the age of 14".
    let head = text[..span.start].trim_end();
    let head = &head[floor_boundary(head, head.len().saturating_sub(8))..];
    if vocab::ends_with_ci(head, "age of") || vocab::ends_with_ci(head, "ages of") {
        return true;
    }
    // "16- and 17-year-olds", "18 and 19-year-olds".
    let after = &text[end..];
    if let Some(r) = ["- and ", " and ", "- or ", " or ", "- to ", " to "]
        .iter()
        .find_map(|j| after.strip_prefix(j))
    {
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0
            && r[digits..]
                .get(..9)
                .is_some_and(|a| a.eq_ignore_ascii_case("-year-old"))
        {
            return true;
        }
    }
    let after = &text[end..floor_boundary(text, text.len().min(end + 16))];
    [
        "-year-old",
        "-years-old",
        " years old",
        " year old",
        " years of age",
        "-year old",
    ]
    .iter()
    .any(|a| vocab::starts_with_ci(after, a))
}

/// "one" as a pronoun: "one of the largest", "no one", "the one".
fn is_pronoun_one(text: &str, start: usize, end: usize) -> bool {
    let before = word_before(text, start).map(|WordBefore { word, .. }| word.to_ascii_lowercase());
    if before.as_ref().is_some_and(|w| {
        matches!(
            w.as_str(),
            "no" | "any"
                | "every"
                | "each"
                | "the"
                | "this"
                | "that"
                | "which"
                | "someone"
                | "another"
                | "last"
                | "such"
                | "little"
                | "new"
                | "big"
                | "main"
        )
    }) {
        return true;
    }
    let after = &text[end..];
    // "one in 2003 and the other in 2005".
    if let Some(r) = after.strip_prefix(" in ")
        && r.len() >= 4
        && r.as_bytes()[..4].iter().all(u8::is_ascii_digit)
    {
        return true;
    }
    let next = after
        .strip_prefix(' ')
        .and_then(|a| alpha_word(a).ok())
        .map(|(_, word)| word.to_ascii_lowercase());
    // "by one estimate", "by one account".
    if before.as_deref() == Some("by")
        && next
            .as_deref()
            .is_some_and(|w| matches!(w, "estimate" | "account" | "measure" | "count"))
    {
        return true;
    }
    match next {
        None => true,
        Some(w) => matches!(
            w.as_str(),
            "of" | "another"
                | "or"
                | "who"
                | "that"
                | "which"
                | "is"
                | "was"
                | "day"
                | "point"
                | "way"
                | "thing"
                | "time"
                | "such"
                | "side"
                | "hand"
                | "and"
        ),
    }
}

/// Units of time: "over five years" is a duration.
const DURATIONS: &[&str] = &[
    "years", "months", "weeks", "days", "decades", "hours", "year", "month", "week", "day",
    "decade",
];
