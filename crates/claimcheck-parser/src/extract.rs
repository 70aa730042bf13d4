//! The extractor: finds candidate figures fast, parses only there, and tells quantities
//! from years, dates, times and identifiers.

use std::collections::HashSet;
use std::ops::Not;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::changes::{self, Change};
use crate::conventions::Conventions;
use crate::identifiers;
use crate::mention::{Bound, Diagnostic, Form, Kind, Mention, Per, Qualifier, Span};
use crate::normalize;
use crate::number::{alpha_word, at_boundary, keyword, ws};
use crate::quantity::{self, Phrase, RangeEnd, WordBefore, is_month, phrase_before, word_before};
use crate::rates;
use crate::vocab::{self, ORDINALS, PERIODS, QUALIFIERS, SCALES, TENS, UNITS};
use crate::years;
use nom::Parser;

/// Everything found in one text: the figures, and what could not be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// The figures, in the order they appear.
    pub mentions: Vec<Mention>,
    /// Figures that could not be read (a number too large for any type, say).
    pub diagnostics: Vec<Diagnostic>,
    /// Pairs of figures related as a change ("rose from 12% to 19%"), in text order.
    pub changes: Vec<Change>,
}

/// Finds the figures in English prose. Building one is cheap: every extractor shares one
/// word automaton, compiled on first use.
#[derive(Debug, Clone)]
pub struct Extractor {
    conventions: Conventions,
    words: AhoCorasick,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new(Conventions::default())
    }
}

/// What happened at one candidate.
enum Step {
    Found(Mention),
    /// Nothing here; resume scanning at this offset.
    Skip(usize),
    Problem(Diagnostic, usize),
}

/// Words that start a figure, for the word automaton.
fn anchor_words() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = Vec::new();
    words.extend(UNITS.iter().map(|(w, _)| *w));
    words.extend(TENS.iter().map(|(w, _)| *w));
    words.extend(SCALES.iter().map(|(w, _)| *w));
    words.extend(ORDINALS.iter().map(|(w, _)| *w));
    words.extend(vocab::FRACTIONS.iter().map(|(w, _)| *w));
    words.extend(vocab::VAGUE_HEADS.iter().copied());
    words.extend(["hundred", "dozen"]);
    words.sort_unstable();
    words.dedup();
    words
}

/// The word automaton, built once: the anchor words do not depend on the conventions, and a
/// clone shares the automaton.
static ANCHORS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(anchor_words())
        .expect("the anchor words are a small fixed set")
});

impl Extractor {
    /// An extractor that reads vague words and years by these conventions.
    pub fn new(conventions: Conventions) -> Self {
        Extractor {
            conventions,
            words: ANCHORS.clone(),
        }
    }

    /// The conventions in use.
    pub fn conventions(&self) -> &Conventions {
        &self.conventions
    }

    /// Finds every figure in `text`. Digits of other scripts and invisible characters inside
    /// numbers are read through a folded copy; spans are always offsets into `text`.
    pub fn extract(&self, text: &str) -> Extraction {
        let Some(folded) = normalize::fold(text) else {
            return self.extract_folded(text);
        };
        let mut out = self.extract_folded(&folded.text);
        let span = |s: Span| Span::new(folded.original(s.start), folded.original(s.end));
        for m in &mut out.mentions {
            m.span = span(m.span);
            m.unit = m.unit.map(span);
        }
        for d in &mut out.diagnostics {
            d.span = span(d.span);
        }
        out
    }

    /// Finds every figure in text whose digits are ASCII.
    fn extract_folded(&self, text: &str) -> Extraction {
        let mut out = Extraction::default();
        let bytes = text.as_bytes();
        let mut pos = 0;
        let mut next_word: Option<(usize, usize)> = None;
        let mut words_done = false;
        while pos < text.len() {
            let digit = bytes[pos..]
                .iter()
                .position(u8::is_ascii_digit)
                .map(|p| p + pos);
            if !words_done && next_word.is_none_or(|(s, _)| s < pos) {
                next_word = self
                    .words
                    .find(aho_corasick::Input::new(text).span(pos..text.len()))
                    .map(|m| (m.start(), m.end()));
                words_done = next_word.is_none();
            }
            let word = next_word.filter(|(s, _)| *s >= pos);
            let (anchor, is_word, word_end) = match (digit, word) {
                (Some(d), Some((ws, we))) if ws < d => (ws, true, we),
                (Some(d), _) => (d, false, d),
                (None, Some((ws, we))) => (ws, true, we),
                (None, None) => break,
            };
            if is_word
                && (!self.word_anchor_ok(text, anchor, word_end)
                    || not_a_figure_word(text, anchor, word_end))
            {
                pos = word_end;
                continue;
            }
            let floor = out.mentions.last().map_or(0, |m| m.span.end);
            match self.at(text, anchor, floor, is_word) {
                Step::Found(m) => {
                    pos = m.span.end.max(anchor + 1);
                    out.mentions.push(m);
                }
                Step::Skip(to) => pos = to.max(anchor + 1),
                Step::Problem(d, to) => {
                    out.diagnostics.push(d);
                    pos = to.max(anchor + 1);
                }
            }
            while !text.is_char_boundary(pos) {
                pos += 1;
            }
        }
        rates::assign(text, &mut out.mentions);
        out.changes = changes::link(text, &out.mentions);
        out
    }

    /// A word match counts only as a whole word.
    fn word_anchor_ok(&self, text: &str, start: usize, end: usize) -> bool {
        !text[..start].ends_with(|c: char| c.is_alphanumeric()) && at_boundary(&text[end..])
    }

