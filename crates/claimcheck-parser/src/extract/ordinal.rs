//! Ordinals and glued suffixes: "second", "twenty-first", "32nd", "the 1990s"; digits with
//! other letters glued after them ("4G") are skipped.

use super::not_a_quantity::skip_token;
use super::{Extractor, Step};
use crate::mention::{Bound, Form, Kind, Mention, Span};
use crate::number::{alpha_word, at_boundary};
use crate::vocab::{self, ORDINALS, TENS};

impl Extractor {
    /// A word anchor that is no cardinal: an ordinal word ("second", "twenty-first").
    pub(super) fn ordinal_word(&self, text: &str, anchor: usize) -> Step {
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
                Step::Found(ordinal_mention(Span::new(anchor, span_end), v))
            }
            _ => Step::Skip(end),
        }
    }

    /// Digits with letters glued after them: ordinals ("32nd"), decades ("1990s"),
    /// measurements ("5km"), else an identifier ("4G").
    pub(super) fn glued(&self, text: &str, anchor: usize) -> Step {
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
            return Step::Found(ordinal_mention(Span::new(anchor, end), value));
        }
        if boundary && lower == "s" && lead == 4 && self.conventions.is_year(value) {
            let mut m = ordinal_mention(Span::new(anchor, end), value);
            m.kind = Kind::Year;
            m.value = None;
            m.endpoints = Some([value, value + 9.0]);
            m.upper = Some(Bound::inclusive(value + 9.0));
            return Step::Found(m);
        }
        Step::Skip(skip_token(text, anchor))
    }
}

/// Whether `offset` starts a sentence: nothing but an opening quote or bracket since the last
/// stop.
fn sentence_start(text: &str, offset: usize) -> bool {
    let head = text[..offset].trim_end_matches(['"', '“', '\'', '‘', '(', '[', ' ']);
    head.is_empty() || head.ends_with(['.', '!', '?', '\n', ':'])
}

/// The mention of an ordinal (exactly `value`); a year's mention starts from it.
pub(super) fn ordinal_mention(span: Span, value: f64) -> Mention {
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
