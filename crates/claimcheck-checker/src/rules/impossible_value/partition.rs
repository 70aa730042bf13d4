//! Figures that cannot all be true of one group, read from the words around them: shares of
//! exclusive groups ("45 percent were Cambodian, 40 percent were Burmese and 25 percent were
//! Lao"), a range written from its high end ("estimates range from 90,000 to 60,000"), and a
//! part counted above its whole ("Of the 2,300 workers freed, 2,650 were men").

use claimcheck_model::{Dimension, End, Interval, Quantity};

use crate::document::{ClaimContext, Document};
use crate::finding::{Against, Finding, Related};
use crate::rules::{Rule, Violation, readable};
use crate::vocab;

use super::RULE;

/// The kind of group a share names after "were": groups of one kind do not overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GroupKind {
    /// Men, women, children: each person is one of them.
    Person,
    /// A nationality or people, written with a capital: Cambodian, Burmese, Lao.
    Nationality,
    /// An age band: aged 18 to 30, older than 45.
    Age,
}

/// The group a share is said to be ("were Cambodian", "were men", "were aged 18 to 30"), with
/// its kind, when the words right after the figure name one and nothing else.
fn group_after<'a>(doc: &Document<'a>, c: &ClaimContext<'_>) -> Option<(GroupKind, &'a str)> {
    let rest = doc.text.get(c.mention.span.end..c.claim.sentence.end)?;
    let trimmed = rest.trim_start();
    let (verb, after) = trimmed.split_once(' ')?;
    if !vocab::COPULAS.contains(&verb.to_lowercase().as_str()) {
        return None;
    }
    // The group runs to the next comma, "and", or the end of the sentence.
    let end = after
        .find([',', ';', '.', '('])
        .unwrap_or(after.len())
        .min(after.find(" and ").unwrap_or(after.len()));
    let group = after[..end].trim();
    let words: Vec<&str> = group.split_whitespace().collect();
    let first = words.first()?;
    let lower = first.to_lowercase();
    if vocab::AGE_LEADS.contains(&lower.as_str()) {
        return Some((GroupKind::Age, group));
    }
    if words.len() <= 3 && vocab::PERSON_GROUPS.contains(&lower.as_str()) {
        return Some((GroupKind::Person, group));
    }
    if words.len() == 1 && first.starts_with(|ch: char| ch.is_uppercase()) {
        return Some((GroupKind::Nationality, group));
    }
    None
}

/// Whether a share stands at the head of its clause, as the people it counts, and is said to
/// do something ("Of those women, 120 percent reported …"): a share of people, not a change.
pub(super) fn counts_people(doc: &Document<'_>, c: &ClaimContext<'_>) -> bool {
    // The word after the figure first: most figures are followed by no such verb, and the
    // words before them are then not lowercased.
    let verb = doc
        .text
        .get(c.mention.span.end..c.claim.sentence.end)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    if !vocab::PEOPLE_VERBS.contains(&verb.as_str()) {
        return false;
    }
    let (before, clause) = crate::rules::clause_before(doc, c);
    let heads_clause = clause.is_empty() || vocab::CLAUSE_JOINS.contains(&clause.as_str());
    // The clause opens the sentence with a partitive ("Of those women,") or the figure
    // opens the sentence itself.
    let framed = before.trim().is_empty() || before.trim_start().to_lowercase().starts_with("of ");
    heads_clause && framed
}

/// The findings of this module, appended to `out`.
pub(super) fn check(doc: &Document<'_>, out: &mut Vec<Finding>) {
    exclusive_shares(doc, out);
    reversed_ranges(doc, out);
    part_above_whole(doc, out);
}

