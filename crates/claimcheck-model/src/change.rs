//! Changes a text states: "rose from 24.9 million to 27.6 million", "fell from 30 to 20
//! percent". A change is "from X to Y" after a change verb; a range that happens to read
//! "from X to Y" ("range from 100,000 to 200,000") is none.
//!
//! Until the extractor reports changes itself, the model reads them from the mentions: a
//! rising "from X to Y" is one range mention, a falling one two mentions joined by "to".

use claimcheck_parser::{Bound, Claim, Mention, Span};

use crate::conventions::ModelConventions;
use crate::estimate::{self, Estimate, Operand};
use crate::quantity::{Dimension, Quantity};

/// Verbs that open a change ("rose from … to …"), as the last word before "from".
pub(crate) const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "grew",
    "grown",
    "grow",
    "grows",
    "growing",
    "increased",
    "increase",
    "increases",
    "increasing",
    "climbed",
    "climbing",
    "jumped",
    "soared",
    "surged",
    "fell",
    "fallen",
    "fall",
    "falls",
    "falling",
    "dropped",
    "dropping",
    "declined",
    "declining",
    "decreased",
    "decrease",
    "decreasing",
    "shrank",
    "shrunk",
    "went",
    "gone",
    "changed",
    "change",
    "doubled",
    "tripled",
    "halved",
];

/// Verbs that multiply a figure: "doubled", "halved".
pub(crate) const MULTIPLES: &[(&str, f64)] = &[
    ("doubled", 2.0),
    ("tripled", 3.0),
    ("trebled", 3.0),
    ("quadrupled", 4.0),
    ("halved", 0.5),
];

/// Whether a word is a change verb (any case).
pub(crate) fn is_change_verb(word: &str) -> bool {
    CHANGE_VERBS.iter().any(|v| v.eq_ignore_ascii_case(word))
}

/// The first figure of "from 24.9 to 27.6 million" or "from 30 to 20 percent", which
/// takes the unit written once after the second, as the ends of a range do. `None` when
/// the first has a unit of its own.
pub(crate) fn share_unit(first: &Mention, second: &Mention) -> Option<Mention> {
    let bare = |m: &Mention| {
        m.kind == claimcheck_parser::Kind::Number
            && m.unit.is_none()
            && m.per.is_none()
            && m.scale == 1.0
    };
    if !bare(first) || bare(second) {
        return None;
    }
    let mut m = first.clone();
    let scale = if first.scale == 1.0 {
        second.scale
    } else {
        1.0
    };
    m.kind = second.kind;
    m.currency = second.currency;
    m.points = second.points;
    m.per = second.per;
    m.unit = second.unit;
    m.scale = first.scale * scale;
    m.value = m.value.map(|v| v * scale);
    m.endpoints = m.endpoints.map(|e| e.map(|v| v * scale));
    m.lower = m.lower.map(|l| Bound {
        value: l.value * scale,
        ..l
    });
    m.upper = m.upper.map(|u| Bound {
        value: u.value * scale,
        ..u
    });
    Some(m)
}

/// The last word before byte `at`, lower-cased.
fn word_before(text: &str, at: usize) -> Option<&str> {
    text[..at]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .filter(|w| !w.is_empty())
}

/// Whether `from` ("from" right before the byte `at`) follows a change verb.
fn change_before(text: &str, at: usize, sentence: Span) -> bool {
    let before = text[sentence.start.min(at)..at].trim_end();
    let Some(rest) = before
        .len()
        .checked_sub(4)
        .filter(|&i| before.is_char_boundary(i) && before[i..].eq_ignore_ascii_case("from"))
        .map(|i| &before[..i])
    else {
        return false;
    };
    if rest.ends_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    word_before(rest, rest.len()).is_some_and(is_change_verb)
}

/// The two ends of a rising range "from X to Y" as figures of their own.
fn ends_of(text: &str, m: &Mention) -> Option<[Mention; 2]> {
    let [a, b] = m.endpoints?;
    if m.qualifier.is_some() || m.lower.is_none() || m.upper.is_none() {
        return None;
    }
    let written = &text[m.span.range()];
    let lower = written.to_lowercase();
    let from_len = lower.strip_prefix("from ").map(|_| 5)?;
    let to_at = lower.find(" to ")?;
    let first = Span::new(m.span.start + from_len, m.span.start + to_at);
    let second = Span::new(m.span.start + to_at + 4, m.span.end);
    let end = |v: f64, span: Span| Mention {
        span,
        value: Some(v),
        endpoints: None,
        lower: Some(Bound::inclusive(v)),
        upper: Some(Bound::inclusive(v)),
        ..m.clone()
    };
    Some([end(a, first), end(b, second)])
}