    fn at(&self, text: &str, anchor: usize, floor: usize, is_word: bool) -> Step {
        if !is_word
            && let Some(found) =
                years::fiscal_year(text, anchor, floor).or_else(|| years::split_year(text, anchor))
        {
            return Step::Found(year_mention(found));
        }
        if !is_word && let Some(step) = self.not_a_quantity(text, anchor) {
            return step;
        }
        // Where the phrase may start: the anchor, or earlier to take in a currency sign, an
        // article, a qualifier and "between"/"from".
        let starts = self.starts(text, anchor, floor, is_word);
        for &start in &starts {
            let around = around(text, start);
            let Ok((rest, phrase)) = quantity::mention(&text[start..], &self.conventions, around)
            else {
                continue;
            };
            let mut end = text.len() - rest.len();
            if end <= anchor {
                continue;
            }
            let mut phrase = phrase;
            // "65 and older", "17 and under", "10 or more".
            if phrase.second.is_none()
                && phrase.qualifier.is_none()
                && phrase.first.form != Form::Vague
                && let Ok((r, (q, age))) = quantity::postfix_bound(rest)
            {
                phrase.qualifier = Some(q);
                phrase.age = age;
                end = text.len() - r.len();
            }
            return self.build(text, start, end, anchor, &phrase, is_word);
        }
        if is_word {
            return self.ordinal_word(text, anchor);
        }
        self.glued(text, anchor)
    }

