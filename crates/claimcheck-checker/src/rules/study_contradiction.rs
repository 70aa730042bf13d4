//! `study-contradiction`: a claim that does not fit the study it cites.

use crate::document::Document;
use crate::finding::{Against, Finding, Severity};
use crate::matching::Confidence;
use crate::rules::{
    Context, Rule, cite, describe, near_miss, rounding_note, short_cite, source_note,
};

pub(crate) const RULE: Rule = Rule {
    name: "study-contradiction",
    code: "CC001",
    severity: Severity::Error,
    default_on: true,
    summary: "a figure does not fit the study it cites",
    doc: "# study-contradiction (CC001)

## What it does
Flags a figure attributed to a study in the registry (by publisher or alias, and year when one
is given) whose interval does not overlap any of that study's figures for the same concept and
subgroup. The message gives both intervals and, when one explains the difference, the slip it
probably is: swapped digits, a dropped digit, million for billion.

## Why it matters
A reader who checks the source finds another number, and the article loses its credibility.

## Example
“A 2010 UNIAP study found that 28 percent of Cambodian migrants were trafficked.” The study
reports 23 percent ([22.5, 23.5) once rounding is allowed); 28 percent is [27.5, 28.5).

## Options
Tolerances come from the model's conventions (rounding, hedge words). Only high-confidence
matches (attribution, concept and subgroup all agree) about the same measure (a year that
fits the figure's, or a subject that shares words with its population) raise this error.
",
    check,
};

fn check(doc: &Document<'_>, _cx: &Context<'_>, out: &mut Vec<Finding>) {
    for c in &doc.quantities {
        let cited: Vec<_> = c
            .matches
            .iter()
            .filter(|m| m.confidence == Confidence::High && m.year_ok != Some(false))
            .collect();
        // A contradiction needs the same measure, not just the same publisher and concept:
        // "the IOM reports 922 migrants died in 2025" is not about its 2014 figures.
        let cited: Vec<_> = cited.into_iter().filter(|m| m.same_measure).collect();
        if cited.is_empty() || cited.iter().any(|m| m.overlaps) {
            continue;
        }
        let m = cited[0];
        let published = claimcheck_model::quantity::show(&m.interval);
        let mut f = RULE.on(
            doc,
            c,
            format!(
                "“{}” contradicts the figure it cites: {} reports {} {}",
                doc.slice(c.mention.span),
                m.study.publisher,
                m.study.value_text,
                published
            ),
            format!("the article: {}", describe(c)),
        );
        f.notes.push(format!("the study: {}", cite(m.study)));
        if let Some(note) = rounding_note(&c.quantity.interval, &m.interval) {
            f.notes.push(note);
        }
        if let Some(slip) = near_miss(c.quantity.nominal[0], m.study.claim_value()) {
            f.notes.push(format!("help: probably {slip}"));
        }
        f.notes.push(source_note(m.study));
        f.study = Some(m.study.id.clone());
        out.push(f.against(Against::Study, short_cite(m.study), m.interval));
    }
}
