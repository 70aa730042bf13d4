//! `internal-contradiction`: two figures of one document about the same measure of the same
//! population that cannot both be right.

use claimcheck_model::Dimension;
use claimcheck_model::subject;

use std::collections::BTreeSet;

use claimcheck_parser::Span;

use crate::document::{ClaimContext, Document};
use crate::finding::{Against, Finding, Related, Severity};
use crate::rules::{Context, Rule, describe, rounding_note};

pub(crate) const RULE: Rule = Rule {
    name: "internal-contradiction",
    code: "CC002",
    severity: Severity::Error,
    default_on: true,
    summary: "two figures about the same measure of the same population disagree",
    doc: "# internal-contradiction (CC002)

## What it does
Flags two figures in one document, in different sentences, of the same kind (two shares, two
counts), about subjects with the same words (after synonyms), the same subgroup, a like
predicate and the same reference time, whose intervals do not overlap once rounding and hedge
words are allowed for. Headline against body is included.

## Why it matters
The lede says “nearly a third”, a later paragraph “23 percent” of the same group: one of them
is wrong, and the reader cannot tell which.

## Example
“Nearly a third of Cambodian migrant workers in Thailand are trafficked” … “23 percent of
Cambodian migrant workers in Thailand are trafficked”: [28.3, 33.3) against [22.5, 23.5).

## Options
The subjects must have the same words (two or more) and the predicates must be alike; counts
must be of 1,000 or more, and vague quantities (“millions”) are left out, since their bound is
a convention. Sentences that report a change (rose, fell, up from) are left out, as their
figures describe different times.
",
    check,
};

/// How far apart, in bytes, two figures may stand to be compared.
const WITHIN: usize = 50_000;

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
    "doubl",
    "halv",
    "jump",
    "climb",
    "surg",
    "plung",
];

fn check(doc: &Document<'_>, _cx: &Context<'_>, out: &mut Vec<Finding>) {
    let qs = &doc.quantities;
    // Candidates: shares, and counts of 1,000 or more with a counted noun; never vague
    // quantities, whose bound is a convention.
    let eligible = |c: &&ClaimContext<'_>| {
        let vague = c.mention.qualifier == Some(claimcheck_parser::Qualifier::Vague);
        let large_count = c.quantity.dimension == Dimension::Count
            && c.mention.unit.is_some()
            && c.quantity.nominal[0] >= 1000.0;
        !vague
            && (c.quantity.dimension == Dimension::Percent || large_count)
            && c.claim.subject.is_some()
            && c.claim.predicate.is_some()
    };
    // Each candidate with what the comparison needs, worked out once: the words of its
    // subject and predicate, and whether its sentence reports a change.
    let changes = |s: &str| {
        let l = s.to_lowercase();
        CHANGE_WORDS.iter().any(|w| l.contains(w))
    };
    let candidates: Vec<(&ClaimContext<'_>, BTreeSet<String>, BTreeSet<String>)> = qs
        .iter()
        .filter(eligible)
        .filter(|c| !changes(doc.sentence(c)))
        .map(|c| {
            (
                c,
                subject::words(slice(doc, c.claim.subject)),
                subject::words(slice(doc, c.claim.predicate)),
            )
        })
        .filter(|(_, subject_words, _)| subject_words.len() >= 2)
        .collect();
    let same = |x: Option<Span>, y: Option<Span>| match (x, y) {
        (None, None) => true,
        (Some(x), Some(y)) => doc.slice(x).eq_ignore_ascii_case(doc.slice(y)),
        _ => false,
    };
    for (i, (a, sa, pa)) in candidates.iter().enumerate() {
        for (b, sb, pb) in &candidates[i + 1..] {
            // An article's headline and body lie within this distance; beyond it, a text is
            // a collection, and comparing every pair would be quadratic.
            if b.mention.span.start - a.mention.span.start > WITHIN {
                break;
            }
            if a.claim.sentence == b.claim.sentence
                || a.quantity.dimension != b.quantity.dimension
                || a.quantity.per != b.quantity.per
                || sa != sb
            {
                continue;
            }
            // The same thing said of them.
            let common = pa.intersection(pb).count();
            let smaller = pa.len().min(pb.len());
            if smaller == 0 || (common as f64) < 0.5 * smaller as f64 {
                continue;
            }
            if !same(a.claim.subgroup, b.claim.subgroup) || !same(a.claim.time, b.claim.time) {
                continue;
            }
            if a.quantity.interval.overlaps(&b.quantity.interval) {
                continue;
            }
            let (ta, tb) = (slice(doc, a.claim.subject), slice(doc, b.claim.subject));
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
            if let Some(note) = rounding_note(&a.quantity.interval, &b.quantity.interval) {
                f.notes.push(note);
            }
            f.related.push(Related {
                span: a.mention.span,
                text: doc.slice(a.mention.span).to_owned(),
                label: format!("the earlier figure: {}", describe(a)),
            });
            out.push(f.against(
                Against::Claim,
                doc.slice(a.mention.span),
                a.quantity.interval,
            ));
        }
    }
}

fn slice<'a>(doc: &Document<'a>, s: Option<Span>) -> &'a str {
    s.map_or("", |s| doc.slice(s))
}
