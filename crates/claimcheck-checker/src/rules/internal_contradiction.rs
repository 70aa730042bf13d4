//! `internal-contradiction`: two figures of one document about the same measure of the same
//! population that cannot both be right.

use claimcheck_model::{Dimension, Quantity};

use std::collections::BTreeSet;

use claimcheck_parser::Span;

use crate::document::{ClaimContext, Document};
use crate::finding::{Against, Finding, Related, Severity};
use crate::rules::{Context, Rule, Violation, readable, rounding_note};

mod back_reference;
mod measure;

use measure::Measure;

pub(crate) const RULE: Rule = Rule {
    name: "internal-contradiction",
    code: "CC002",
    severity: Severity::Error,
    default_on: true,
    summary: "two figures about the same measure of the same population disagree",
    doc: "# internal-contradiction (CC002)

## What it does
Flags two figures in one document, in different sentences, of the same kind (two shares, two
counts), that measure the same thing of the same population, whose intervals do not overlap
once rounding and hedge words are allowed for. Headline and lede against the body are
included, and each of the two figures is reported, naming the other: the words alone do not
say which one is wrong.

Two figures measure the same thing when their phrases do, compared as words (after plurals,
synonyms and near-synonyms: workers / labour migrants / migrants working in …; trafficked /
victims of trafficking): the populations share a word, each outcome is named by the other's
words, most words of the shorter phrase are in the longer, and neither narrows the other to a
subgroup with a modifier the other lacks (“the population” and “the indigenous population”; a
place or nationality may be left out by the later figure, which refers back: “Indonesian
fishers” … “the returning fishers”). Words that set groups apart (domestic / factory workers;
women / children) make two measures.

Hedges are read as people mean them (see the model's conventions): “nearly five million” is
just below five million ([4.25, 5) million with the default `nearly` of 15%), “more than a
quarter” is above 25%, “one in four” is 25% ± 10%. “Most” and “the majority” are read as more
than half where they quantify a population (“most of the children”, “the majority of migrant
domestic workers”), and as no figure where they do not (“the most exposed”, “at most”, “most
often”, “majority-owned”): “The majority of migrant domestic workers in Hong Kong work more
than 70 hours a week” contradicts “46 percent of migrant domestic workers in Hong Kong worked
more than 70 hours a week”.

A count written after “these” or “those” (“Of these 45.8 million, …”, “those 15,000
workers”) points back to a group already counted: when no figure in its sentence or the
sentences just before gives it, no two in a row add up to it, and the nearest earlier count of
the same thing is within a factor of two of it, it is reported against that count. “Of these
2,000 were children”, where the comma after “these” was left out, is not read as one.

## Why it matters
The lede says “nearly a third”, a later paragraph “23 percent” of the same group: one of them
is wrong, and the reader cannot tell which.

## Example
“Nearly a fifth of Nepali women who went to work in Gulf households were trafficked” … “27
percent of Nepali women returning from domestic work in the Gulf had been victims of
trafficking”: [17, 20) against [26.5, 27.5).

## Options
Counts must be of 1,000 or more, and vague quantities (“millions”) are left out, since their
bound is a convention; a majority is kept, since its bound is what the words mean, and is
compared like any share: only with a figure of the same measure of the same population. A figure that is one end of a change (“rose from 12,000 to 18,000”) or
the change itself (“ten million more”) is left out, as it describes another time. Years given
with both figures must be the same. The hedge tolerances (`nearly`, `just-over`, `fraction`,
`about`) are settings of `[tolerances]`.
",
    check,
};

/// How far apart, in bytes, two figures may stand to be compared.
const WITHIN: usize = 50_000;

/// How many of the figures after it each figure is compared with. An article holds a few
/// dozen comparable figures; a table or a log may hold thousands within [`WITHIN`], and
/// comparing each with all of them made the rule quadratic in their number.
const MAX_COMPARED: usize = 256;

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

fn check(doc: &Document<'_>, _context: &Context<'_>, out: &mut Vec<Finding>) {
    let qs = &doc.quantities;
    // Candidates: shares, and counts of 1,000 or more with a counted noun; never vague
    // quantities, whose bound is a convention, but a majority, whose bound ("more than
    // half") is what the words mean.
    let eligible = |c: &&ClaimContext<'_>| {
        let vague = c.mention.qualifier == Some(claimcheck_parser::Qualifier::Vague)
            && c.mention.form != claimcheck_parser::Form::Majority;
        let large_count = c.quantity.dimension == Dimension::Count
            && c.mention.unit.is_some()
            && c.quantity.nominal.low >= 1000.0;
        !vague
            && !c.quantity.reversed()
            && (c.quantity.dimension == Dimension::Percent || large_count)
            && c.claim.subject.is_some()
    };
    // Each candidate with its measure, worked out once; none when the eligible figures all
    // stand in one sentence (the quantities are in the order of the text), since figures of
    // one sentence are never compared: a document of one sentence reads no measure.
    let eligible_figures: Vec<&ClaimContext<'_>> = qs.iter().filter(eligible).collect();
    let apart = eligible_figures
        .first()
        .zip(eligible_figures.last())
        .is_some_and(|(first, last)| first.claim.sentence != last.claim.sentence);
    let candidates: Vec<(&ClaimContext<'_>, Measure)> = if apart {
        eligible_figures
            .into_iter()
            .filter(|c| !in_change(doc, c))
            .map(|c| (c, Measure::of(doc, c)))
            .filter(|(_, m)| m.all().len() >= 2)
            .collect()
    } else {
        Vec::new()
    };
    let same = |x: Option<Span>, y: Option<Span>| match (x, y) {
        (None, None) => true,
        (Some(x), Some(y)) => doc.slice(x).eq_ignore_ascii_case(doc.slice(y)),
        _ => false,
    };
    // Each figure is reported once, naming the first figure it contradicts.
    let mut reported: std::collections::HashSet<(usize, usize)> = Default::default();
    for (i, (a, ma)) in candidates.iter().enumerate() {
        for (b, mb) in candidates[i + 1..].iter().take(MAX_COMPARED) {
            // An article's headline and body lie within this distance; beyond it, a text is
            // a collection, and comparing every pair would be quadratic.
            if b.mention.span.start - a.mention.span.start > WITHIN {
                break;
            }
            if a.claim.sentence == b.claim.sentence
                || a.quantity.dimension != b.quantity.dimension
                || a.quantity.per != b.quantity.per
                || a.quantity.interval.overlaps(&b.quantity.interval)
                || !same(a.claim.subgroup, b.claim.subgroup)
                || !ma.same(mb)
                || !times_agree(doc, a, b)
                || gives_elsewhere(doc, a, b)
                || gives_elsewhere(doc, b, a)
            {
                continue;
            }
            // Neither can be told the wrong one from the words alone: each is reported,
            // with the other beside it.
            for (here, there, position) in [(b, a, "earlier"), (a, b, "later")] {
                if !reported.insert((here.mention.span.start, here.mention.span.end)) {
                    continue;
                }
                out.push(finding(doc, here, there, position));
            }
        }
    }
    let before = out.len();
    back_reference::check(doc, out);
    // A figure already reported as contradicting another keeps that finding only.
    let mut k = before;
    while k < out.len() {
        if reported.contains(&(out[k].span.start, out[k].span.end)) {
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// The finding about `here`, which `there` contradicts.
fn finding(
    doc: &Document<'_>,
    here: &ClaimContext<'_>,
    there: &ClaimContext<'_>,
    position: &'static str,
) -> Finding {
    let contradiction = Contradiction {
        here: Side::of(doc, here),
        there: Side::of(doc, there),
        position,
    };
    let mut f = contradiction.finding(doc, here);
    f.related.push(Related {
        span: there.mention.span,
        text: contradiction.there.claim.to_owned(),
        label: contradiction.related_label(),
    });
    f.against(
        Against::Claim,
        doc.slice(there.mention.span),
        there.quantity.interval,
    )
}

/// Whether a figure is one end of a change or the change itself ("rose from 12,000 to
/// 18,000", "ten million more than five years earlier"): its sentence reports a change and
/// holds another figure of its kind, or the figure is followed by "more" or "fewer".
fn in_change(doc: &Document<'_>, c: &ClaimContext<'_>) -> bool {
    // Read only for a sentence with another figure of the kind (it lowercases the sentence).
    let changes = || {
        let sentence = doc.sentence(c).to_lowercase();
        CHANGE_WORDS.iter().any(|w| sentence.contains(w))
    };
    // The quantities are in the order of the text: those of this sentence lie together.
    let first = doc
        .quantities
        .partition_point(|o| o.mention.span.start < c.claim.sentence.start);
    let others = doc.quantities[first..]
        .iter()
        .take_while(|o| o.mention.span.start < c.claim.sentence.end)
        .any(|o| {
            o.claim.sentence == c.claim.sentence
                && o.mention.span != c.mention.span
                && o.quantity.dimension == c.quantity.dimension
        });
    let after: String = doc
        .text
        .get(c.mention.span.end..c.claim.sentence.end)
        .unwrap_or("")
        .trim_start()
        .chars()
        .take(6)
        .flat_map(char::to_lowercase)
        .collect();
    (others && changes()) || after.starts_with("more ") || after.starts_with("fewer ")
}

/// Whether the sentence of `a` gives `b`'s number to something else: "8,842,294 veterans …,
/// 1,589,568 of which were individuals with disabilities" … "of the 1,589,568 civilian
/// veterans with disabilities": the writer told the two apart where both stand, so a later
/// "1,589,568" is that part again, not another count of the whole.
fn gives_elsewhere(doc: &Document<'_>, a: &ClaimContext<'_>, b: &ClaimContext<'_>) -> bool {
    let first = doc
        .quantities
        .partition_point(|o| o.mention.span.start < a.claim.sentence.start);
    doc.quantities[first..]
        .iter()
        .take_while(|o| o.mention.span.start < a.claim.sentence.end)
        .any(|o| {
            o.mention.span != a.mention.span
                && o.quantity.dimension == b.quantity.dimension
                && o.quantity.interval.overlaps(&b.quantity.interval)
        })
}

/// Whether two figures' times can be the same: none given, or the same words, or no year
/// in one that the other lacks ("in the past year" against nothing).
fn times_agree(doc: &Document<'_>, a: &ClaimContext<'_>, b: &ClaimContext<'_>) -> bool {
    let years = |c: &ClaimContext<'_>| -> BTreeSet<String> {
        c.claim
            .time
            .map(|t| {
                doc.slice(t)
                    .split(|ch: char| !ch.is_ascii_digit())
                    .filter(|w| w.len() == 4)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    let (ya, yb) = (years(a), years(b));
    ya.is_empty() || yb.is_empty() || ya == yb
}

fn slice<'a>(doc: &Document<'a>, s: Option<Span>) -> &'a str {
    s.map_or("", |s| doc.slice(s))
}

/// One figure of a contradiction, as its sentence gives it.
struct Side<'a> {
    /// The figure as written.
    claim: &'a str,
    /// Its population as written ("" when none).
    subject: &'a str,
    /// The figure.
    quantity: &'a Quantity,
    /// Its source as written, if the sentence names one.
    source: Option<&'a str>,
}

impl<'a> Side<'a> {
    fn of(doc: &'a Document<'_>, c: &'a ClaimContext<'_>) -> Side<'a> {
        Side {
            claim: doc.slice(c.mention.span),
            subject: slice(doc, c.claim.subject),
            quantity: &c.quantity,
            source: c.claim.source.as_ref().map(|s| doc.slice(s.span)),
        }
    }
}

/// Two figures about the same measure of the same population whose intervals do not meet.
struct Contradiction<'a> {
    /// The figure the finding is about.
    here: Side<'a>,
    /// The figure it contradicts.
    there: Side<'a>,
    /// Where the other stands: "earlier" or "later".
    position: &'static str,
}