    /// Candidate starts for the phrase around `anchor`, farthest first.
    fn starts(&self, text: &str, anchor: usize, floor: usize, is_word: bool) -> Vec<usize> {
        let mut starts = vec![anchor];
        let mut s = anchor;
        // ".08": a decimal without its zero (not ".50-caliber").
        if !is_word
            && text[..s].ends_with('.')
            && !text[..s - 1].ends_with(|c: char| c.is_alphanumeric() || c == '.')
            && !text[s..]
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with('-')
        {
            s -= 1;
            starts.push(s);
        }
        // A currency written before the digits ("$", "US$", "USD ").
        if !is_word {
            let head = &text[..s];
            if let Some(sign) = head.chars().next_back() {
                let sign_start = s - sign.len_utf8();
                let before_sign = &text[..sign_start];
                let sign_ok = quantity::is_sign(sign)
                    && (before_sign.is_empty()
                        || before_sign.ends_with(|c: char| c.is_whitespace() || c == '('));
                if sign_ok {
                    s = sign_start;
                    starts.push(s);
                }
            }
            for back in [1usize, 2, 3, 4] {
                if s >= back && text.is_char_boundary(s - back) {
                    let cand = s - back;
                    let prev_ok = !text[..cand].ends_with(|c: char| c.is_alphabetic());
                    if prev_ok && quantity::is_currency_prefix(&text[cand..]) {
                        s = cand;
                        starts.push(s);
                        break;
                    }
                }
            }
        } else if let Some(WordBefore { start, word }) = word_before(text, s) {
            // "a hundred", "a third", "a few hundred".
            if word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an") {
                s = start;
                starts.push(s);
            }
        }
        if let Some(q) = phrase_before(text, s, QUALIFIERS).or_else(|| glued_sign(text, s))
            && !is_particle_up_to(text, q)
        {
            s = q;
            starts.push(s);
        }
        if let Some(WordBefore { start, word }) = word_before(text, s)
            && (word.eq_ignore_ascii_case("between") || word.eq_ignore_ascii_case("from"))
        {
            starts.push(start);
        } else if let Some(b) = phrase_before(text, s, &[("between the ages of", ())]) {
            starts.push(b);
        }
        starts.retain(|&x| x >= floor);
        starts.reverse();
        starts
    }

    /// Digits that are a date, a time, an identifier, a phone number or part of a URL.
    fn not_a_quantity(&self, text: &str, anchor: usize) -> Option<Step> {
        let head = &text[..anchor];
        let prev = head.chars().next_back();
        let token_end = anchor
            + text[anchor..]
                .find(|c: char| c.is_whitespace())
                .unwrap_or(text.len() - anchor);
        // Inside a run of digits we could not read, or glued to letters before ("H1N1",
        // "G7", "COVID-19"), or inside a URL or an e-mail address.
        if let Some(p) = prev {
            if p.is_ascii_digit() {
                return Some(Step::Skip(skip_alnum(text, anchor)));
            }
            if p.is_alphabetic() || p == '_' || p == '#' || p == '@' || p == '/' {
                return Some(Step::Skip(skip_token(text, anchor)));
            }
            if matches!(p, '-' | '.' | '–' | '—') {
                let before = &head[..head.len() - p.len_utf8()];
                let mid_year = ["mid", "pre", "post", "early", "late", "under", "over"]
                    .iter()
                    .any(|w| ends_with_word_ci(before, w));
                if before.ends_with(|c: char| c.is_alphabetic()) && !mid_year {
                    return Some(Step::Skip(skip_token(text, anchor)));
                }
                // ".50-caliber": a calibre, no decimal.
                if p == '.'
                    && text[anchor..]
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .starts_with('-')
                {
                    return Some(Step::Skip(skip_token(text, anchor)));
                }
                if p == '.' && before.ends_with(|c: char| c.is_ascii_digit()) {
                    return Some(Step::Skip(skip_alnum(text, anchor)));
                }
            }
        }
        let token_start = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| !c.is_whitespace())
            .take(256)
            .last()
            .map_or(anchor, |(i, _)| i);
        let token = &text[token_start..floor_boundary(text, token_end.min(token_start + 512))];
        if token.contains("://") || token.starts_with("www.") || token.contains('@') {
            return Some(Step::Skip(token_end));
        }
        // Bill, law and code numbers, citations, footnote marks; a list of sections after a
        // plural label ("sections 7104(b) and 7107").
        if let Some(WordBefore { word, .. }) = word_before(text, anchor)
            && is_identifier_word(word)
            && word.ends_with('s')
            && identifiers::section(text, anchor).is_some()
        {
            return Some(Step::Skip(skip_label(text, anchor, true)));
        }
        if let Some(end) = identifiers::citation(text, anchor)
            .or_else(|| identifiers::cited(text, anchor))
            .or_else(|| identifiers::section(text, anchor))
            .or_else(|| identifiers::marker(text, anchor))
            .or_else(|| identifiers::numbered_with_zero(text, anchor))
        {
            return Some(Step::Skip(end));
        }
        let rest = &text[anchor..];
        if let Some(end) = date_or_time(rest) {
            return Some(Step::Skip(anchor + end));
        }
        if let Some(end) = phone_number(text, anchor) {
            return Some(Step::Skip(end));
        }
        if let Some(end) = score(text, anchor) {
            return Some(Step::Skip(end));
        }
        // A day before or after a month name: "15 February", "December 27".
        let lead = rest.bytes().take_while(u8::is_ascii_digit).count();
        if lead <= 2 {
            let after = &rest[lead..];
            let after = after
                .strip_prefix("st")
                .or_else(|| after.strip_prefix("nd"))
                .or_else(|| after.strip_prefix("rd"))
                .or_else(|| after.strip_prefix("th"))
                .unwrap_or(after);
            let next_word = after
                .strip_prefix(' ')
                .and_then(|a| alpha_word(a).ok())
                .map(|(_, word)| word);
            let prev_word = word_before(text, anchor).map(|WordBefore { word, .. }| word);
            let day: u32 = rest[..lead].parse().unwrap_or(0);
            // "May" is a month only when capitalised ("May 5"), not in "may 5 people".
            let month = |w: &str| is_month(w) && (!w.eq_ignore_ascii_case("may") || w == "May");
            let near_month = next_word.is_some_and(month) || prev_word.is_some_and(month);
            let is_day = (1..=31).contains(&day)
                && !rest[lead..].starts_with('%')
                && percent_or_scale_follows(&rest[lead..]).not();
            if is_day && near_month {
                return Some(Step::Skip(anchor + (rest.len() - after.len())));
            }
        }
        // A label: "Article 12", "Tier 2", "Highway 1", "No. 5".
        if let Some(WordBefore { start, word }) = word_before(text, anchor)
            && text[start + word.len()..anchor]
                .chars()
                .all(|c| c == ' ' || c == '\u{a0}')
            && is_identifier_word(word)
        {
            // Unless a figure is written there after all: "Tier 2 30%", "Article 1,000".
            let tail = &text[anchor + lead..];
            let figure = tail.starts_with('%')
                || tail.starts_with(',') && tail[1..].starts_with(|c: char| c.is_ascii_digit());
            if !figure {
                let plural = word.ends_with('s') && !word.ends_with("ss");
                return Some(Step::Skip(skip_label(text, anchor, plural)));
            }
        }
        None
    }

    /// Builds the mention for a parsed phrase, or decides it is a year or not a figure.
    fn build(
        &self,
        text: &str,
        start: usize,
        end: usize,
        anchor: usize,
        phrase: &Phrase,
        is_word: bool,
    ) -> Step {
        let first = phrase.first;
        let values: Vec<f64> = std::iter::once(first.value)
            .chain(phrase.second.map(|high| high.quantity.value))
            .collect();
        if values.iter().any(|v| !v.is_finite()) {
            return Step::Problem(
                Diagnostic {
                    span: Span::new(start, end),
                    message: if values.iter().any(|v| v.is_nan()) {
                        format!(
                            "number out of range (too small to represent, yet not 0): `{}`",
                            truncate(&text[start..end], 40)
                        )
                    } else {
                        format!(
                            "number too large to represent: `{}`",
                            truncate(&text[start..end], 40)
                        )
                    },
                },
                end,
            );
        }
        // Glued letters after digits that are not a scale: "4G", "5km", "32nd".
        if !is_word && !at_boundary(&text[end..]) {
            return self.glued(text, anchor);
        }
        // "1.2.3": a version or a section number.
        let after = &text[end..];
        if after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
            return Step::Skip(skip_token(text, anchor));
        }
        // "twenty-first": a number word joined to an ordinal.
        if is_word
            && phrase.second.is_none()
            && after.starts_with('-')
            && let Step::Found(m) = self.ordinal_word(text, anchor)
        {
            return Step::Found(m);
        }
        if first.bare_one
            && phrase.second.is_none()
            && phrase.qualifier.is_none()
            && is_pronoun_one(text, start, end)
        {
            return Step::Skip(end);
        }
        let span = Span::new(start, end);
        let mut m = Mention {
            span,
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
                text[end..]
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
        if m.kind == Kind::Number {
            m.unit = counted_noun(
                text,
                end,
                first.form == Form::Vague || first.scale.is_some(),
            );
        }
        // "passed 2,000" is a bound; "passed 12 bills" an action on counted things.
        if m.qualifier == Some(Qualifier::MoreThan)
            && m.unit.is_some()
            && text[start..]
                .get(..7)
                .is_some_and(|w| w.eq_ignore_ascii_case("passed "))
        {
            m.qualifier = None;
            m.lower = Some(Bound::inclusive(first.value));
            m.upper = m.lower;
            m.span.start = anchor;
        }
        if m.kind == Kind::Number && (phrase.age || is_age(text, m.span, end)) {
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
            && text[start..]
                .get(..6)
                .is_some_and(|w| w.eq_ignore_ascii_case("under "))
        {
            m.qualifier = None;
            m.lower = Some(Bound::inclusive(first.value));
            m.upper = m.lower;
            m.span.start = anchor;
        }
        // "over five years" is a duration, not a bound; "for over five years" is one.
        if m.qualifier == Some(Qualifier::MoreThan)
            && phrase.second.is_none()
            && text[start..]
                .get(..5)
                .is_some_and(|w| w.eq_ignore_ascii_case("over "))
            && m.unit
                .is_some_and(|u| vocab::contains_ci(DURATIONS, &text[u.range()]))
            && !word_before(text, start)
                .is_some_and(|WordBefore { word, .. }| word.eq_ignore_ascii_case("for"))
        {
            m.qualifier = None;
            m.lower = Some(Bound::inclusive(first.value));
            m.upper = m.lower;
            m.span.start = anchor;
        }
        let after_unit = m.unit.map_or(end, |u| u.end);
        m.per = period_after(text, after_unit);
        if m.kind == Kind::Number
            && m.value.is_some()
            && self.is_year(text, anchor, end, &first)
            && !self.is_count(text, start, &m)
        {
            m.kind = Kind::Year;
            m.qualifier = None;
            m.approximate = false;
            m.unit = None;
            m.per = None;
            m.lower = m.value.map(Bound::inclusive);
            m.upper = m.lower;
            m.span = Span::new(anchor, end);
        }
        if m.kind == Kind::Year && m.span.start != anchor && phrase.second.is_none() {
            m.span.start = anchor;
        }
        Step::Found(m)
    }

    /// Whether a plain whole number reads as a year: four digits in the configured range;
    /// or an earlier four-digit year after a word that introduces one ("in 1616", "as early
    /// as 1200"); or any number with an era ("A.D. 800", "300 BC").
    fn is_year(&self, text: &str, anchor: usize, end: usize, q: &quantity::Quantity) -> bool {
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
    fn is_count(&self, text: &str, start: usize, m: &Mention) -> bool {
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

    /// A word anchor that is no cardinal: an ordinal word ("second", "twenty-first").
    fn ordinal_word(&self, text: &str, anchor: usize) -> Step {
        let rest = &text[anchor..];
        let Ok((after, word)) = alpha_word(rest) else {
            return Step::Skip(anchor + 1);
        };
        let end = anchor + word.len();
        let mut value = vocab::lookup_ci(ORDINALS, word);
        let mut span_end = end;
        // "twenty-first": a tens word, a hyphen and an ordinal.
        if value.is_none()
            && let Some(tens) = vocab::lookup_ci(TENS, word)
            && let Some(rest2) = after.strip_prefix('-')
            && let Ok((_, w2)) = alpha_word(rest2)
            && let Some(o) = vocab::lookup_ci(ORDINALS, w2).filter(|o| *o < 10.0)
        {
            value = Some(tens + o);
            span_end = end + 1 + w2.len();
        }
        // "the First Amendment", "Sixth Street": a capitalised ordinal before a capitalised
        // word inside a sentence names something.
        let in_name = word.starts_with(|c: char| c.is_uppercase())
            && text[span_end..]
                .strip_prefix(' ')
                .is_some_and(|n| n.starts_with(|c: char| c.is_uppercase()))
            && !sentence_start(text, anchor);
        match value {
            Some(v) if at_boundary(&text[span_end..]) && !in_name => {
                Step::Found(ordinal(Span::new(anchor, span_end), v))
            }
            _ => Step::Skip(end),
        }
    }

    /// Digits with letters glued after them: ordinals ("32nd"), decades ("1990s"),
    /// measurements ("5km"), else an identifier ("4G").
    fn glued(&self, text: &str, anchor: usize) -> Step {
        let rest = &text[anchor..];
        let lead = rest.bytes().take_while(u8::is_ascii_digit).count();
        let after = &rest[lead..];
        let Ok((tail, suffix)) = alpha_word(after) else {
            return Step::Skip(anchor + lead.max(1));
        };
        let end = anchor + lead + suffix.len();
        let digits = &rest[..lead];
        let value: f64 = digits.parse().unwrap_or(f64::INFINITY);
        let boundary = at_boundary(tail);
        let lower = suffix.to_ascii_lowercase();
        if boundary && ["st", "nd", "rd", "th"].contains(&lower.as_str()) && value.is_finite() {
            return Step::Found(ordinal(Span::new(anchor, end), value));
        }
        if boundary && lower == "s" && lead == 4 && self.conventions.is_year(value) {
            let mut m = ordinal(Span::new(anchor, end), value);
            m.kind = Kind::Year;
            m.value = None;
            m.endpoints = Some([value, value + 9.0]);
            m.upper = Some(Bound::inclusive(value + 9.0));
            return Step::Found(m);
        }
        Step::Skip(skip_token(text, anchor))
    }
}

/// Whether `at` starts a sentence: nothing but an opening quote or bracket since the last
/// stop.
fn sentence_start(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches(['"', '“', '\'', '‘', '(', '[', ' ']);
    head.is_empty() || head.ends_with(['.', '!', '?', '\n', ':'])
}

/// Number words that are no figure: "two-way", "one-way" trade; "half" or "quarter" after
/// an ordinal ("the first half of the year").
fn not_a_figure_word(text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    if let Some(r) = after.strip_prefix('-')
        && let Ok((_, w)) = alpha_word(r)
        && ["way", "fold"].iter().any(|x| w.eq_ignore_ascii_case(x))
    {
        return true;
    }
    let word = &text[start..end];
    (word.eq_ignore_ascii_case("half") || word.to_ascii_lowercase().starts_with("quarter"))
        && word_before(text, start)
            .is_some_and(|WordBefore { word, .. }| vocab::lookup_ci(ORDINALS, word).is_some())
}

/// A sign or "under-" touching the figure: "≥65", "<200%", "under-16".
fn glued_sign(text: &str, at: usize) -> Option<usize> {
    let head = &text[..at];
    if let Some(c) = head.chars().next_back()
        && matches!(c, '≥' | '≤' | '<' | '>')
    {
        return Some(at - c.len_utf8());
    }
    let start = head.strip_suffix('-')?.len().checked_sub(5)?;
    (head.is_char_boundary(start)
        && head[start..].eq_ignore_ascii_case("under-")
        && !head[..start].ends_with(|c: char| c.is_alphanumeric()))
    .then_some(start)
}

/// "speeded up to 3.9%", "added up to $2 billion": "up to" after a verb is its particle.
fn is_particle_up_to(text: &str, q: usize) -> bool {
    let rest = &text[q..];
    if !rest
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("up to"))
    {
        return false;
    }
    word_before(text, q).is_some_and(|WordBefore { word, .. }| {
        let lower = word.to_ascii_lowercase();
        (lower.len() > 3 && lower.ends_with("ed"))
            || vocab::contains_ci(vocab::CHANGE_VERBS, &lower)
            || ["went", "go", "goes", "shot", "came", "ran"].contains(&lower.as_str())
    })
}

/// Whether the words around a figure make it an age: "aged 15 to 17", "under the age of
/// 16", "a 23-year-old", "65 years or older", "as young as fourteen".
fn is_age(text: &str, span: Span, end: usize) -> bool {
    let written = text[span.range()].to_ascii_lowercase();
    if written.contains(" age ")
        || written.contains(" age of")
        || written.contains("ages of")
        || written.starts_with("under age")
        || written.starts_with("over age")
        || written.contains("young")
        || written.contains("older")
        || written.starts_with("under-")
    {
        return true;
    }
    if word_before(text, span.start)
        .is_some_and(|WordBefore { word, .. }| vocab::contains_ci(vocab::AGE_WORDS, word))
    {
        return true;
    }
    // "children under 18", "people over 65": a bound right after a word for people.
    let bound = written.starts_with("under ")
        || written.starts_with("over ")
        || written.contains(" and over")
        || written.contains(" or over")
        || written.contains(" and under");
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
    let head = head[floor_boundary(head, head.len().saturating_sub(8))..].to_ascii_lowercase();
    if head.ends_with("age of") || head.ends_with("ages of") {
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
    let after = text[end..floor_boundary(text, text.len().min(end + 16))].to_ascii_lowercase();
    [
        "-year-old",
        "-years-old",
        " years old",
        " year old",
        " years of age",
        "-year old",
    ]
    .iter()
    .any(|a| after.starts_with(a))
}

/// What stands before a phrase that starts at `start`: "from", and a verb of spread before
/// it ("ranging from", "varied from"), whether or not the phrase takes in "from".
fn around(text: &str, start: usize) -> quantity::Around {
    let (from_at, after_from) = match word_before(text, start) {
        Some(WordBefore { start, word }) if word.eq_ignore_ascii_case("from") => (start, true),
        _ => (start, false),
    };
    let starts_with_from = text[start..]
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("from "));
    let range_verb = (after_from || starts_with_from)
        && word_before(text, from_at)
            .is_some_and(|WordBefore { word, .. }| vocab::contains_ci(vocab::RANGE_VERBS, word));
    // "from X to Y" is a change after a verb of change ("rose from 12% to 19%"), else the
    // spread of an estimate ("from 900 to 1.2 million").
    let after_from =
        (after_from || starts_with_from) && changes::verb_of_change_before(text, from_at);
    let after_by = word_before(text, start)
        .is_some_and(|WordBefore { word, .. }| word.eq_ignore_ascii_case("by"));
    let change_in_brackets =
        text[..start].ends_with('(') && changes::verb_of_change_before(text, start);
    quantity::Around {
        after_from,
        range_verb,
        change_in_brackets,
        after_by,
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
const ERAS_AFTER: &[&str] = &["BC", "B.C.", "BCE", "AD", "A.D.", "CE"];

/// Words that introduce a year, so that an early year reads as one ("in 1616").
const YEAR_INTRO: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "during", "circa", "c.", "as", "year", "before",
    "after", "around", "early", "mid", "late", "to", "and",
];

/// Units of time: "over five years" is a duration.
const DURATIONS: &[&str] = &[
    "years", "months", "weeks", "days", "decades", "hours", "year", "month", "week", "day",
    "decade",
];

/// Plurals without an -s, for [`Extractor::is_count`].
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "persons",
    "police",
    "personnel",
    "staff",
    "cattle",
];

/// Words after which a year-shaped number is a year.
const YEAR_CONTEXT: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "of", "the", "a", "an", "during", "before",
    "after", "for", "and", "to", "between", "its", "their", "his", "her", "this", "that", "mid",
    "early", "late", "circa", "year", "fiscal", "through", "around", "about", "on",
];

