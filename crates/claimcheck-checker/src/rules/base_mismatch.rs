//! `base-mismatch` (CC104), once one rule, now the group of the five rules it was split into:
//! a figure's words contradict the basis or the concept of the registry figure it matches.
//! This file holds the group, what its rules share, and the order in which they are tried.

use claimcheck_model::Dimension;

use crate::document::{ClaimContext, Document};
use crate::registry::Concept;
use crate::rules::{
    Group, detected_as_all, part_as_whole, rate_times_flow, relabelled_concept, stock_as_flow,
};

/// The group: its old name and code select all five rules.
pub(crate) const GROUP: Group = Group {
    name: "base-mismatch",
    code: "CC104",
    rules: &[
        &stock_as_flow::RULE,
        &detected_as_all::RULE,
        &relabelled_concept::RULE,
        &part_as_whole::RULE,
        &rate_times_flow::RULE,
    ],
    about: "`base-mismatch` was one rule with five checks; each is now a rule of its own, with its
own code and documentation. The old name and code still select all five wherever a rule is
named: `--select`, `--ignore`, `--extend-select`, `[severity]` in `claimcheck.toml`, and
suppression comments (`claimcheck: ignore[base-mismatch]`,
`<!-- claimcheck: ignore CC104 -->`). Findings report the new rule's name and code.

Each of them flags a figure whose words contradict the basis (a stock counted on one day, a
count of detected victims, a sample) or the concept of the registry figure it matches. A
figure gets at most one of these findings: the first that holds, trying first the registry
figure it fits (stock as flow, detected as all, relabelled profits, rate times flow), then
every figure it may be (relabelled concept, detected as all, stock as flow, part as whole).
",
};

/// Which of the group's findings a figure gets: at most one, the first that holds in the
/// order the group's documentation gives. Each rule of the group reports the figures whose
/// finding is its own, so that a figure never gets two of them.
pub(super) enum BaseViolation<'a> {
    /// `stock-as-flow`.
    StockAsFlow(stock_as_flow::StockAsFlow<'a>),
    /// `detected-as-all`.
    DetectedAsAll(detected_as_all::DetectedAsAll<'a>),
    /// `relabelled-concept`.
    Relabelled(relabelled_concept::Relabelled<'a>),
    /// `part-as-whole`.
    PartAsWhole(part_as_whole::PartAsWhole<'a>),
    /// `rate-times-flow`.
    RateTimesFlow(rate_times_flow::RateTimesFlow<'a>),
}

/// Which rule of the group a finding belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Owner {
    StockAsFlow,
    DetectedAsAll,
    Relabelled,
    PartAsWhole,
    RateTimesFlow,
}

impl BaseViolation<'_> {
    fn owner(&self) -> Owner {
        match self {
            BaseViolation::StockAsFlow(_) => Owner::StockAsFlow,
            BaseViolation::DetectedAsAll(_) => Owner::DetectedAsAll,
            BaseViolation::Relabelled(_) => Owner::Relabelled,
            BaseViolation::PartAsWhole(_) => Owner::PartAsWhole,
            BaseViolation::RateTimesFlow(_) => Owner::RateTimesFlow,
        }
    }
}

/// The group's verdict on each figure of one document (whose finding it gets, if any), worked
/// out once for the five rules: each of them asked for it for every figure.
#[derive(Debug, Default)]
pub(crate) struct BaseVerdicts {
    /// By the figure's place in the document's quantities.
    of_claim: Vec<std::cell::OnceCell<Option<Owner>>>,
}

impl BaseVerdicts {
    /// Room for the verdicts on a document's `claims` figures, none worked out yet.
    pub(crate) fn new(claims: usize) -> Self {
        BaseVerdicts {
            of_claim: std::iter::repeat_with(std::cell::OnceCell::new)
                .take(claims)
                .collect(),
        }
    }

    /// The group's finding about `c`, the `at`-th of the document's quantities, if it is
    /// `owner`'s. The figure is judged again only for the rule whose finding it gets.
    pub(super) fn judge_for<'a>(
        &self,
        doc: &'a Document<'_>,
        at: usize,
        c: &'a ClaimContext<'_>,
        owner: Owner,
    ) -> Option<BaseViolation<'a>> {
        let Some(cell) = self.of_claim.get(at) else {
            return judge(doc, c).filter(|v| v.owner() == owner);
        };
        match cell.get() {
            Some(known) if *known != Some(owner) => None,
            Some(_) => judge(doc, c),
            None => {
                let verdict = judge(doc, c);
                let _ = cell.set(verdict.as_ref().map(BaseViolation::owner));
                verdict.filter(|v| v.owner() == owner)
            }
        }
    }
}