/// The percent change (and for shares the change in points) of every change the text
/// states.
pub fn changes(
    text: &str,
    mentions: &[Mention],
    claims: &[Claim],
    conventions: &ModelConventions,
) -> Vec<Estimate> {
    let mut out = Vec::new();
    let operand = |m: &Mention, c: &Claim| -> Option<Estimate> {
        let quantity = Quantity::from_mention(m, text, conventions)?;
        Some(Estimate::figure(&Operand {
            quantity,
            text: text[m.span.range()].to_owned(),
            span: m.span,
            subject: c.subject.map(|s| text[s.range()].to_owned()),
        }))
    };
    let mut i = 0;
    while i < mentions.len() {
        let m = &mentions[i];
        let c = &claims[i];
        i += 1;
        if !m.kind.is_quantity() {
            continue;
        }
        // A rising change: one range mention "from X to Y" after a change verb.
        if text[m.span.range()]
            .get(..5)
            .is_some_and(|s| s.eq_ignore_ascii_case("from "))
            && change_before(text, m.span.start + 4, c.sentence)
            && let Some([a, b]) = ends_of(text, m)
            && let (Some(from), Some(to)) = (operand(&a, c), operand(&b, c))
        {
            push(&mut out, &from, &to);
            continue;
        }
        // A falling one (or one with its years between): "from X [in 2016] to Y", two
        // mentions.
        let mut j = i;
        while mentions
            .get(j)
            .is_some_and(|n| n.kind == claimcheck_parser::Kind::Year)
        {
            j += 1;
        }
        let Some(next) = mentions.get(j) else {
            continue;
        };
        if !next.kind.is_quantity() || claims[j].sentence != c.sentence {
            continue;
        }
        let own_end = m.unit.map_or(m.span.end, |u| u.end.max(m.span.end));
        let joined = text
            .get(own_end.min(next.span.start)..next.span.start)
            .is_some_and(|between| {
                let mut words = between.split_whitespace().filter(|w| {
                    !(w.eq_ignore_ascii_case("in") || w.chars().all(|c| c.is_ascii_digit()))
                });
                // One word, "to".
                words.next().is_some_and(|w| w.eq_ignore_ascii_case("to")) && words.next().is_none()
            });
        if joined && change_before(text, m.span.start, c.sentence) {
            let mut first = share_unit(m, next).unwrap_or_else(|| m.clone());
            // A period written once, after the second: "from 27.6 million to 24.9 million a year".
            if first.per.is_none() {
                first.per = next.per;
            }
            if let (Some(from), Some(to)) = (operand(&first, c), operand(next, &claims[j])) {
                push(&mut out, &from, &to);
                i = j + 1;
            }
        }
    }
    out.extend(multiples(text, mentions, claims, conventions));
    out
}

/// What a multiple implies: "doubled to 24,000" ⇒ about 12,000 before; "halved from 8,000"
/// (with no "to") ⇒ 4,000 after.
fn multiples(
    text: &str,
    mentions: &[Mention],
    claims: &[Claim],
    conventions: &ModelConventions,
) -> Vec<Estimate> {
    let mut out = Vec::new();
    for (i, (m, c)) in mentions.iter().zip(claims).enumerate() {
        if !m.kind.is_quantity() {
            continue;
        }
        let before = text[c.sentence.start.min(m.span.start)..m.span.start].trim_end();
        // Only a figure after "to" or "from" is lowercased and read further.
        if !ends_with_to_or_from(before) {
            continue;
        }
        let lower = before.to_lowercase();
        let (to, rest) = if let Some(r) = lower.strip_suffix(" to") {
            (true, r)
        } else if let Some(r) = lower.strip_suffix(" from") {
            (false, r)
        } else {
            continue;
        };
        let Some(word) = rest.rsplit(|ch: char| !ch.is_alphanumeric()).next() else {
            continue;
        };
        let Some(&(verb, k)) = MULTIPLES.iter().find(|(w, _)| *w == word) else {
            continue;
        };
        // "doubled from 12,000 to 24,000" is a change, read above.
        if !to
            && mentions.get(i + 1).is_some_and(|n| {
                text.get(m.span.end..n.span.start)
                    .is_some_and(|b| b.split_whitespace().any(|w| w.eq_ignore_ascii_case("to")))
            })
        {
            continue;
        }
        let Some(quantity) = Quantity::from_mention(m, text, conventions).filter(|q| !q.reversed())
        else {
            continue;
        };
        let figure = Estimate::figure(&Operand {
            quantity,
            text: text[m.span.range()].to_owned(),
            span: m.span,
            subject: c.subject.map(|s| text[s.range()].to_owned()),
        });
        let (factor, label) = if to {
            (1.0 / k, format!("before it {verb}"))
        } else {
            (k, verb.to_owned())
        };
        out.push(estimate::multiple(&figure, factor, &label));
    }
    out
}

/// Whether `before` ends with " to" or " from" in any ASCII case: whenever its lowercase
/// does, since no character outside ASCII lowercases to these letters or a space (a property
/// test holds it).
fn ends_with_to_or_from(before: &str) -> bool {
    claimcheck_parser::ends_with_ci(before, " to")
        || claimcheck_parser::ends_with_ci(before, " from")
}

/// The change estimates worth a reader's attention: the percent change, and for shares the
/// change in points first.
fn push(out: &mut Vec<Estimate>, from: &Estimate, to: &Estimate) {
    if from.nominal.low > from.nominal.high || to.nominal.low > to.nominal.high {
        return;
    }
    let Ok(all) = estimate::changes(from, to) else {
        return;
    };
    for mut e in all {
        if e.kind == estimate::EstimateKind::Difference && from.dimension != Dimension::Percent {
            continue;
        }
        e.population = from.population.clone().or_else(|| to.population.clone());
        out.push(e);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// The test in any ASCII case says yes whenever lowercasing the words and looking
        /// would: characters that lowercase to ASCII or to two characters (the Kelvin sign,
        /// a dotted capital I, a sharp s) included.
        #[test]
        fn to_or_from_is_found_whenever_the_lowercase_ends_so(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just(" "), Just("TO"), Just("to"), Just("To"), Just("FROM"), Just("from"),
                    Just("\u{212A}"), Just("\u{130}"), Just("\u{1E9E}"), Just("\u{3A3}"),
                    Just("\u{2126}"), Just("\u{17F}"), Just("é"), Just("x"), Just("\u{a0}"),
                    Just("t"), Just("o"), Just("fr"), Just("om"),
                ],
                0..6,
            )
        ) {
            let before = parts.concat();
            let lower = before.to_lowercase();
            if lower.ends_with(" to") || lower.ends_with(" from") {
                prop_assert!(super::ends_with_to_or_from(&before), "{:?}", before);
            }
        }
    }
}