/// A year or a span of years as a mention.
fn year_mention(found: years::FoundYears) -> Mention {
    let mut m = ordinal(Span::new(found.start, found.end), found.first);
    m.kind = Kind::Year;
    if let Some(last) = found.last {
        m.value = None;
        m.endpoints = Some([found.first, last]);
        m.upper = Some(Bound::inclusive(last));
    }
    m
}

fn ordinal(span: Span, value: f64) -> Mention {
    Mention {
        span,
        kind: Kind::Ordinal,
        value: Some(value),
        endpoints: None,
        lower: Some(Bound::inclusive(value)),
        upper: Some(Bound::inclusive(value)),
        qualifier: None,
        approximate: false,
        currency: None,
        unit: None,
        per: None,
        form: Form::Digits,
        decimals: 0,
        points: false,
        scale: 1.0,
        age: false,
    }
}

/// The bounds that a qualifier asserts around a stated value, before any tolerance.
fn bounds_of(q: Option<Qualifier>, value: f64) -> (Option<Bound>, Option<Bound>) {
    let at = Some(Bound::inclusive(value));
    match q {
        None | Some(Qualifier::About) => (at, at),
        Some(Qualifier::MoreThan | Qualifier::JustOver) => (Some(Bound::exclusive(value)), None),
        Some(Qualifier::AtLeast | Qualifier::Vague) => (at, None),
        Some(Qualifier::LessThan | Qualifier::Nearly) => (None, Some(Bound::exclusive(value))),
        Some(Qualifier::AtMost) => (None, at),
    }
}

