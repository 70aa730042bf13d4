//! `part-as-whole`: one part's figure (forced labour alone) given for the parts together
//! (forced labour or forced marriage: modern slavery).

use crate::document::{ClaimContext, Document};
use crate::finding::{Finding, Severity};
use crate::registry::{Concept, Scope, Study};
use crate::rules::base_mismatch::{BaseViolation, Owner, names_both_parts};
use crate::rules::{Context, Rule, Violation};

pub(crate) const RULE: Rule = Rule {
    name: "part-as-whole",
    code: "CC108",
    severity: Severity::Warning,
    default_on: true,
    summary: "one part's figure (forced labour alone) given for the parts together (modern slavery)",
    doc: "# part-as-whole (CC108)

## What it does
Flags one part's figure given for the parts together: the claim's own predicate names forced
labour and forced marriage (“living in forced labour or forced marriage”, that is modern
slavery), but its value fits, distinctively, the global figure of one part alone (27.6
million, forced labour) and no global figure of modern slavery.

It is one of the rules of the `base-mismatch` group (CC104).

## Why it matters
The reader takes the figure for everyone in modern slavery and undercounts it by the other
part: 27.6 million in forced labour against 49.6 million in forced labour or forced marriage.

## Example
“Some 27.6 million people were living in forced labour or forced marriage in 2021.”

## Options
None. A figure gets at most one finding of the `base-mismatch` group (see its page).
",
    check,
};

/// One part's figure given for the parts together.
pub(super) struct PartAsWhole<'a> {
    /// The claim as written.
    claim: &'a str,
    /// The part's row it fits.
    study: &'a Study,
}

impl Violation for PartAsWhole<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        format!(
            "“{}” is {}'s figure for {} alone, but the sentence gives it for forced labour and forced marriage together (modern slavery)",
            self.claim,
            self.study.publisher,
            self.study.concept.in_words()
        )
    }

    fn label(&self) -> String {
        format!("a {} figure", self.study.concept.in_words())
    }
}

fn check(doc: &Document<'_>, context: &Context<'_>, out: &mut Vec<Finding>) {
    for (at, c) in doc.quantities.iter().enumerate() {
        if let Some(BaseViolation::PartAsWhole(v)) =
            context.base.judge_for(doc, at, c, Owner::PartAsWhole)
        {
            out.push(v.finding(doc, c).about(v.study));
        }
    }
}

/// One part's figure given for the parts together: the claim's own predicate names forced
/// labour and forced marriage ("living in forced labour or forced marriage": modern slavery),
/// but its value fits, distinctively, one part's figure and no figure of the whole.
pub(super) fn part_as_whole<'a>(
    doc: &'a Document<'_>,
    c: &'a ClaimContext<'_>,
) -> Option<PartAsWhole<'a>> {
    let parts = [Concept::ForcedLabour, Concept::ForcedMarriage];
    if !names_both_parts(doc, c) {
        return None;
    }
    if c.considered.iter().any(|m| {
        m.fits
            && m.study.concept == Concept::ModernSlavery
            && m.study.subgroup.is_empty()
            && m.study.scope == Scope::Global
    }) {
        return None;
    }
    let m = c.considered.iter().find(|m| {
        m.fits
            && m.distinctive
            && m.subgroup
            && m.study.scope == Scope::Global
            && m.study.subgroup.is_empty()
            && parts.contains(&m.study.concept)
    })?;
    Some(PartAsWhole {
        claim: doc.slice(c.mention.span),
        study: m.study,
    })
}
