//! `impossible-value`: a figure no population can have.

use claimcheck_model::{Dimension, End, Interval, Quantity, subject};

use crate::document::Document;
use crate::finding::{Against, Finding, Related, Severity};
use crate::rules::{Context, Rule, Violation, readable};

mod partition;

pub(crate) const RULE: Rule = Rule {
    name: "impossible-value",
    code: "CC004",
    severity: Severity::Error,
    default_on: true,
    summary: "a share above 100%, a reversed range, shares of exclusive groups above 100%",
    doc: "# impossible-value (CC004)

## What it does
Flags figures that cannot be true of any population:
- a share of a population (“X percent of …”) above 100% or below 0, and a share that heads
  its clause as the people it counts (“Of those women, 120 percent reported …”);
- a range whose low end is above its high end (“between 50 and 40”; “estimates range from
  90,000 to 60,000” — “fell from 35 to 30” is a change, not a range);
- shares of different subgroups of one population that add up to more than 100% (“Men made up
  65% of the workers … women made up 45% of the workers”), and shares of groups that do not
  overlap, listed in one sentence: kinds of people (“58 percent were men and 52 percent were
  women”), nationalities (“45 percent were Cambodian, 40 percent were Burmese and 25 percent
  were Lao”) and age bands (“64 percent were aged 18 to 30 …”). Shares of things a person can
  have together (“62 percent were unpaid and 48 percent had their documents held”) are not
  groups and may add up to more than 100%;
- a subgroup's count larger than the count of the whole it belongs to (“Of the 2,300 workers
  freed, 2,650 were men”).

## Why it matters
These are typing slips or misread tables, and a reader sees them at once.

## Example
“Between 50 and 40 percent of the crews were from Myanmar.”

## Options
None. Growth rates (“rose 150%”) are not shares and are left alone: a share needs an “of”
population, and percentages of amounts or levels (GDP, income, debt, exports, revenue…) may
exceed 100%.
",
    check,
};

/// What a percentage may exceed 100% of: amounts and levels, not populations ("debt of
/// 140% of GDP").
const RATIO_BASES: &[&str] = &[
    "gdp",
    "gnp",
    "gni",
    "income",
    "revenue",
    "budget",
    "export",
    "import",
    "debt",
    "earning",
    "wage",
    "salary",
    "output",
    "production",
    "capacity",
    "target",
    "level",
    "average",
    "value",
    "price",
    "cost",
    "quota",
    "total",
    "reserve",
    "spending",
    "expenditure",
    "consumption",
    "demand",
    "supply",
    "rate",
    "growth",
    "inflation",
    "saving",
    "investment",
    "asset",
    "liability",
    "deficit",
    "surplus",
    "tax",
    "profit",
    "sale",
    "turnover",
    "gross",
];

/// Every value a share can take.
const SHARE: Interval = Interval {
    lo: End::Inclusive(0.0),
    hi: End::Inclusive(100.0),
};