/// The group's finding about a figure, if it gets one.
fn judge<'a>(doc: &'a Document<'_>, c: &'a ClaimContext<'_>) -> Option<BaseViolation<'a>> {
    use BaseViolation as V;
    // The registry figure the claim fits, first.
    if let Some(m) = c.fitting() {
        let found = stock_as_flow::of_row(doc, c, m)
            .map(V::StockAsFlow)
            .or_else(|| detected_as_all::of_row(doc, c, m).map(V::DetectedAsAll))
            .or_else(|| relabelled_concept::profits(doc, c, m).map(V::Relabelled))
            .or_else(|| rate_times_flow::of_row(doc, c, m).map(V::RateTimesFlow));
        if found.is_some() {
            return found;
        }
    }
    // Then every figure it may be.
    relabelled_concept::by_name(doc, c)
        .map(V::Relabelled)
        .or_else(|| detected_as_all::every_fit(doc, c).map(V::DetectedAsAll))
        .or_else(|| stock_as_flow::every_fit(doc, c).map(V::StockAsFlow))
        .or_else(|| part_as_whole::part_as_whole(doc, c).map(V::PartAsWhole))
}

/// Whether the claim's own predicate names forced labour and forced marriage together
/// ("living in forced labour or forced marriage").
pub(super) fn names_both_parts(doc: &Document<'_>, c: &ClaimContext<'_>) -> bool {
    let Some(predicate) = c.claim.predicate else {
        return false;
    };
    let words = crate::vocab::tokens_within(
        &c.reading.sentence,
        c.claim.sentence,
        doc.text,
        predicate.start,
        predicate.end,
    );
    [Concept::ForcedLabour, Concept::ForcedMarriage]
        .iter()
        .all(|k| crate::vocab::LEXICONS.concept(*k).any(&words))
        && crate::vocab::any(&words, &["or", "and"])
}

/// Whether the claim's sentence states the count its shares are of ("Of the victims
/// (estimated 600,000-800,000 a year), 75% are women"): the shares then describe that count,
/// whatever its basis, not a registry's detected victims.
pub(super) fn states_its_total(doc: &Document<'_>, c: &ClaimContext<'_>) -> bool {
    c.quantity.dimension == Dimension::Percent
        && doc.quantities.iter().any(|o| {
            o.claim.sentence == c.claim.sentence
                && o.mention.span != c.mention.span
                && o.quantity.dimension == Dimension::Count
                && o.quantity.nominal.low >= 1000.0
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Checker, Registry, Selection};

    /// The cases of the group's five rules: sentences that get each finding and near misses.
    const CASES: [&str; 5] = [
        include_str!("../../tests/fixtures/stock-as-flow/cases.md"),
        include_str!("../../tests/fixtures/detected-as-all/cases.md"),
        include_str!("../../tests/fixtures/relabelled-concept/cases.md"),
        include_str!("../../tests/fixtures/part-as-whole/cases.md"),
        include_str!("../../tests/fixtures/rate-times-flow/cases.md"),
    ];

    const OWNERS: [Owner; 5] = [
        Owner::StockAsFlow,
        Owner::DetectedAsAll,
        Owner::Relabelled,
        Owner::PartAsWhole,
        Owner::RateTimesFlow,
    ];

    /// Whichever rule asks first, each rule gets from the shared verdicts the finding that
    /// judging the figure afresh gives it, and every rule's finding is found somewhere.
    #[test]
    fn shared_verdicts_give_each_rule_what_judging_gives_it() {
        let selection = Selection {
            select: vec!["ALL".to_owned()],
            ..Selection::default()
        };
        let checker = Checker::new(
            Registry::builtin().expect("the shipped registry parses"),
            claimcheck_model::ModelConventions::default(),
            &selection,
        );
        let mut found = Vec::new();
        let texts = CASES
            .iter()
            .flat_map(|cases| cases.split("\n## ").skip(1))
            .filter_map(|case| case.split_once('\n').map(|(_, text)| text));
        for text in texts {
            checker.inspect(text, text, |doc| {
                for first in 0..OWNERS.len() {
                    let verdicts = BaseVerdicts::new(doc.quantities.len());
                    for k in 0..OWNERS.len() {
                        let owner = OWNERS[(first + k) % OWNERS.len()];
                        for (at, c) in doc.quantities.iter().enumerate() {
                            let shared = verdicts.judge_for(doc, at, c, owner).map(|v| v.owner());
                            let afresh = judge(doc, c).map(|v| v.owner()).filter(|o| *o == owner);
                            assert_eq!(shared, afresh, "{text:?}, figure {at}, {owner:?}");
                            found.extend(shared);
                        }
                    }
                }
            });
        }
        for owner in OWNERS {
            assert!(found.contains(&owner), "no case gets {owner:?}");
        }
    }
}
