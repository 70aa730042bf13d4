//! `population-mismatch`: a figure applied to a wider or other population than the one
//! measured.

use crate::document::{ClaimContext, Document};
use crate::finding::{Finding, Severity};
use crate::matching::StudyMatch;
use crate::registry::{Basis, Concept, Measure, Scope, Study};
use crate::rules::{Context, Rule, Violation};
use crate::vocab;

pub(crate) const RULE: Rule = Rule {
    name: "population-mismatch",
    code: "CC103",
    severity: Severity::Warning,
    default_on: true,
    summary: "a figure is applied to a wider or other population than the one measured",
    doc: "# population-mismatch (CC103)

## What it does
Flags a figure distinctive enough to be one part's figure given for the whole, when no
figure of its topic for what the sentence names fits it: a form's profits (US$21,800 a year is
the profit per victim of forced commercial sexual exploitation, not of all forced labour), or
a region's or country's figure (15.1 million in forced labour: Asia and the Pacific, 2021)
given for the world (“worldwide”, “globally”).

Flags a figure that matches a registry figure measured in a particular group (a local study,
a sample, the deportees at one crossing) when the sentence keeps none of the words that
describe that group (the row's `population_terms`: “deported”, “Poipet”, “surveyed”…). The
message names what the study measured.

With `--against SOURCE` (a study's own text), a figure that cites the source and whose value
the source gives for a population the article's sentence does not keep (“41 percent of
tenants facing eviction” cited as “41 percent of all tenants”) is flagged with the source's
sentence, page and line.

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

fn check(doc: &Document<'_>, context: &Context<'_>, out: &mut Vec<Finding>) {
    // Figures looked up in a study's own text (`--against`).
    super::against::other_populations(&RULE, doc, context, out);
    for c in &doc.quantities {
        if let Some(f) = part_as_whole(doc, c) {
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
        let wider = PopulationMismatch::Wider {
            claim: doc.slice(c.mention.span),
            applied_to: c.claim.subject.map_or("its population", |s| doc.slice(s)),
            study: m.study,
        };
        out.push(wider.finding(doc, c).about_at(m.study, m.interval));
    }
}

/// A figure given for another population than the one measured.
enum PopulationMismatch<'a> {
    /// A local or sampled group's rate applied to a wider population.
    Wider {
        /// The claim as written.
        claim: &'a str,
        /// The population the article gives it for, as written.
        applied_to: &'a str,
        /// The row measured in the narrower group.
        study: &'a Study,
    },
    /// A place's figure given for the world.
    PlaceForWorld {
        /// The claim as written.
        claim: &'a str,
        /// The place's row.
        study: &'a Study,
    },
    /// A part's figure (one form of profits) given for all.
    PartForAll {
        /// The claim as written.
        claim: &'a str,
        /// The part's row.
        study: &'a Study,
    },
}

impl Violation for PopulationMismatch<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        match self {
            PopulationMismatch::Wider {
                claim,
                applied_to,
                study,
            } => format!(
                "“{claim}” applies the figure to “{applied_to}”, but {} measured: {}",
                study.publisher, study.population
            ),
            PopulationMismatch::PlaceForWorld { claim, study } => format!(
                "“{claim}” is given for the world, but it is {}'s figure for {} only",
                study.publisher, study.geography
            ),
            PopulationMismatch::PartForAll { claim, study } => format!(
                "“{claim}” is given for all, but it is {}'s figure for a part: {}",
                study.publisher, study.population
            ),
        }
    }

    fn label(&self) -> String {
        match self {
            PopulationMismatch::Wider { study, .. }
            | PopulationMismatch::PlaceForWorld { study, .. } => {
                format!("measured in {}", study.geography)
            }
            PopulationMismatch::PartForAll { .. } => "a part's figure".to_owned(),
        }
    }

    fn notes(&self) -> Vec<String> {
        vec![
            match self {
                PopulationMismatch::Wider { .. } => {
                    "a rate found in one group is applied to a larger one"
                }
                PopulationMismatch::PlaceForWorld { .. }
                | PopulationMismatch::PartForAll { .. } => {
                    "a figure measured in a part is given for the whole"
                }
            }
            .to_owned(),
        ]
    }
}

/// A part's figure given for the whole: the value is distinctive enough to name one row of
/// its topic that is about a place or a form of profits ("15.1 million" in forced labour,
/// Asia and the Pacific; US$21,800 a year, the profit per victim of forced commercial sexual
/// exploitation), the sentence names none of it, and no figure of the topic for what it does
/// name fits. A place's figure must be given for the world
/// ("worldwide", "globally"): "in the region" names it in other words. A sentence that refers
/// back ("Of these, …", "they") may have named the part before, and is left alone.
pub(crate) fn part_row<'m, 'a>(c: &'m ClaimContext<'a>) -> Option<&'m StudyMatch<'a>> {
    let r = &c.reading;
    if c.considered.iter().any(|m| m.topic && m.subgroup && m.fits) {
        return None;
    }
    // Read only for a row that gets that far.
    let refers_back = || {
        vocab::any(&r.sentence, vocab::ANAPHORA)
            || vocab::any(&r.sentence, &["them", "whom", "which"])
    };
    c.considered.iter().find(|m| {
        // Read only for a row that gets that far (it lowercases the row's words).
        let place =
            || matches!(m.study.scope, Scope::Regional | Scope::National) && only_a_place(m.study);
        m.topic
            && !m.subgroup
            && m.fits
            && m.distinctive
            && m.year_ok != Some(false)
            && !m.study.subgroup.trim().is_empty()
            && if place() {
                r.worldwide
            } else {
                // The forms and sectors of one total of profits are named in few words
                // ("sexual", "domestic"); the parts of a population in many, and are not
                // judged; nor are shares, which round fractions ("two-thirds") fit.
                m.study.concept == Concept::Profits
                    && m.study.measure == Measure::Money
                    && !refers_back()
            }
    })
}

/// The finding for [`part_row`].
fn part_as_whole(doc: &Document<'_>, c: &ClaimContext<'_>) -> Option<Finding> {
    let m = part_row(c)?;
    let place = matches!(m.study.scope, Scope::Regional | Scope::National) && only_a_place(m.study);
    let (claim, study) = (doc.slice(c.mention.span), m.study);
    let part = if place {
        PopulationMismatch::PlaceForWorld { claim, study }
    } else {
        PopulationMismatch::PartForAll { claim, study }
    };
    Some(part.finding(doc, c).about_at(m.study, m.interval))
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
