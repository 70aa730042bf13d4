//! `stock-as-flow`: people counted on one day (a stock) presented as a yearly flow or as a
//! count over several years.

use claimcheck_model::Dimension;

use crate::document::{ClaimContext, Document};
use crate::finding::{Finding, Severity};
use crate::matching::StudyMatch;
use crate::registry::{Basis, Concept, Measure, Study};
use crate::rules::base_mismatch::{BaseViolation, Owner};
use crate::rules::{Context, Rule, Violation};

pub(crate) const RULE: Rule = Rule {
    name: "stock-as-flow",
    code: "CC105",
    severity: Severity::Warning,
    default_on: true,
    summary: "people counted on one day (a stock) presented as a yearly flow",
    doc: "# stock-as-flow (CC105)

## What it does
Flags a figure of people counted on one day (a stock) presented as a yearly flow (“every
year”, “annually”) or as a count over several years: a figure that matches one registry row
whose basis is a stock, or a round one (“more than 1 million children”) when every figure of
its concept and subgroup that it fits is a stock. Only the conditions the global estimates
count on one day are judged (modern slavery, forced labour, forced marriage, forced sexual
exploitation, child labour): trafficking and migration have yearly flows of their own.

It is one of the rules of the `base-mismatch` group (CC104).

## Why it matters
“12.3 million people are forced into labour every year” turns a point-in-time estimate into
an annual flow and inflates it many times over: the same people are counted again each year.

## Example
“Some 12.3 million people are in forced labour every year, the ILO says.” The ILO's 12.3
million counts people in forced labour at any point in time.

## Options
None. A figure gets at most one finding of the `base-mismatch` group (see its page).
",
    check,
};

/// The conditions people are counted in on one day by the global estimates, which have no
/// yearly flow (migration has both, and is left alone).
const EXPLOITATION: &[Concept] = &[
    Concept::ModernSlavery,
    Concept::ForcedLabour,
    Concept::ForcedMarriage,
    Concept::ForcedSexualExploitation,
    Concept::ChildLabour,
];

/// A stock presented as a flow.
pub(super) enum StockAsFlow<'a> {
    /// The row it matches counts people on one day; the claim counts them over years.
    OverYears {
        /// The claim as written.
        claim: &'a str,
        /// The row it matches.
        study: &'a Study,
    },
    /// The row it matches counts people on one day; the claim, each year.
    Yearly {
        /// The claim as written.
        claim: &'a str,
        /// The row it matches.
        study: &'a Study,
    },
    /// Every row of its concept it fits counts people on one day; the claim, each year.
    EveryFit {
        /// The claim as written.
        claim: &'a str,
        /// The concept the rows measure.
        concept: Concept,
        /// The rows it fits, best first (at least one).
        fitting: Vec<&'a Study>,
    },
}

impl<'a> StockAsFlow<'a> {
    /// The registry figure the finding is about.
    fn study(&self) -> &'a Study {
        match self {
            StockAsFlow::OverYears { study, .. } | StockAsFlow::Yearly { study, .. } => study,
            StockAsFlow::EveryFit { fitting, .. } => fitting[0],
        }
    }
}

impl Violation for StockAsFlow<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        match self {
            StockAsFlow::OverYears { claim, study } => format!(
                "“{claim}” is presented as a count over several years, but {} counts people on one day (a stock)",
                study.publisher
            ),
            StockAsFlow::Yearly { claim, study } => format!(
                "“{claim}” is presented as a yearly flow, but {} counts people at one point in time (a stock)",
                study.publisher
            ),
            StockAsFlow::EveryFit {
                claim,
                concept,
                fitting,
            } => format!(
                "“{claim}” is presented as a yearly flow, but every figure of {} it fits counts people at one point in time (a stock): {}",
                concept.in_words(),
                fitting
                    .iter()
                    .take(3)
                    .map(|s| format!("{} {} ({})", s.publisher, s.year, s.value_text))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        }
    }

    fn label(&self) -> String {
        match self {
            StockAsFlow::OverYears { .. } => "stock presented as a count over years",
            StockAsFlow::Yearly { .. } | StockAsFlow::EveryFit { .. } => "stock presented as flow",
        }
        .to_owned()
    }
}

fn check(doc: &Document<'_>, context: &Context<'_>, out: &mut Vec<Finding>) {
    for (at, c) in doc.quantities.iter().enumerate() {
        if let Some(BaseViolation::StockAsFlow(v)) =
            context.base.judge_for(doc, at, c, Owner::StockAsFlow)
        {
            out.push(v.finding(doc, c).about(v.study()));
        }
    }
}

/// The row the claim fits counts people on one day, and the claim counts them each year or
/// over several years.
pub(super) fn of_row<'a>(
    doc: &'a Document<'_>,
    c: &'a ClaimContext<'_>,
    m: &'a StudyMatch<'_>,
) -> Option<StockAsFlow<'a>> {
    let (study, r) = (m.study, &c.reading);
    if study.basis != Basis::Stock {
        return None;
    }
    let claim = doc.slice(c.mention.span);
    if r.over_years && study.measure == Measure::Count {
        Some(StockAsFlow::OverYears { claim, study })
    } else if r.flow {
        Some(StockAsFlow::Yearly { claim, study })
    } else {
        None
    }
}

/// A count presented as a yearly flow when every figure of the concept and subgroup its
/// clause names that its value fits counts people on one day: whichever figure it is, it is
/// a stock. This catches round figures ("more than 1 million children … each year") that
/// fit several rows and so no one row distinctively. Only the conditions the global estimates
/// count on one day ([`EXPLOITATION`]) are judged: trafficking and migration have yearly
/// flows of their own.
pub(super) fn every_fit<'a>(
    doc: &'a Document<'_>,
    c: &'a ClaimContext<'_>,
) -> Option<StockAsFlow<'a>> {
    let r = &c.reading;
    if !r.flow || r.change || c.quantity.dimension != Dimension::Count {
        return None;
    }
    let fitting: Vec<&Study> = c
        .considered
        .iter()
        .filter(|m| {
            m.topic
                && m.subgroup
                && m.fits
                && m.study.measure == Measure::Count
                && EXPLOITATION.contains(&m.study.concept)
                && r.clause_concepts.contains(&m.study.concept)
        })
        .map(|m| m.study)
        .collect();
    let first = fitting.first()?;
    if !fitting.iter().all(|s| s.basis == Basis::Stock) {
        return None;
    }
    Some(StockAsFlow::EveryFit {
        claim: doc.slice(c.mention.span),
        concept: first.concept,
        fitting,
    })
}
