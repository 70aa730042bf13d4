//! The parts of a whole named with "Of the …", counted in the sentence that names it and the
//! one after, that add up to more than the whole: "Of the 28 million victims of forced labour,
//! 24 million people are exploited in the private sector. 6.3 million people are victims of
//! forced sexual exploitation, and 4 million are in forced labour imposed by the state."
//!
//! Parts need not cover their whole, so only a sum above it is a contradiction. A part nested
//! in another ("of them", "of whom", "including") is not added.

use claimcheck_model::{Dimension, Interval, Quantity};
use claimcheck_parser::{Kind, Qualifier};

use crate::document::{ClaimContext, Document};
use crate::finding::{Against, Finding, Related};
use crate::rules::{Rule, Violation, readable};
use crate::vocab;

use super::RULE;

/// The most bytes between the whole's sentence and the next one for the next to continue its
/// list of parts: a space, or a line break and a blank line.
const NEXT_SENTENCE_GAP: usize = 4;

/// Words that make the parts of a sentence parts of another part, not of the whole.
const NESTED: &[&str] = &[
    "of them",
    "of whom",
    "of these",
    "of those",
    "of which",
    "among them",
    "among whom",
    "among these",
    "including",
    "includes",
    "included",
    "a further",
    "another",
];

pub(super) fn check(doc: &Document<'_>, out: &mut Vec<Finding>) {
    for (w, whole) in doc.quantities.iter().enumerate() {
        if !is_whole(doc, whole) {
            continue;
        }
        // The sentence of the whole, and the next one when it follows at once.
        let mut sentences = vec![whole.claim.sentence];
        if let Some(next) = doc.quantities[w + 1..]
            .iter()
            .find(|c| c.claim.sentence != whole.claim.sentence)
            && next.claim.sentence.start >= whole.claim.sentence.end
            && next.claim.sentence.start - whole.claim.sentence.end <= NEXT_SENTENCE_GAP
        {
            sentences.push(next.claim.sentence);
        }
        let parts: Vec<&ClaimContext<'_>> = doc.quantities[w + 1..]
            .iter()
            .take_while(|c| sentences.contains(&c.claim.sentence))
            .filter(|c| is_part(doc, whole, c))
            .collect();
        // Every figure of the sentences must be a part, or the list is not one of parts.
        let figures = doc.quantities[w + 1..]
            .iter()
            .take_while(|c| sentences.contains(&c.claim.sentence))
            .filter(|c| c.mention.kind != Kind::Year)
            .count();
        if parts.len() < 2 || parts.len() != figures {
            continue;
        }
        // The words that lead to each part, from the figure before it or its sentence's
        // start: "including 6.3 million", "of these, 4 million" nest it in another.
        let nests = std::iter::once(whole)
            .chain(parts.iter().copied())
            .collect::<Vec<_>>();
        if nests.windows(2).any(|pair| {
            let (prev, c) = (pair[0], pair[1]);
            let from = if prev.claim.sentence == c.claim.sentence {
                prev.mention.span.end
            } else {
                c.claim.sentence.start
            };
            nested(
                &doc.text
                    .get(from..c.mention.span.start)
                    .unwrap_or("")
                    .to_lowercase(),
            )
        }) {
            continue;
        }
        let mut sum = parts[0].quantity.interval;
        for c in &parts[1..] {
            sum = sum.add(&c.quantity.interval);
        }
        let (Some(low), Some(whole_high)) = (sum.lo.value(), whole.quantity.interval.hi.value())
        else {
            continue;
        };
        if low <= whole_high {
            continue;
        }
        let above = PartsAboveWhole {
            parts: parts.iter().map(|c| doc.slice(c.mention.span)).collect(),
            nominal: parts.iter().map(|c| c.quantity.nominal.low).sum(),
            sum,
            whole: doc.slice(whole.mention.span),
            quantity: &whole.quantity,
        };
        // Reported where the list goes past its whole: at its last part.
        let (last, others) = parts.split_last().expect("two parts or more");
        let mut f = above.finding(doc, last);
        f.related.push(Related {
            span: whole.mention.span,
            text: above.whole.to_owned(),
            label: format!("the whole: {}", readable(&whole.quantity)),
        });
        for c in others {
            f.related.push(crate::rules::related(doc, c, "a part"));
        }
        out.push(f.against(Against::Derived, above.worked_out(), sum));
    }
}