/// "45 percent were Cambodian, 40 percent were Burmese and 25 percent were Lao".
fn exclusive_shares(doc: &Document<'_>, out: &mut Vec<Finding>) {
    for (_, run) in doc.by_sentence() {
        let shares: Vec<(&ClaimContext<'_>, GroupKind, &str)> = run
            .iter()
            .filter(|c| c.quantity.dimension == Dimension::Percent && !c.quantity.reversed())
            .filter_map(|c| group_after(doc, c).map(|(k, g)| (c, k, g)))
            .collect();
        for kind in [GroupKind::Person, GroupKind::Nationality, GroupKind::Age] {
            let same: Vec<_> = shares.iter().filter(|(_, k, _)| *k == kind).collect();
            let mut groups: Vec<String> = same.iter().map(|(_, _, g)| g.to_lowercase()).collect();
            groups.dedup();
            if same.len() < 2 || groups.len() != same.len() {
                continue;
            }
            let low: f64 = same
                .iter()
                .map(|(c, _, _)| c.quantity.interval.lo.value().unwrap_or(0.0))
                .sum();
            if low <= 100.0 {
                continue;
            }
            let Some((last, _, _)) = same.last() else {
                continue;
            };
            let others: f64 = same[..same.len() - 1]
                .iter()
                .map(|(c, _, _)| c.quantity.interval.lo.value().unwrap_or(0.0))
                .sum();
            let exclusive = ExclusiveShares {
                shares: same
                    .iter()
                    .map(|(c, _, g)| GroupShare {
                        claim: doc.slice(c.mention.span),
                        group: g,
                        quantity: &c.quantity,
                    })
                    .collect(),
                lowest_sum: low,
                room: (100.0 - others).max(0.0),
            };
            let mut f = exclusive.finding(doc, last);
            for (c, other) in same.iter().zip(&exclusive.shares).take(same.len() - 1) {
                f.related.push(Related {
                    span: c.0.mention.span,
                    text: other.claim.to_owned(),
                    label: other.label(),
                });
            }
            if let Ok(room) = Interval::new(
                End::Inclusive(0.0),
                End::Inclusive((100.0 - others).max(0.0)),
            ) {
                f = f.against(Against::Limit, "what the other groups leave", room);
            }
            out.push(f);
        }
    }
}

/// "Estimates range from 90,000 to 60,000": a range written from its high end. A change
/// ("fell from 35 to 30") is no range.
fn reversed_ranges(doc: &Document<'_>, out: &mut Vec<Finding>) {
    for pair in doc.quantities.windows(2) {
        let (from, to) = (&pair[0], &pair[1]);
        if from.claim.sentence != to.claim.sentence
            || from.quantity.dimension != to.quantity.dimension
        {
            continue;
        }
        let before = doc
            .text
            .get(from.claim.sentence.start..from.mention.span.start)
            .unwrap_or("")
            .to_lowercase();
        let Some(verb) = before.trim_end().strip_suffix(" from") else {
            continue;
        };
        let verb = verb.split_whitespace().last().unwrap_or("");
        let between = doc
            .text
            .get(from.mention.span.end..to.mention.span.start)
            .unwrap_or("")
            .trim()
            .to_lowercase();
        if !vocab::RANGE_VERBS.contains(&verb) || between != "to" {
            continue;
        }
        let (a, b) = (from.quantity.nominal.low, to.quantity.nominal.high);
        if a <= b {
            continue;
        }
        let written = &doc.text[from.mention.span.start..to.mention.span.end];
        let backwards = BackwardsRange {
            range: written,
            low_end: a,
            high_end: b,
        };
        let mut f = backwards.finding(doc, to);
        f.span = claimcheck_parser::Span {
            start: from.mention.span.start,
            end: to.mention.span.end,
        };
        f.text = written.to_owned();
        f.related
            .push(crate::rules::related(doc, from, "the low end"));
        out.push(f);
    }
}

/// "Of the 2,300 workers freed, 2,650 were men": a part counted above its whole.
fn part_above_whole(doc: &Document<'_>, out: &mut Vec<Finding>) {
    for pair in doc.quantities.windows(2) {
        let (whole, part) = (&pair[0], &pair[1]);
        if whole.claim.sentence != part.claim.sentence
            || whole.quantity.dimension != Dimension::Count
            || part.quantity.dimension != Dimension::Count
        {
            continue;
        }
        let before = doc
            .text
            .get(whole.claim.sentence.start..whole.mention.span.start)
            .unwrap_or("")
            .trim()
            .to_lowercase();
        // "Of the 2,300 workers freed, 2,650 …": the part opens the clause after the whole.
        let partitive = matches!(before.as_str(), "of" | "of the" | "of these" | "of those");
        let between = doc
            .text
            .get(whole.mention.span.end..part.mention.span.start)
            .unwrap_or("");
        let next_clause = between.trim_end().ends_with(',') && !between.contains([';', '.']);
        let verb = doc
            .text
            .get(part.mention.span.end..part.claim.sentence.end)
            .unwrap_or("")
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        if !partitive || !next_clause || !vocab::PEOPLE_VERBS.contains(&verb.as_str()) {
            continue;
        }
        let (Some(part_low), Some(whole_high)) = (
            part.quantity.interval.lo.value(),
            whole.quantity.interval.hi.value(),
        ) else {
            continue;
        };
        if part_low <= whole_high {
            continue;
        }
        let above = PartAboveWhole {
            part: doc.slice(part.mention.span),
            part_quantity: &part.quantity,
            whole: doc.slice(whole.mention.span),
            whole_quantity: &whole.quantity,
        };
        let mut f = above.finding(doc, part);
        f.related.push(Related {
            span: whole.mention.span,
            text: above.whole.to_owned(),
            label: format!("the whole: {}", readable(above.whole_quantity)),
        });
        if let Ok(room) = Interval::new(End::Inclusive(0.0), End::Inclusive(whole_high)) {
            f = f.against(Against::Limit, "at most the whole", room);
        }
        out.push(f);
    }
}

/// One group's share, as the sentence gives it.
struct GroupShare<'a> {
    /// The share as written.
    claim: &'a str,
    /// The group it is the share of ("Cambodian").
    group: &'a str,
    /// The share.
    quantity: &'a Quantity,
}