impl Contradiction<'_> {
    /// The label of the other figure: "the earlier figure: 17%–20%".
    fn related_label(&self) -> String {
        format!(
            "the {} figure: {}",
            self.position,
            readable(self.there.quantity)
        )
    }
}

impl Violation for Contradiction<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        format!(
            "“{}” contradicts “{}” {} in the document, about the same measure of the \
             same population ({}): {} against {}",
            self.here.claim,
            self.there.claim,
            self.position,
            self.here.subject,
            readable(self.here.quantity),
            readable(self.there.quantity),
        )
    }

    fn label(&self) -> String {
        format!("here: {}", readable(self.here.quantity))
    }

    fn notes(&self) -> Vec<String> {
        let (here, there) = (&self.here, &self.there);
        let mut notes: Vec<String> = here
            .quantity
            .readings
            .iter()
            .map(ToString::to_string)
            .collect();
        notes.push(format!(
            "the other figure: “{}” {} about “{}”{}",
            there.claim,
            readable(there.quantity),
            there.subject,
            there
                .source
                .map(|s| format!(", from {s}"))
                .unwrap_or_default()
        ));
        notes.extend(there.quantity.readings.iter().map(ToString::to_string));
        notes.extend(rounding_note(
            &here.quantity.interval,
            &there.quantity.interval,
        ));
        notes
    }
}
