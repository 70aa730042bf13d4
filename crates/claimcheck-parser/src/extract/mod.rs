//! The extractor: finds candidate figures fast, parses only there, and tells quantities
//! from years, dates, times and identifiers.
//!
//! A scan finds anchors (a digit or a number word, both from one automaton); at each, the
//! extractor first rules out digits that are no quantity ([`not_a_quantity`]), then parses
//! the phrase from the farthest start that takes in a currency sign, an article, a
//! qualifier or "between"/"from", and builds its mention ([`build_mention`]): its bounds, its
//! counted noun and period ([`unit`]), and whether it is a year after all ([`year`]). A
//! word that is no cardinal may be an ordinal ([`ordinal`]).

mod anchor;
mod build_mention;
mod majority;
mod not_a_quantity;
mod ordinal;
mod unit;
mod year;

use std::sync::LazyLock;

use crate::changes::{self, Change};
use crate::conventions::Conventions;
use crate::mention::{Diagnostic, Form, Mention, Span};
use crate::normalize;
use crate::number::{alpha_word, at_boundary};
use crate::quantity::{self, WordBefore, phrase_before, word_before};
use crate::rates;
use crate::vocab::{self, ORDINALS, PhraseTable, QUALIFIER_TABLE};
use crate::years;
use build_mention::ParsedPhrase;
use year::year_mention;

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
/// set of anchor words, built on first use.
#[derive(Debug, Clone)]
pub struct Extractor {
    conventions: Conventions,
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

impl Extractor {
    /// An extractor that reads vague words and years by these conventions.
    pub fn new(conventions: Conventions) -> Self {
        Extractor { conventions }
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
        // The next anchor at or after `pos`: found again only once `pos` has passed its start.
        let mut next: Option<Span> = None;
        while pos < text.len() {
            if next.is_none_or(|a| a.start < pos) {
                next = anchor::next_anchor(text, pos);
            }
            let Some(found) = next else {
                break;
            };
            let anchor = found.start;
            let is_word = !bytes[anchor].is_ascii_digit();
            let word_end = if is_word { found.end } else { anchor };
            if is_word
                && (!self.word_anchor_ok(text, anchor, word_end)
                    || not_a_figure_word(text, anchor, word_end))
            {
                pos = word_end;
                continue;
            }
            let floor = out.mentions.last().map_or(0, |m| m.span.end);
            let step = if is_word && majority::is_majority_word(&text[anchor..word_end]) {
                self.majority(text, anchor, word_end, floor)
            } else {
                self.read_anchor(text, anchor, floor, is_word)
            };
            match step {
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

    /// What stands at one anchor: a year, digits that are no quantity, a figure (parsed from
    /// the farthest start that reads), an ordinal word, or digits with letters glued on.
    fn read_anchor(&self, text: &str, anchor: usize, floor: usize, is_word: bool) -> Step {
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
        let starts = self.phrase_starts(text, anchor, floor, is_word);
        for start in starts.farthest_first() {
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
            let parsed = ParsedPhrase {
                span: Span::new(start, end),
                anchor,
                is_word,
                phrase,
            };
            return self.build_mention(text, &parsed);
        }
        if is_word {
            return self.ordinal_word(text, anchor);
        }
        self.glued(text, anchor)
    }

    /// Candidate starts for the phrase around `anchor`, farthest first.
    fn phrase_starts(&self, text: &str, anchor: usize, floor: usize, is_word: bool) -> Starts {
        let mut starts = Starts::new(anchor, floor);
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
        if let Some(q) = phrase_before(text, s, &QUALIFIER_TABLE).or_else(|| glued_sign(text, s))
            && !is_particle_up_to(text, q)
        {
            s = q;
            starts.push(s);
        }
        if let Some(WordBefore { start, word }) = word_before(text, s)
            && (word.eq_ignore_ascii_case("between") || word.eq_ignore_ascii_case("from"))
        {
            starts.push(start);
        } else if let Some(b) = phrase_before(text, s, &BETWEEN_THE_AGES_OF) {
            starts.push(b);
        }
        starts
    }
}

/// The candidate starts of a phrase, held on the stack: the anchor, and at most one each of
/// a decimal point, a sign, a currency or an article, a qualifier, and "between" or "from".
struct Starts {
    at: [usize; 6],
    len: usize,
    /// No start before this (the end of the figure before).
    floor: usize,
}

impl Starts {
    fn new(anchor: usize, floor: usize) -> Self {
        Starts {
            at: [anchor; 6],
            len: 1,
            floor,
        }
    }

    /// Adds a start before the others (each is farther from the anchor than the last).
    fn push(&mut self, start: usize) {
        debug_assert!(self.len < self.at.len(), "more starts than kinds of start");
        if let Some(slot) = self.at.get_mut(self.len) {
            *slot = start;
            self.len += 1;
        }
    }

    /// The starts at or after the floor, farthest first.
    fn farthest_first(&self) -> impl Iterator<Item = usize> + '_ {
        self.at[..self.len]
            .iter()
            .rev()
            .copied()
            .filter(|&s| s >= self.floor)
    }
}

/// The words before a range of ages ("between the ages of 18 and 25").
static BETWEEN_THE_AGES_OF: LazyLock<PhraseTable<()>> =
    LazyLock::new(|| PhraseTable::new([("between the ages of", ())]));

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
fn glued_sign(text: &str, anchor: usize) -> Option<usize> {
    let head = &text[..anchor];
    if let Some(c) = head.chars().next_back()
        && matches!(c, '≥' | '≤' | '<' | '>')
    {
        return Some(anchor - c.len_utf8());
    }
    let start = head.strip_suffix('-')?.len().checked_sub(5)?;
    (head.is_char_boundary(start)
        && head[start..].eq_ignore_ascii_case("under-")
        && !head[..start].ends_with(|c: char| c.is_alphanumeric()))
    .then_some(start)
}

/// "speeded up to 3.9%", "added up to $2 billion": "up to" after a verb is its particle.
fn is_particle_up_to(text: &str, start: usize) -> bool {
    let rest = &text[start..];
    if !rest
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("up to"))
    {
        return false;
    }
    word_before(text, start).is_some_and(|WordBefore { word, .. }| {
        let lower = word.to_ascii_lowercase();
        (lower.len() > 3 && lower.ends_with("ed"))
            || vocab::contains_ci(vocab::CHANGE_VERBS, &lower)
            || ["went", "go", "goes", "shot", "came", "ran"].contains(&lower.as_str())
    })
}

/// What stands before a phrase that starts at `start`: "from", and a verb of spread before
/// it ("ranging from", "varied from"), whether or not the phrase takes in "from".
fn around(text: &str, start: usize) -> quantity::Around {
    let before = word_before(text, start);
    let (from_at, after_from) = match before {
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
    let after_by = before.is_some_and(|WordBefore { word, .. }| word.eq_ignore_ascii_case("by"));
    let change_in_brackets =
        text[..start].ends_with('(') && changes::verb_of_change_before(text, start);
    quantity::Around {
        after_from,
        range_verb,
        change_in_brackets,
        after_by,
    }
}

/// The largest character boundary of `text` at or before `i`.
pub(super) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