impl GroupShare<'_> {
    /// The label under the share: "Cambodian: 44.5%–45.5%".
    fn label(&self) -> String {
        format!("{}: {}", self.group, readable(self.quantity))
    }
}

/// Shares of groups that do not overlap (each person is one of them) adding up to more than
/// 100%.
struct ExclusiveShares<'a> {
    /// The shares in the order of the text (at least two); the finding is about the last.
    shares: Vec<GroupShare<'a>>,
    /// Their sum with each read at its lowest.
    lowest_sum: f64,
    /// What the others leave for the last, at most.
    room: f64,
}

impl ExclusiveShares<'_> {
    fn last(&self) -> &GroupShare<'_> {
        &self.shares[self.shares.len() - 1]
    }
}

impl Violation for ExclusiveShares<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        format!(
            "shares of groups that do not overlap add up to more than 100%: {} = {}% \
             (at least {}% with each read at its lowest)",
            self.shares
                .iter()
                .map(|s| format!("{} {}", s.claim, s.group))
                .collect::<Vec<_>>()
                .join(" + "),
            claimcheck_model::quantity::plain(
                self.shares
                    .iter()
                    .map(|s| s.quantity.nominal.low)
                    .sum::<f64>()
            ),
            claimcheck_model::quantity::plain(self.lowest_sum)
        )
    }

    fn label(&self) -> String {
        self.last().label()
    }

    fn notes(&self) -> Vec<String> {
        vec![format!(
            "each person is one of these groups only, so their shares add up to at most 100%; \
             the others leave at most {}% for “{}”",
            claimcheck_model::quantity::plain(self.room),
            self.last().group
        )]
    }
}

/// A range written from its high end ("from 90,000 to 60,000").
struct BackwardsRange<'a> {
    /// The range as written.
    range: &'a str,
    /// The end written first, which should be the lower.
    low_end: f64,
    /// The end written second.
    high_end: f64,
}

impl Violation for BackwardsRange<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        format!(
            "the range “{}” runs backwards: its low end {} is above its high end {}",
            self.range,
            claimcheck_model::quantity::plain(self.low_end),
            claimcheck_model::quantity::plain(self.high_end)
        )
    }

    fn label(&self) -> String {
        "the high end".to_owned()
    }
}

/// A part counted above its whole ("Of the 2,300 workers freed, 2,650 were men").
struct PartAboveWhole<'a> {
    /// The part as written.
    part: &'a str,
    /// The part.
    part_quantity: &'a Quantity,
    /// The whole as written.
    whole: &'a str,
    /// The whole.
    whole_quantity: &'a Quantity,
}

impl Violation for PartAboveWhole<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        format!(
            "“{}” is a part of “{}”, but counts more than the whole",
            self.part, self.whole
        )
    }

    fn label(&self) -> String {
        format!("the part: {}", readable(self.part_quantity))
    }
}