/// A qualifier before a whole range ("up to 20–30", "about 30-35%").
fn apply_outer(m: &mut Mention, q: Qualifier) {
    match q {
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

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(n).collect();
        format!("{cut}…")
    }
}

/// The largest character boundary of `text` at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ends_with_word_ci(head: &str, word: &str) -> bool {
    let n = word.len();
    head.len() >= n
        && head.is_char_boundary(head.len() - n)
        && head[head.len() - n..].eq_ignore_ascii_case(word)
        && !head[..head.len() - n].ends_with(|c: char| c.is_alphanumeric())
}

/// The end of the run of letters and digits starting at `at`.
fn skip_alnum(text: &str, at: usize) -> usize {
    at + text[at..]
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(text.len() - at)
}

/// The end of a token of letters, digits, hyphens and dots starting at `at` ("COVID-19",
/// "H1N1", "1.2.3"), without a final dot.
fn skip_token(text: &str, at: usize) -> usize {
    let len = text[at..]
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | '/')))
        .unwrap_or(text.len() - at);
    let token = text[at..at + len].trim_end_matches(['.', '-']);
    at + token.len().max(1)
}

/// The end of a label's number ("4(a)", "12.3", "2"), and of the numbers listed after a
/// plural label ("sections 7104(b) and 7107", "articles 3, 5 and 7").
fn skip_label(text: &str, at: usize, plural: bool) -> usize {
    let mut end = identifiers::label_end(text, at);
    if !plural {
        return end;
    }
    loop {
        let mut rest = &text[end..];
        // A footnote mark inside the list: "7103(f),[1] and 7107".
        let unmarked = rest.strip_prefix(',').unwrap_or(rest);
        if let Some(r) = unmarked.strip_prefix('[')
            && let Some(close) = r.find(']')
            && (1..=3).contains(&close)
            && r[..close].bytes().all(|b| b.is_ascii_digit())
        {
            rest = &r[close + 1..];
        }
        let joined = [", and ", " and ", ", or ", " or ", ", "]
            .iter()
            .find_map(|j| rest.strip_prefix(j));
        match joined {
            Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => {
                end = identifiers::label_end(text, text.len() - r.len());
            }
            _ => return end,
        }
    }
}

