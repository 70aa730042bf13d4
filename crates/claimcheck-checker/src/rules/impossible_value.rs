//! `impossible-value`: a figure no population can have.

use claimcheck_model::{Dimension, End, Interval, subject};

use crate::document::Document;
use crate::finding::{Against, Finding, Related, Severity};
use crate::rules::{Context, Rule, describe};

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

fn check(doc: &Document<'_>, _cx: &Context<'_>, out: &mut Vec<Finding>) {
    partition::check(doc, out);
    for c in &doc.quantities {
        if out.iter().any(|f| f.span == c.mention.span) {
            continue;
        }
        let m = c.mention;
        if let Some([lo, hi]) = m.endpoints
            && lo > hi
        {
            out.push(RULE.on(
                doc,
                c,
                format!(
                    "the range “{}” runs backwards: {} is above {}",
                    doc.slice(m.span),
                    lo,
                    hi
                ),
                "reversed range".to_owned(),
            ));
            continue;
        }
        let of_population = c.claim.subject.is_some_and(|s| {
            let words = subject::words(doc.slice(s));
            !words.iter().any(|w| RATIO_BASES.contains(&w.as_str()))
        });
        // "X percent of …": a change ("rose 900%") is no share.
        let followed_by_of = doc.text[m.span.end..]
            .trim_start()
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case("of "));
        let is_share = c.quantity.dimension == Dimension::Percent
            && ((of_population && followed_by_of) || partition::counts_people(doc, c))
            && !m.points;
        if is_share && (c.quantity.nominal[1] > 100.0 || c.quantity.nominal[0] < 0.0) {
            out.push(
                RULE.on(
                    doc,
                    c,
                    match c.claim.subject.filter(|_| followed_by_of) {
                        Some(s) => format!(
                            "“{}” of {} is impossible: a share lies between 0 and 100%",
                            doc.slice(m.span),
                            doc.slice(s)
                        ),
                        None => format!(
                            "“{}” of the people counted is impossible: a share of a group \
                             lies between 0 and 100%",
                            doc.slice(m.span)
                        ),
                    },
                    format!("a share of {}", describe(c)),
                )
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
                let mut f = RULE.on(
                    doc,
                    b,
                    format!(
                        "{} and {} of the same {} add up to more than 100%: {} + {}",
                        ga,
                        gb,
                        sb,
                        doc.slice(a.mention.span),
                        doc.slice(b.mention.span)
                    ),
                    format!("{gb}: {}", describe(b)),
                );
                f.related.push(Related {
                    span: a.mention.span,
                    text: doc.slice(a.mention.span).to_owned(),
                    label: format!("{ga}: {}", describe(a)),
                });
                // The room the other subgroup's share leaves for this one.
                let room = Interval::new(End::Inclusive(0.0), End::Inclusive(100.0 - low(a)));
                if let Ok(room) = room {
                    f = f.against(
                        Against::Limit,
                        format!("what {} leaves: 100% − {}", doc.slice(a.mention.span), ga),
                        room,
                    );
                }
                out.push(f);
            }
        }
    }
}
