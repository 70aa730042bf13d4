//! A figure that points back with "these" or "those" to a count the sentences before gave,
//! and gives it again as another number: "… about 40.3 million slaves around the world. Of
//! these 45.8 million, around 10 million are children."

use claimcheck_model::{Dimension, Quantity};
use claimcheck_parser::{Kind, Qualifier};

use crate::document::{ClaimContext, Document};
use crate::finding::{Against, Finding, Related};
use crate::rules::{Rule, Violation, readable, rounding_note};

use super::RULE;

/// How far back, in bytes from the start of the figure's sentence, the figure it points to
/// may stand: the sentence before or the one before that.
const WITHIN: usize = 600;

/// How far apart a figure and the one it points back to may be and still be read as the same
/// count written twice: a factor of two. "These 4,000" after "40,000 workers" more likely
/// points to a group the text did not count before.
const SAME_SCALE: f64 = 2.0;

/// Words before a figure that point back to a group already counted.
const POINTING: &[&str] = &["these", "those"];

pub(super) fn check(doc: &Document<'_>, out: &mut Vec<Finding>) {
    for (k, c) in doc.quantities.iter().enumerate() {
        if !is_counted_again(doc, c) {
            continue;
        }
        let start = c.claim.sentence.start;
        // The figures of the sentences before, nearest last, and those of the figure's own
        // sentence before it: the group it points to may be any of them.
        let before: Vec<&ClaimContext<'_>> = doc.quantities[..k]
            .iter()
            .rev()
            .take_while(|b| {
                b.claim.sentence == c.claim.sentence || b.claim.sentence.end + WITHIN >= start
            })
            .collect();
        let earlier: Vec<&&ClaimContext<'_>> = before
            .iter()
            .filter(|b| b.claim.sentence != c.claim.sentence && counts_like(b, c))
            .collect();
        let Some(there) = earlier.first() else {
            continue;
        };
        // Any figure it may be, or the sum of two in a row, and it is not a restatement.
        let same = |q: &Quantity| q.interval.overlaps(&c.quantity.interval);
        if before.iter().any(|b| same(&b.quantity))
            || earlier.windows(2).any(|w| {
                w[0].quantity
                    .interval
                    .add(&w[1].quantity.interval)
                    .overlaps(&c.quantity.interval)
            })
        {
            continue;
        }
        let (x, y) = (c.quantity.nominal.low, there.quantity.nominal.low);
        if x <= 0.0 || y <= 0.0 || x.max(y) / x.min(y) > SAME_SCALE {
            continue;
        }
        let restated = Restated {
            claim: doc.slice(c.mention.span),
            pointer: pointer(doc, c).unwrap_or("these"),
            quantity: &c.quantity,
            there: doc.slice(there.mention.span),
            there_quantity: &there.quantity,
            noun: there.quantity.unit.as_deref().unwrap_or(""),
        };
        let mut f = restated.finding(doc, c);
        f.related.push(Related {
            span: there.mention.span,
            text: restated.there.to_owned(),
            label: format!("the figure pointed to: {}", readable(&there.quantity)),
        });
        out.push(f.against(Against::Claim, restated.there, there.quantity.interval));
    }
}

/// Whether a figure is a count of a thousand or more written after "these" or "those", as a
/// noun phrase ("these 45.8 million,", "those 300,000 workers"), not as the number of a
/// clause ("Of these 2,000 were children", where "these" ends a phrase left without its
/// comma).
fn is_counted_again(doc: &Document<'_>, c: &ClaimContext<'_>) -> bool {
    let m = c.mention;
    if c.quantity.dimension != Dimension::Count
        || m.kind == Kind::Year
        || m.qualifier == Some(Qualifier::Vague)
        || c.quantity.nominal.low < 1000.0
        || pointer(doc, c).is_none()
    {
        return false;
    }
    let after = doc.text.get(m.span.end..).unwrap_or("").trim_start();
    m.unit.is_some() || after.starts_with(',')
}

/// The pointing word right before a figure, if there is one.
fn pointer<'a>(doc: &Document<'a>, c: &ClaimContext<'_>) -> Option<&'a str> {
    let before = doc
        .text
        .get(c.claim.sentence.start..c.mention.span.start)?
        .trim_end();
    let word = before
        .rsplit(|ch: char| !ch.is_alphabetic())
        .next()
        .filter(|w| !w.is_empty())?;
    POINTING
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p))
        .then_some(word)
}

/// Whether an earlier figure counts what `c` counts: a count of a thousand or more, for the
/// same period, of a like noun when both name one.
fn counts_like(b: &ClaimContext<'_>, c: &ClaimContext<'_>) -> bool {
    b.quantity.dimension == Dimension::Count
        && b.mention.kind != Kind::Year
        && b.mention.qualifier != Some(Qualifier::Vague)
        && b.quantity.per == c.quantity.per
        && b.quantity.nominal.low >= 1000.0
        && match (b.quantity.unit.as_deref(), c.quantity.unit.as_deref()) {
            (Some(x), Some(y)) => claimcheck_model::unit::same_noun(x, y),
            _ => true,
        }
}

/// A count given again, after a word that points back to it, as another number.
struct Restated<'a> {
    /// The figure as written.
    claim: &'a str,
    /// The word that points back: "these", "those".
    pointer: &'a str,
    /// The figure.
    quantity: &'a Quantity,
    /// The earlier figure as written.
    there: &'a str,
    /// The earlier figure.
    there_quantity: &'a Quantity,
    /// What the earlier figure counts, as written ("" when it names nothing).
    noun: &'a str,
}

impl Violation for Restated<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        let noun = if self.noun.is_empty() {
            String::new()
        } else {
            format!(" {}", self.noun)
        };
        format!(
            "“{} {}” points back to “{}”{} just before it, but gives another number: \
             {} against {}",
            self.pointer,
            self.claim,
            self.there,
            noun,
            readable(self.quantity),
            readable(self.there_quantity),
        )
    }

    fn label(&self) -> String {
        format!("here: {}", readable(self.quantity))
    }

    fn notes(&self) -> Vec<String> {
        let mut notes = vec![format!(
            "“{}” refers to a group already counted; no figure just before it gives {}, and no \
             two in a row add up to it",
            self.pointer,
            readable(self.quantity)
        )];
        notes.extend(rounding_note(
            &self.quantity.interval,
            &self.there_quantity.interval,
        ));
        notes
    }
}