/// Dates and times written in digits: "2025-01-01", "1/2/2025", "24/7", "10:30", "3 p.m.".
/// Returns the length to skip.
fn date_or_time(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let digits_at = |i: usize| {
        b[i.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let lead = digits_at(0);
    let after = lead;
    match b.get(after) {
        Some(b':') if digits_at(after + 1) == 2 => {
            let mut end = after + 3;
            if b.get(end) == Some(&b':') && digits_at(end + 1) == 2 {
                end += 3;
            }
            return Some(end);
        }
        // "3/4", "1 4/5": a fraction, read by the grammar, not a date.
        Some(b'/')
            if lead <= 2
                && digits_at(after + 1) <= 2
                && b.get(after + 1 + digits_at(after + 1)) != Some(&b'/')
                && rest[..lead]
                    .parse::<u32>()
                    .ok()
                    .zip(
                        rest[after + 1..after + 1 + digits_at(after + 1)]
                            .parse::<u32>()
                            .ok(),
                    )
                    .is_some_and(|(n, d)| n > 0 && n < d && (2..=10).contains(&d)) =>
        {
            return None;
        }
        Some(b'/') if digits_at(after + 1) > 0 => {
            let mut end = after + 1 + digits_at(after + 1);
            if b.get(end) == Some(&b'/') && digits_at(end + 1) > 0 {
                end += 1 + digits_at(end + 1);
            }
            return Some(end);
        }
        Some(b'-') if lead == 4 && digits_at(after + 1) == 2 && b.get(after + 3) == Some(&b'-') => {
            let d = digits_at(after + 4);
            if d == 2 {
                return Some(after + 6);
            }
        }
        _ => {}
    }
    if lead <= 2 {
        let tail = rest[lead..].trim_start_matches(' ');
        let skipped = rest.len() - tail.len();
        for t in [
            "a.m.",
            "p.m.",
            "am",
            "pm",
            "o'clock",
            "o’clock",
            "GMT",
            "UTC",
        ] {
            if tail.len() >= t.len()
                && tail.is_char_boundary(t.len())
                && tail[..t.len()].eq_ignore_ascii_case(t)
                && (t.ends_with('.') || at_boundary(&tail[t.len()..]))
            {
                return Some(skipped + t.len());
            }
        }
    }
    None
}

/// A sports score or a vote tally: "1–0", "4-3(7-6)", "a 51–50 vote", "drew 1–1".
///
/// Two whole numbers of up to three digits joined by a tight dash, where the first is larger
/// (a range rises), or where a word of sport or voting stands next to them. Returns the end
/// of the score, a tie-break in brackets included.
fn score(text: &str, anchor: usize) -> Option<usize> {
    let b = text.as_bytes();
    let digits_from = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let pair = |at: usize| -> Option<(u32, u32, usize)> {
        let a = digits_from(at);
        if a == 0 || a > 3 {
            return None;
        }
        let rest = &text[at + a..];
        let dash = ['-', '–', '—'].into_iter().find(|d| rest.starts_with(*d))?;
        let second_at = at + a + dash.len_utf8();
        let n = digits_from(second_at);
        if n == 0 || n > 3 {
            return None;
        }
        let end = second_at + n;
        let first: u32 = text[at..at + a].parse().ok()?;
        let second: u32 = text[second_at..end].parse().ok()?;
        Some((first, second, end))
    };
    let (first, second, mut end) = pair(anchor)?;
    let after = &text[end..];
    if after.starts_with(|c: char| c.is_alphanumeric() || c == '%' || c == '.' || c == ',')
        && !after.starts_with(". ")
        && !after.starts_with(", ")
    {
        return None;
    }
    let next = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let prev = word_before(text, anchor)
        .map(|WordBefore { word, .. }| word.to_ascii_lowercase())
        .unwrap_or_default();
    // A vote tally is two counts of votes ("votes 86–11", "an 8–1 decision"), read as two
    // figures; a score of a game is none.
    if VOTE_WORDS.contains(&next.as_str()) || VOTE_WORDS.contains(&prev.as_str()) {
        return None;
    }
    let sporty = SCORE_WORDS.contains(&next.as_str()) || SCORE_WORDS.contains(&prev.as_str());
    if !(first > second || sporty) {
        return None;
    }
    // A tie-break or aggregate in brackets: "4-3(7-6)", "1–1 (4–2 pens)".
    let bracket = text[end..].trim_start_matches(' ');
    if let Some(inner) = bracket.strip_prefix('(') {
        let at = text.len() - inner.len();
        if let Some((_, _, e)) = pair(at) {
            end = e + usize::from(text[e..].starts_with(')'));
        }
    }
    Some(end)
}

/// Words next to a vote tally.
const VOTE_WORDS: &[&str] = &[
    "vote", "votes", "voted", "decision", "ruling", "majority", "tally",
];

/// Words next to a score.
const SCORE_WORDS: &[&str] = &[
    "win",
    "wins",
    "won",
    "beat",
    "beats",
    "defeat",
    "defeats",
    "defeating",
    "defeated",
    "draw",
    "drew",
    "victory",
    "loss",
    "lose",
    "lost",
    "margin",
    "lead",
    "aggregate",
    "penalties",
    "score",
    "scored",
    "scoreline",
    "final",
    "against",
    "over",
];

/// Phone numbers: "+1 555 123 4567", "(555) 123-4567", "555-123-4567".
fn phone_number(text: &str, anchor: usize) -> Option<usize> {
    let start = if text[..anchor].ends_with(['+', '(']) {
        anchor - 1
    } else {
        anchor
    };
    let rest = &text[start..];
    let mut digits = 0;
    let mut groups = 0;
    let mut seps = 0;
    let mut len = 0;
    let mut in_digits = false;
    for (i, c) in rest.char_indices().take(24) {
        if c.is_ascii_digit() {
            digits += 1;
            if !in_digits {
                groups += 1;
            }
            in_digits = true;
            len = i + 1;
        } else if matches!(c, '-' | '.' | ' ' | '(' | ')' | '+') {
            if matches!(c, '-' | '.' | '(' | ')') {
                seps += 1;
            }
            in_digits = false;
        } else {
            break;
        }
    }
    let strong = rest.starts_with('+') || rest.starts_with('(') || seps >= 2;
    (digits >= 9 && groups >= 3 && strong && seps >= 1 || digits >= 9 && rest.starts_with('+'))
        .then_some(start + len)
}

/// Whether a percent sign or word, or a scale word, follows (" percent", " million").
fn percent_or_scale_follows(after: &str) -> bool {
    let Some(next) = after
        .strip_prefix(' ')
        .and_then(|a| alpha_word(a).ok())
        .map(|(_, word)| word)
    else {
        return false;
    };
    next.eq_ignore_ascii_case("percent") || vocab::lookup_ci(SCALES, next).is_some()
}

/// Whether a word before a number makes the number a label: a word of
/// [`vocab::LABEL_WORDS`] in any case, or of [`vocab::IDENTIFIER_WORDS`] capitalised.
fn is_identifier_word(w: &str) -> bool {
    vocab::contains_ci(vocab::LABEL_WORDS, w)
        || (w.starts_with(|c: char| c.is_uppercase())
            && vocab::contains_ci(vocab::IDENTIFIER_WORDS, w))
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

/// The counted noun after a figure: the head of the noun phrase that follows, past its
/// adjectives and noun modifiers ("212 identified survivors" ⇒ "survivors", "39 labor
/// inspectors" ⇒ "inspectors", "dozens of women and girls" ⇒ "women and girls").
///
/// The phrase is a run of up to six words that are not function words, verbs or adverbs; its
/// head is the first plural noun in it (what follows a plural head is another phrase: "5,228
/// nationals presented themselves"), else its last word ("a 10-year transition").
fn counted_noun(text: &str, end: usize, allow_of: bool) -> Option<Span> {
    let mut rest = &text[end..];
    let mut at = end;
    // "1.5 °C", "40°F": a unit of temperature.
    for degrees in ["°C", "°F", " °C", " °F"] {
        if rest.starts_with(degrees) && at_boundary(&rest[degrees.len()..]) {
            let start = end + degrees.len() - "°C".len();
            return Some(Span::new(start, end + degrees.len()));
        }
    }
    // "10-year": a hyphen joins the noun.
    if let Some(r) = rest.strip_prefix('-') {
        if let Ok((_, w)) = alpha_word(r)
            && is_noun_like(w)
        {
            return Some(Span::new(end + 1, end + 1 + w.len()));
        }
        return None;
    }
    let skip_ws = |r: &str| -> Option<usize> {
        let n = r.len() - r.trim_start_matches([' ', '\u{a0}']).len();
        (n > 0).then_some(n)
    };
    let n = skip_ws(rest)?;
    rest = &rest[n..];
    at += n;
    if allow_of
        && let Ok((r, w)) = alpha_word(rest)
        && w.eq_ignore_ascii_case("of")
    {
        let n2 = skip_ws(r)?;
        at += w.len() + n2;
        rest = &r[n2..];
    }
    // "21 of these grant programs", "five of the sentences": a part of a group.
    if let Ok((r, (_, _, det, _))) = (keyword("of"), ws, alpha_word, ws).parse(rest)
        && ["these", "those", "the", "its", "their"]
            .iter()
            .any(|d| det.eq_ignore_ascii_case(d))
        && noun_word(r).is_ok_and(|(_, word)| is_noun_like(word))
    {
        at += rest.len() - r.len();
        rest = r;
    }
    let mut run: Vec<Span> = Vec::new();
    for _ in 0..6 {
        let Ok((r, w)) = noun_word(rest).or_else(|_| model_number(rest)) else {
            break;
        };
        let noun_follows = || {
            r.strip_prefix(' ')
                .and_then(|n| noun_word(n).or_else(|_| model_number(n)).ok())
                .is_some_and(|(_, next)| is_noun_like(next) || next.starts_with(char::is_numeric))
        };
        if w.starts_with(|c: char| c.is_ascii_digit()) && (run.is_empty() || !noun_follows()) {
            break;
        }
        if !w.starts_with(|c: char| c.is_ascii_digit()) && !is_noun_like(w) {
            // A participle or an adjective of kind as a modifier counts when a noun follows:
            // "trafficking cases", "detected victims", "130 other nations", "daily
            // passengers".
            let lower = w.to_ascii_lowercase();
            let participle = w.len() > 5
                && (lower.ends_with("ing") || lower.ends_with("ed"))
                && (!NOT_NOUNS.contains(lower.as_str())
                    || MODIFIER_WORDS.contains(&lower.as_str()));
            let modifier = participle || MODIFIER_WORDS.contains(&lower.as_str());
            if !(modifier && noun_follows()) {
                break;
            }
        }
        run.push(Span::new(at, at + w.len()));
        if r.starts_with(|c: char| c.is_alphanumeric()) {
            break;
        }
        let Some(n) = r.strip_prefix(' ').map(|_| 1) else {
            break;
        };
        at += w.len() + n;
        rest = &r[n..];
    }
    let words: Vec<&str> = run.iter().map(|s| &text[s.range()]).collect();
    let title_case = words
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    let plural_head =
        |w: &&str| is_plural(w) && (title_case || !w.starts_with(|c: char| c.is_uppercase()));
    // "police officers", "staff members": a collective noun before a plural modifies it.
    let head = words
        .iter()
        .position(|w| plural_head(w) && !vocab::contains_ci(COLLECTIVES, w))
        .or_else(|| words.iter().position(plural_head))
        .or_else(|| run.len().checked_sub(1))?;
    // A name or an abbreviation is no head: "5 U.S." is not a unit.
    if !words[head]
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    {
        return None;
    }
    let mut span = run[head];
    // "370,000 Sierra Leoneans": a name keeps its capitalised words.
    if words[head].starts_with(|c: char| c.is_uppercase()) {
        let mut first = head;
        while first > 0 && words[first - 1].starts_with(|c: char| c.is_uppercase()) {
            first -= 1;
        }
        span.start = run[first].start;
    }
    // "women and girls", "women and children": two plural nouns joined.
    if is_plural(words[head]) {
        let after = &text[span.end..];
        for joiner in [" and ", " or "] {
            if let Some(r) = after.strip_prefix(joiner)
                && let Ok((r2, w)) = noun_word(r)
                && is_plural(w)
                && is_noun_like(w)
                && r2
                    .strip_prefix(' ')
                    .and_then(|n| noun_word(n).ok())
                    .is_none_or(|(_, next)| !is_noun_like(next))
                // "kills 14 people and injures 35 others": a verb with its object.
                && !r2
                    .trim_start_matches(' ')
                    .starts_with(|c: char| c.is_ascii_digit())
                && !r2
                    .strip_prefix(' ')
                    .and_then(|n| alpha_word(n).ok())
                    .is_some_and(|(_, next)| {
                        vocab::lookup_ci(UNITS, next).is_some()
                            || vocab::lookup_ci(TENS, next).is_some()
                    })
            {
                span.end += joiner.len() + w.len();
                break;
            }
        }
    }
    Some(span)
}

/// Adjectives that may stand between a figure and its noun although they are no nouns:
/// "130 other nations", "68 total cases", "130,000 daily passengers", "eight missing
/// passengers".
const MODIFIER_WORDS: &[&str] = &[
    "other",
    "total",
    "additional",
    "further",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "annual",
    "missing",
    "injured",
    "wounded",
    "dead",
];

/// Collective and irregular plurals that often modify a plural noun after them ("police
/// officers", "women migrants").
const COLLECTIVES: &[&str] = &[
    "police",
    "staff",
    "personnel",
    "cattle",
    "women",
    "men",
    "children",
    "people",
];

/// Nouns that end in -s but are singular.
const SINGULAR_IN_S: &[&str] = &[
    "measles",
    "mumps",
    "rabies",
    "diabetes",
    "news",
    "series",
    "physics",
    "economics",
    "politics",
    "mathematics",
];

/// A model number inside a noun phrase: "65 Boeing 777-9 aircraft".
fn model_number(i: &str) -> crate::number::PResult<'_, &str> {
    let len = i
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '-')
        .last()
        .map_or(0, |(p, c)| p + c.len_utf8());
    let token = &i[..len];
    if token.contains('-') && token.starts_with(|c: char| c.is_ascii_digit()) {
        Ok((&i[len..], token))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )))
    }
}

