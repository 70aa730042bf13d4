//! `internal-contradiction`: two figures of one document about the same measure of the same
//! population that cannot both be right.

use claimcheck_model::Dimension;
use claimcheck_model::subject;

use crate::document::Document;
use crate::finding::{Finding, Related, Severity};
use crate::rules::{Context, Rule, describe};

pub(crate) const RULE: Rule = Rule {
    name: "internal-contradiction",
    code: "CC002",
    severity: Severity::Error,
    default_on: true,
    summary: "two figures about the same measure of the same population disagree",
    doc: "# internal-contradiction (CC002)

## What it does
Flags two figures in one document, in different sentences, of the same kind (two shares, two
counts), about subjects with the same words (after synonyms), the same subgroup, the same
predicate and the same reference time, whose intervals do not overlap once rounding and hedge
words are allowed for. Headline against body is included.

## Why it matters
The lede says “nearly a third”, a later paragraph “23 percent” of the same group: one of them
is wrong, and the reader cannot tell which.

## Example
“Nearly a third of Cambodian migrant workers in Thailand are trafficked” … “23 percent of
Cambodian migrant workers in Thailand are trafficked”: [28.3, 33.3) against [22.5, 23.5).

## Options
Subject similarity must be 1 (one subject's words contain the other's); sentences that report
a change (rose, fell, up from) are left out, as their figures describe different times.
",
    check,
};

const CHANGE_WORDS: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "fell",
    "fallen",
    "fall",
    "increase",
    "decrease",
    "grew",
    "grown",
    "declin",
    "drop",
    "up from",
    "down from",
    "compared",
    "than",
    "previous",
    "earlier",
    "from",
    "doubl",
    "halv",
    "jump",
    "climb",
    "surg",
    "plung",
];

fn check(doc: &Document<'_>, _cx: &Context<'_>, out: &mut Vec<Finding>) {
    let qs = &doc.quantities;
    for (i, a) in qs.iter().enumerate() {
        for b in &qs[i + 1..] {
            if a.claim.sentence == b.claim.sentence || a.quantity.dimension != b.quantity.dimension
            {
                continue;
            }
            if a.quantity.dimension == Dimension::Count
                && (a.mention.unit.is_none() || b.mention.unit.is_none())
            {
                continue;
            }
            let (Some(sa), Some(sb)) = (a.claim.subject, b.claim.subject) else {
                continue;
            };
            let (ta, tb) = (doc.slice(sa), doc.slice(sb));
            let m = subject::compare(ta, tb);
            if m.similarity < 1.0 || subject::words(ta).len().min(subject::words(tb).len()) < 2 {
                continue;
            }
            let same =
                |x: Option<claimcheck_parser::Span>, y: Option<claimcheck_parser::Span>| match (
                    x, y,
                ) {
                    (None, None) => true,
                    (Some(x), Some(y)) => doc.slice(x).eq_ignore_ascii_case(doc.slice(y)),
                    _ => false,
                };
            if !same(a.claim.subgroup, b.claim.subgroup) || !same(a.claim.time, b.claim.time) {
                continue;
            }
            match (a.claim.predicate, b.claim.predicate) {
                (Some(pa), Some(pb))
                    if subject::compare(doc.slice(pa), doc.slice(pb)).similarity < 0.5 =>
                {
                    continue;
                }
                _ => {}
            }
            if a.quantity.per != b.quantity.per {
                continue;
            }
            let changes = |s: &str| {
                let l = s.to_lowercase();
                CHANGE_WORDS.iter().any(|w| l.contains(w))
            };
            if changes(doc.sentence(a)) || changes(doc.sentence(b)) {
                continue;
            }
            if a.quantity.interval.overlaps(&b.quantity.interval) {
                continue;
            }
            let mut f = RULE.on(
                doc,
                b,
                format!(
                    "“{}” contradicts “{}” earlier in the document, about the same population ({})",
                    doc.slice(b.mention.span),
                    doc.slice(a.mention.span),
                    tb
                ),
                format!("here: {}", describe(b)),
            );
            f.notes.push(format!(
                "the other figure: “{}” {} about “{}”",
                doc.slice(a.mention.span),
                describe(a),
                ta
            ));
            f.related.push(Related {
                span: a.mention.span,
                text: doc.slice(a.mention.span).to_owned(),
                label: format!("the earlier figure: {}", describe(a)),
            });
            out.push(f);
        }
    }
}
