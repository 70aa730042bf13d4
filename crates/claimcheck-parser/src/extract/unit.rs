//! What a figure counts: the noun after it ("212 identified survivors" ⇒ "survivors") and
//! the period of a rate ("a year", "annually").

use std::sync::LazyLock;

use crate::mention::{Per, Span};
use crate::number::{alpha_word, at_boundary, keyword, ws};
use crate::quantity::is_month;
use crate::vocab::{self, PERIODS, SCALES, TENS, UNITS, WordSet, ends_with_ci};
use nom::Parser;

/// The counted noun after a figure: the head of the noun phrase that follows, past its
/// adjectives and noun modifiers ("212 identified survivors" ⇒ "survivors", "39 labor
/// inspectors" ⇒ "inspectors", "dozens of women and girls" ⇒ "women and girls").
///
/// The phrase is a run of up to six words that are not function words, verbs or adverbs; its
/// head is the first plural noun in it (what follows a plural head is another phrase: "5,228
/// nationals presented themselves"), else its last word ("a 10-year transition").
pub(super) fn counted_noun(text: &str, end: usize, allow_of: bool) -> Option<Span> {
    let rest = &text[end..];
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
    let start = noun_phrase_start(text, end, allow_of)?;
    head_noun(text, &noun_run(text, start))
}

/// Where the noun phrase after the figure ending at `end` starts: past the spaces, "of"
/// when `allow_of` ("dozens of women"), and "of" with a determiner before a noun ("21 of
/// these grant programs"). None when no space follows the figure.
fn noun_phrase_start(text: &str, end: usize, allow_of: bool) -> Option<usize> {
    let mut rest = &text[end..];
    let mut offset = end;
    let skip_ws = |r: &str| -> Option<usize> {
        let n = r.len() - r.trim_start_matches([' ', '\u{a0}']).len();
        (n > 0).then_some(n)
    };
    let n = skip_ws(rest)?;
    rest = &rest[n..];
    offset += n;
    if allow_of
        && let Ok((r, w)) = alpha_word(rest)
        && w.eq_ignore_ascii_case("of")
    {
        let n2 = skip_ws(r)?;
        offset += w.len() + n2;
        rest = &r[n2..];
    }
    // "21 of these grant programs", "five of the sentences": a part of a group.
    if let Ok((r, (_, _, det, _))) = (keyword("of"), ws, alpha_word, ws).parse(rest)
        && ["these", "those", "the", "its", "their"]
            .iter()
            .any(|d| det.eq_ignore_ascii_case(d))
        && noun_word(r).is_ok_and(|(_, word)| is_noun_like(word))
    {
        offset += rest.len() - r.len();
    }
    Some(offset)
}

/// The words of the noun phrase that starts at `start`: up to six nouns, modifiers and
/// model numbers, one space apart.
fn noun_run(text: &str, start: usize) -> Vec<Span> {
    let mut rest = &text[start..];
    let mut offset = start;
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
                && (!NOT_NOUNS.contains(&lower) || MODIFIER_WORDS.contains(&lower.as_str()));
            let modifier = participle || MODIFIER_WORDS.contains(&lower.as_str());
            if !(modifier && noun_follows()) {
                break;
            }
        }
        run.push(Span::new(offset, offset + w.len()));
        if r.starts_with(|c: char| c.is_alphanumeric()) {
            break;
        }
        let Some(n) = r.strip_prefix(' ').map(|_| 1) else {
            break;
        };
        offset += w.len() + n;
        rest = &r[n..];
    }
    run
}

/// The head of a noun phrase's words `run`: its first plural noun that is no collective,
/// else its first plural, else its last word; with the capitalised words of a name before it
/// and a plural noun joined to it ("women and girls").
fn head_noun(text: &str, run: &[Span]) -> Option<Span> {
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
        span.end += joined_plural(text, span.end).unwrap_or(0);
    }
    Some(span)
}

/// The length of " and " or " or " and a plural noun after the plural noun that ends at
/// `end` ("women and girls"), unless it starts another phrase ("kills 14 people and injures
/// 35 others").
fn joined_plural(text: &str, end: usize) -> Option<usize> {
    let after = &text[end..];
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
            return Some(joiner.len() + w.len());
        }
    }
    None
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

/// Plurals without an -s, for [`Extractor::is_count`].
pub(super) const IRREGULAR_PLURALS: &[&str] = &[
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
    if vocab::contains_ci(IRREGULAR_PLURALS, w) {
        return true;
    }
    if vocab::contains_ci(SINGULAR_IN_S, w) {
        return false;
    }
    w.len() > 3
        && ends_with_ci(w, "s")
        && !["ss", "us", "is", "'s", "’s"]
            .iter()
            .any(|e| ends_with_ci(w, e))
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
static NOT_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        vocab::NOT_NOUNS
            .iter()
            .chain(crate::context::VERBS)
            .chain(crate::context::AUXILIARIES)
            .copied(),
    )
});

/// Number words, which start the next figure ("50,000 one in five"), and periods: no
/// counted noun.
static NUMBERS_AND_PERIODS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        [UNITS, TENS, SCALES]
            .into_iter()
            .flatten()
            .map(|(w, _)| *w)
            .chain(PERIODS.iter().map(|(w, _)| *w)),
    )
});

fn is_noun_like(w: &str) -> bool {
    if NOT_NOUNS.contains(w) || is_month(w) || NUMBERS_AND_PERIODS.contains(w) {
        return false;
    }
    let n = w.len();
    // Verbs and adverbs by their endings: "surveyed", "living", "annually".
    let verbish = (n > 4 && ends_with_ci(w, "ed") && !ends_with_ci(w, "eed"))
        || (n > 5 && ends_with_ci(w, "ing") && !w.starts_with(|c: char| c.is_uppercase()))
        || (n > 4 && ends_with_ci(w, "ly") && !ends_with_ci(w, "ply"));
    !verbish
}

/// The period of a rate written straight after the figure or its noun ("a year", "annually").
pub(super) fn period_after(text: &str, end: usize) -> Option<Per> {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\n']);
    if trimmed.len() == rest.len() && !trimmed.starts_with('/') {
        return None;
    }
    for (p, per) in vocab::PERIOD_TABLE.starting(trimmed) {
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