fn check(doc: &Document<'_>, _context: &Context<'_>, out: &mut Vec<Finding>) {
    partition::check(doc, out);
    for c in &doc.quantities {
        if out.iter().any(|f| f.span == c.mention.span) {
            continue;
        }
        let m = c.mention;
        if let Some([lo, hi]) = m.endpoints
            && lo > hi
        {
            let reversed = ImpossibleValue::Reversed {
                range: doc.slice(m.span),
                from: lo,
                to: hi,
            };
            out.push(reversed.finding(doc, c));
            continue;
        }
        // Read only for a percentage followed by "of": a subject's words are the dearest
        // part of the test.
        let of_population = || {
            c.claim.subject.is_some_and(|s| {
                let words = subject::words(doc.slice(s));
                !words.iter().any(|w| RATIO_BASES.contains(&w.as_str()))
            })
        };
        // "X percent of …": a change ("rose 900%") is no share.
        let followed_by_of = doc.text[m.span.end..]
            .trim_start()
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case("of "));
        let is_share = c.quantity.dimension == Dimension::Percent
            && !m.points
            && ((followed_by_of && of_population()) || partition::counts_people(doc, c));
        if is_share && (c.quantity.nominal.high > 100.0 || c.quantity.nominal.low < 0.0) {
            let share = ImpossibleValue::ShareOutOfBounds {
                claim: doc.slice(m.span),
                of: c
                    .claim
                    .subject
                    .filter(|_| followed_by_of)
                    .map(|s| doc.slice(s)),
                quantity: &c.quantity,
            };
            out.push(
                share
                    .finding(doc, c)
                    .against(Against::Limit, "any share: 0–100%", SHARE),
            );
        }
    }
    // Shares of different subgroups of one population.
    let shares: Vec<_> = doc
        .quantities
        .iter()
        .filter(|c| {
            c.quantity.dimension == Dimension::Percent
                && c.claim.subject.is_some()
                && c.claim.subgroup.is_some()
        })
        .collect();
    for (i, a) in shares.iter().enumerate() {
        for b in &shares[i + 1..] {
            if b.mention.span.start - a.mention.span.start > 10_000 {
                break;
            }
            let (sa, sb) = (
                doc.slice(a.claim.subject.unwrap_or_default()),
                doc.slice(b.claim.subject.unwrap_or_default()),
            );
            let (ga, gb) = (
                doc.slice(a.claim.subgroup.unwrap_or_default()),
                doc.slice(b.claim.subgroup.unwrap_or_default()),
            );
            if !subject::compare(sa, sb).same
                || subject::compare(ga, gb).similarity > 0.0
                || a.claim.time.map(|t| doc.slice(t)) != b.claim.time.map(|t| doc.slice(t))
            {
                continue;
            }
            let low = |c: &crate::document::ClaimContext<'_>| {
                c.quantity.interval.lo.value().unwrap_or(0.0)
            };
            if low(a) + low(b) > 100.0 {
                let over = SubgroupShares {
                    population: sb,
                    first: Share {
                        group: ga,
                        claim: doc.slice(a.mention.span),
                        quantity: &a.quantity,
                    },
                    second: Share {
                        group: gb,
                        claim: doc.slice(b.mention.span),
                        quantity: &b.quantity,
                    },
                };
                let mut f = over.finding(doc, b);
                f.related.push(Related {
                    span: a.mention.span,
                    text: over.first.claim.to_owned(),
                    label: over.first.label(),
                });
                // The room the other subgroup's share leaves for this one.
                let room = Interval::new(End::Inclusive(0.0), End::Inclusive(100.0 - low(a)));
                if let Ok(room) = room {
                    f = f.against(Against::Limit, over.room(), room);
                }
                out.push(f);
            }
        }
    }
}

/// A value no figure of its kind can take.
enum ImpossibleValue<'a> {
    /// A range whose first end is above its second.
    Reversed {
        /// The range as written.
        range: &'a str,
        /// Its first end.
        from: f64,
        /// Its second end.
        to: f64,
    },
    /// A share of a group below 0 or above 100%.
    ShareOutOfBounds {
        /// The share as written.
        claim: &'a str,
        /// The group it is a share of, as written, when the sentence says "of" it.
        of: Option<&'a str>,
        /// The share.
        quantity: &'a Quantity,
    },
}

impl Violation for ImpossibleValue<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        match self {
            ImpossibleValue::Reversed { range, from, to } => {
                format!("the range “{range}” runs backwards: {from} is above {to}")
            }
            ImpossibleValue::ShareOutOfBounds {
                claim,
                of: Some(of),
                ..
            } => format!("“{claim}” of {of} is impossible: a share lies between 0 and 100%"),
            ImpossibleValue::ShareOutOfBounds {
                claim, of: None, ..
            } => format!(
                "“{claim}” of the people counted is impossible: a share of a group lies \
                 between 0 and 100%"
            ),
        }
    }

    fn label(&self) -> String {
        match self {
            ImpossibleValue::Reversed { .. } => "reversed range".to_owned(),
            ImpossibleValue::ShareOutOfBounds { quantity, .. } => {
                format!("a share of {}", readable(quantity))
            }
        }
    }
}

/// One subgroup's share of a population.
struct Share<'a> {
    /// The subgroup as written.
    group: &'a str,
    /// The share as written.
    claim: &'a str,
    /// The share.
    quantity: &'a Quantity,
}

impl Share<'_> {
    /// The label under the share: "women: 60%–70%".
    fn label(&self) -> String {
        format!("{}: {}", self.group, readable(self.quantity))
    }
}

/// The shares of two different subgroups of one population that add up to more than 100%.
struct SubgroupShares<'a> {
    /// The population as written with the second share.
    population: &'a str,
    /// The earlier share.
    first: Share<'a>,
    /// The later share, which the finding is about.
    second: Share<'a>,
}

impl SubgroupShares<'_> {
    /// What the earlier share leaves for the later one, as the other side of its number line.
    fn room(&self) -> String {
        format!(
            "what {} leaves: 100% − {}",
            self.first.claim, self.first.group
        )
    }
}

impl Violation for SubgroupShares<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        format!(
            "{} and {} of the same {} add up to more than 100%: {} + {}",
            self.first.group,
            self.second.group,
            self.population,
            self.first.claim,
            self.second.claim
        )
    }

    fn label(&self) -> String {
        self.second.label()
    }
}
