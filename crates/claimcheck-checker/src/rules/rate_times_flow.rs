//! `rate-times-flow`: a rate measured at one time set beside a yearly flow, so that the
//! reader multiplies them.

use claimcheck_model::{Dimension, Estimate};

use crate::document::{ClaimContext, Document};
use crate::finding::{Finding, Severity};
use crate::matching::StudyMatch;
use crate::registry::{Basis, Measure, Study};
use crate::rules::base_mismatch::{BaseViolation, Owner};
use crate::rules::{Context, Rule, Violation, source_note};

pub(crate) const RULE: Rule = Rule {
    name: "rate-times-flow",
    code: "CC109",
    severity: Severity::Warning,
    default_on: true,
    summary: "a rate measured at one time set beside a yearly flow, so the reader multiplies them",
    doc: "# rate-times-flow (CC109)

## What it does
Flags a share that matches a registry figure measured at one time (a stock, or a sample
surveyed once) when the article sets it beside a yearly flow, so that the reader multiplies
them (“23 percent of migrants … fall victim” and “100,000 to more than 200,000 migrants
entering annually”). The finding gives the product the reader is invited to make and the
assumptions it rests on.

It is one of the rules of the `base-mismatch` group (CC104).

## Why it matters
A rate measured once among people already there is not the rate among each year's arrivals:
who stays, who returns and who is surveyed all change it. Multiplying the two gives a yearly
count of victims that no one measured.

## Example
“A 2010 UNIAP study found that 23 percent of all Cambodian labor migrants in Thailand fall
victim to human trafficking” … “Estimates of the number of Cambodian labor migrants entering
Thailand range from 100,000 to more than 200,000 workers annually.”

## Options
None. A figure gets at most one finding of the `base-mismatch` group (see its page).
",
    check,
};

/// A share measured at one time set beside a yearly flow.
pub(super) struct RateTimesFlow<'a> {
    /// The share as written.
    claim: &'a str,
    /// The row it fits, measured at one time.
    study: &'a Study,
    /// The yearly flow as written.
    flow: &'a str,
    /// What the two imply together, with its assumptions.
    product: &'a Estimate,
}

impl Violation for RateTimesFlow<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        let e = self.product;
        format!(
            "“{}” is a share measured at one time ({}), set beside a yearly flow (“{}”): together they imply {}–{} {} a year, which assumes the rate holds for each year's arrivals",
            self.claim,
            self.study.reference_period,
            self.flow,
            claimcheck_model::readable::plain_number(e.nominal.low),
            claimcheck_model::readable::plain_number(e.nominal.high),
            e.unit.as_deref().unwrap_or("people"),
        )
    }

    fn label(&self) -> String {
        "a stock rate beside a flow".to_owned()
    }

    fn notes(&self) -> Vec<String> {
        let mut notes: Vec<String> = self
            .product
            .assumptions
            .iter()
            .map(|a| format!("assuming {a}"))
            .collect();
        notes.push(source_note(self.study));
        notes
    }
}

fn check(doc: &Document<'_>, context: &Context<'_>, out: &mut Vec<Finding>) {
    for (at, c) in doc.quantities.iter().enumerate() {
        if let Some(BaseViolation::RateTimesFlow(v)) =
            context.base.judge_for(doc, at, c, Owner::RateTimesFlow)
        {
            let mut f = v.finding(doc, c);
            f.study = Some(v.study.id.clone());
            out.push(f);
        }
    }
}

/// The row the claim fits is a share measured at one time, and the model paired the claim
/// with a yearly flow of the same article (an estimate whose first input is the claim and
/// whose second is a count per year).
pub(super) fn of_row<'a>(
    doc: &'a Document<'_>,
    c: &'a ClaimContext<'_>,
    m: &'a StudyMatch<'_>,
) -> Option<RateTimesFlow<'a>> {
    let study = m.study;
    if !matches!(study.basis, Basis::Sample | Basis::Stock) || study.measure != Measure::Share {
        return None;
    }
    let from = doc.estimates.partition_point(|e| {
        e.inputs
            .first()
            .is_some_and(|i| i.span.start < c.mention.span.start)
    });
    let product = doc.estimates[from..]
        .iter()
        .take_while(|e| {
            e.inputs
                .first()
                .is_some_and(|i| i.span.start == c.mention.span.start)
        })
        .find(|e| {
            e.inputs
                .first()
                .is_some_and(|i| i.quantity.dimension == Dimension::Percent)
                && e.inputs.get(1).is_some_and(|i| i.quantity.per.is_some())
        })?;
    Some(RateTimesFlow {
        claim: doc.slice(c.mention.span),
        study,
        flow: product.inputs.get(1).map_or("", |i| i.text.as_str()),
        product,
    })
}