/// Whether a figure is a whole named to be divided: "Of the 28 million victims …,".
pub(super) fn is_whole(doc: &Document<'_>, c: &ClaimContext<'_>) -> bool {
    let before = doc
        .text
        .get(c.claim.sentence.start..c.mention.span.start)
        .unwrap_or("")
        .trim();
    // The words looked for are at most 19 bytes, and a character lowercases to at least a
    // third of its bytes: a longer lead is none of them, and is not lowercased.
    c.quantity.dimension == Dimension::Count
        && c.mention.qualifier != Some(Qualifier::Vague)
        && !c.quantity.reversed()
        && before.len() <= 3 * 19
        && {
            let before = before.to_lowercase();
            matches!(
                before.strip_prefix("out ").unwrap_or(&before),
                "of" | "of the" | "of all" | "of an estimated"
            )
        }
}

/// Whether a figure is a part of `whole`: a count of the same period that opens its clause
/// and is said to be something ("24 million people are exploited", "4 million are in forced
/// labour"), no larger than the whole.
fn is_part(doc: &Document<'_>, whole: &ClaimContext<'_>, c: &ClaimContext<'_>) -> bool {
    if c.quantity.dimension != Dimension::Count
        || c.mention.qualifier == Some(Qualifier::Vague)
        || c.quantity.per != whole.quantity.per
        || c.quantity.nominal.high > whole.quantity.nominal.low
    {
        return false;
    }
    let end = c
        .mention
        .unit
        .map_or(c.mention.span.end, |u| u.end.max(c.mention.span.end));
    let verb = doc
        .text
        .get(end..c.claim.sentence.end.max(end))
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let (_, clause) = crate::rules::clause_before(doc, c);
    // The figure opens its clause: after a comma or semicolon, or after a word that joins
    // clauses ("98 million are boys and 64 million are girls").
    let last_word = clause.rsplit(' ').next().unwrap_or("");
    let opens = clause.is_empty() || vocab::CLAUSE_JOINS.contains(&last_word);
    let noun_is_people = c.quantity.unit.as_deref().is_none_or(|u| {
        claimcheck_model::unit::classify(u) == claimcheck_model::unit::NounClass::Person
    });
    opens && noun_is_people && vocab::COPULAS.contains(&verb.as_str())
}

/// Whether the words before a part nest it in another.
fn nested(words: &str) -> bool {
    NESTED.iter().any(|w| {
        words.match_indices(w).any(|(i, _)| {
            let before = words[..i].chars().next_back();
            let after = words[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Parts of a whole that add up to more than it.
struct PartsAboveWhole<'a> {
    /// The parts as written.
    parts: Vec<&'a str>,
    /// The sum of their stated values.
    nominal: f64,
    /// Every value their sum can take.
    sum: Interval,
    /// The whole as written.
    whole: &'a str,
    /// The whole.
    quantity: &'a Quantity,
}

impl PartsAboveWhole<'_> {
    fn worked_out(&self) -> String {
        super::quoted_sum(&self.parts)
    }
}

impl Violation for PartsAboveWhole<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        use claimcheck_model::readable::{interval, value};
        format!(
            "the parts of “{}” add up to more than it: {} = {} ({})",
            self.whole,
            self.worked_out(),
            value(self.nominal, &self.quantity.dimension),
            interval(&self.sum, &self.quantity.dimension),
        )
    }

    fn label(&self) -> String {
        use claimcheck_model::readable::interval;
        format!(
            "the parts come to {}",
            interval(&self.sum, &self.quantity.dimension)
        )
    }

    fn notes(&self) -> Vec<String> {
        vec![
            "the figures after “Of …” are read as parts of it side by side; if one of them \
             includes another, the sentence should say so (“of whom”, “including”)"
                .to_owned(),
        ]
    }
}