/// Whether a noun looks plural: "workers", "children", "people".
fn is_plural(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    if vocab::contains_ci(IRREGULAR_PLURALS, &lower) {
        return true;
    }
    if vocab::contains_ci(SINGULAR_IN_S, &lower) {
        return false;
    }
    lower.len() > 3
        && lower.ends_with('s')
        && !["ss", "us", "is", "'s", "’s"]
            .iter()
            .any(|e| lower.ends_with(e))
}

/// A word of letters with inner hyphens, apostrophes, dots and digits ("cross-border",
/// "children's", "U.S.", "MiG-31"); it starts with a letter.
fn noun_word(i: &str) -> crate::number::PResult<'_, &str> {
    let mut len = 0;
    let mut chars = i.char_indices().peekable();
    while let Some((p, c)) = chars.next() {
        let next_alnum = chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() {
            len = p + c.len_utf8();
        } else if matches!(c, '-' | '\'' | '’') && next_alnum {
            continue;
        } else if c == '.' && (next_alnum || i[..p].contains('.')) {
            // "U.S.": an abbreviation keeps its dots.
            len = p + 1;
            if !next_alnum {
                break;
            }
        } else {
            break;
        }
    }
    let word = &i[..len];
    if word.is_empty() || !word.starts_with(|c: char| c.is_alphabetic()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Alpha,
        )));
    }
    Ok((&i[word.len()..], word))
}

