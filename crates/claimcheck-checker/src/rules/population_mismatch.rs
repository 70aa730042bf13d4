//! `population-mismatch`: a figure applied to a wider or other population than the one
//! measured.

use crate::document::{ClaimContext, Document};
use crate::finding::{Finding, Severity};
use crate::registry::{Basis, Scope};
use crate::rules::{Context, Rule};
use crate::vocab;

pub(crate) const RULE: Rule = Rule {
    name: "population-mismatch",
    code: "CC103",
    severity: Severity::Warning,
    default_on: true,
    summary: "a figure is applied to a wider or other population than the one measured",
    doc: "# population-mismatch (CC103)

## What it does
Flags a figure distinctive enough to be one region's or country's figure (15.1 million in
forced labour: Asia and the Pacific, 2021) given for the world (“worldwide”, “globally”) when
no global figure of its topic fits it. Flags a figure that matches a registry figure measured
in a particular group (a local study,
a sample, the deportees at one crossing) when the sentence keeps none of the words that
describe that group (the row's `population_terms`: “deported”, “Poipet”, “surveyed”…). The
message names what the study measured.

## Why it matters
A rate found in one group is not the rate of a larger one. The 23 percent of a 2010 UNIAP
study is the share of 400 Cambodians deported through Poipet who were classed as trafficked,
not of “all Cambodian labor migrants in Thailand”.

## Example
“A 2010 UNIAP study found that 23 percent of all Cambodian labor migrants in Thailand fall
victim to human trafficking.”

## Options
None.
",
    check,
};

fn check(doc: &Document<'_>, _cx: &Context<'_>, out: &mut Vec<Finding>) {
    for c in &doc.quantities {
        if let Some(f) = region_as_world(doc, c) {
            out.push(f);
            continue;
        }
        let Some(m) = c.fitting() else {
            continue;
        };
        let narrow = m.study.scope == Scope::Local || m.study.basis == Basis::Sample;
        if !narrow || m.study.population_terms.is_empty() {
            continue;
        }
        if vocab::any_registry_term(&c.reading.sentence, &m.study.population_terms) {
            continue;
        }
        let claimed = c.claim.subject.map_or("its population", |s| doc.slice(s));
        let mut f = RULE.on(
            doc,
            c,
            format!(
                "“{}” applies the figure to “{}”, but {} measured: {}",
                doc.slice(c.mention.span),
                claimed,
                m.study.publisher,
                m.study.population
            ),
            format!("measured in {}", m.study.geography),
        );
        f.notes
            .push("a rate found in one group is applied to a larger one".to_owned());
        out.push(f.about_at(m.study, m.interval));
    }
}

/// A region's or a country's figure given for the whole world: the value is distinctive
/// enough to name one regional row of its topic ("15.1 million" in forced labour is Asia and
/// the Pacific's), the sentence names no place of it but says "worldwide", and no global
/// figure of the topic fits.
fn region_as_world(doc: &Document<'_>, c: &ClaimContext<'_>) -> Option<Finding> {
    if !c.reading.worldwide {
        return None;
    }
    if c.considered
        .iter()
        .any(|m| m.topic && m.subgroup && m.fits && m.study.scope == Scope::Global)
    {
        return None;
    }
    let m = c.considered.iter().find(|m| {
        m.topic
            && !m.subgroup
            && m.fits
            && m.distinctive
            && m.year_ok != Some(false)
            && only_a_place(m.study)
            && matches!(m.study.scope, Scope::Regional | Scope::National)
    })?;
    let mut f = RULE.on(
        doc,
        c,
        format!(
            "“{}” is given for the world, but it is {}'s figure for {} only",
            doc.slice(c.mention.span),
            m.study.publisher,
            m.study.geography
        ),
        format!("measured in {}", m.study.geography),
    );
    f.notes
        .push("a region's or a country's figure is given for the whole world".to_owned());
    Some(f.about_at(m.study, m.interval))
}

/// Whether a row's subgroup names only its place (`Asia|Pacific` for Asia and the Pacific),
/// not a group of people in it (`child`).
fn only_a_place(study: &crate::registry::Study) -> bool {
    let place = study.geography.to_lowercase();
    study
        .subgroup
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .all(|a| place.contains(&a.to_lowercase()))
}