/// [`vocab::NOT_NOUNS`] as a set: the counted-noun test runs after most figures.
/// Verbs from the phrase grammar's lists count too ("300 nurses left").
static NOT_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    vocab::NOT_NOUNS
        .iter()
        .chain(crate::context::VERBS)
        .chain(crate::context::AUXILIARIES)
        .copied()
        .collect()
});

fn is_noun_like(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    if NOT_NOUNS.contains(lower.as_str()) || is_month(&lower) {
        return false;
    }
    // A number word starts the next figure: "50,000 one in five".
    if vocab::lookup_ci(UNITS, &lower).is_some()
        || vocab::lookup_ci(TENS, &lower).is_some()
        || vocab::lookup_ci(SCALES, &lower).is_some()
    {
        return false;
    }
    if vocab::lookup_ci(PERIODS, &lower).is_some() {
        return false;
    }
    let n = lower.len();
    // Verbs and adverbs by their endings: "surveyed", "living", "annually".
    let verbish = (n > 4 && lower.ends_with("ed") && !lower.ends_with("eed"))
        || (n > 5 && lower.ends_with("ing") && !w.starts_with(|c: char| c.is_uppercase()))
        || (n > 4 && lower.ends_with("ly") && !lower.ends_with("ply"));
    !verbish
}

/// The period of a rate written straight after the figure or its noun ("a year", "annually").
fn period_after(text: &str, end: usize) -> Option<Per> {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\n']);
    if trimmed.len() == rest.len() && !trimmed.starts_with('/') {
        return None;
    }
    for (p, per) in PERIODS {
        let Some(n) = vocab::match_phrase(trimmed, p) else {
            continue;
        };
        if at_boundary(&trimmed[n..]) {
            // "a year ago", "a year earlier" are times, not rates.
            let next = trimmed[n..]
                .strip_prefix(' ')
                .and_then(|a| alpha_word(a).ok())
                .map(|(_, word)| word.to_ascii_lowercase());
            if next.is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "ago" | "earlier" | "later" | "before" | "after" | "old" | "long"
                )
            }) {
                return None;
            }
            return Some(*per);
        }
    }
    None
}
