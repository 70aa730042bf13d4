//! `detected-as-all`: victims detected or identified by authorities presented as all victims.

use claimcheck_model::Dimension;

use crate::document::{ClaimContext, Document};
use crate::finding::{Finding, Severity};
use crate::matching::{Attribution, StudyMatch};
use crate::registry::{Basis, Concept, Study};
use crate::rules::base_mismatch::{BaseViolation, Owner, states_its_total};
use crate::rules::{Context, Rule, Violation};

pub(crate) const RULE: Rule = Rule {
    name: "detected-as-all",
    code: "CC106",
    severity: Severity::Warning,
    default_on: true,
    summary: "victims detected by authorities presented as all victims",
    doc: "# detected-as-all (CC106)

## What it does
Flags a figure about victims *detected* or *identified* by authorities presented as one about
all victims (“of all victims”, “victims worldwide”, “globally”): a share that matches one
registry row counting detected or identified victims, or a round one (“30 percent”) when
every figure of its topic and subgroup that it fits counts detected victims. “62% of victims”
in a region, with no such word, is the publisher's own shorthand and stays quiet, as does a
sentence that says the victims were detected, or that states the count its shares are of.

It is one of the rules of the `base-mismatch` group (CC104).

## Why it matters
Detected victims are those that reached the police, courts or shelters; who gets detected
depends on where authorities look. A share of them is not a share of all victims, and
presenting it so tells readers who the victims are with more confidence than anyone has.

## Example
“UNODC says 38 percent of all trafficking victims are children.” UNODC's figure is a share of
detected victims.

## Options
None. A round fraction (“a third”) is recognised against one row only when the sentence
names its source. A figure gets at most one finding of the `base-mismatch` group (see its
page).
",
    check,
};

/// Detected or identified victims presented as all victims.
pub(super) enum DetectedAsAll<'a> {
    /// The row the claim fits counts detected or identified victims.
    Row {
        /// The claim as written.
        claim: &'a str,
        /// The row it fits.
        study: &'a Study,
    },
    /// Every row of its topic and subgroup it fits is a share of detected or identified
    /// victims.
    EveryFit {
        /// The claim as written.
        claim: &'a str,
        /// The first row it fits.
        study: &'a Study,
    },
}

impl<'a> DetectedAsAll<'a> {
    /// The registry figure the finding is about.
    fn study(&self) -> &'a Study {
        match self {
            DetectedAsAll::Row { study, .. } | DetectedAsAll::EveryFit { study, .. } => study,
        }
    }
}

impl Violation for DetectedAsAll<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        match self {
            DetectedAsAll::Row { claim, study } => format!(
                "“{claim}” describes all victims, but {} counts {}",
                study.publisher,
                study.concept.in_words()
            ),
            DetectedAsAll::EveryFit { claim, study } => format!(
                "“{claim}” describes all victims, but the figure it fits ({}) is a share of victims {} by authorities",
                study.publisher, study.basis
            ),
        }
    }

    fn label(&self) -> String {
        match self {
            DetectedAsAll::Row { study, .. } => {
                format!("{} presented as all victims", study.concept.in_words())
            }
            DetectedAsAll::EveryFit { study, .. } => {
                format!("{} victims presented as all victims", study.basis)
            }
        }
    }
}

fn check(doc: &Document<'_>, context: &Context<'_>, out: &mut Vec<Finding>) {
    for (at, c) in doc.quantities.iter().enumerate() {
        if let Some(BaseViolation::DetectedAsAll(v)) =
            context.base.judge_for(doc, at, c, Owner::DetectedAsAll)
        {
            out.push(v.finding(doc, c).about(v.study()));
        }
    }
}

/// The row the claim fits counts detected or identified victims, and the claim's sentence
/// speaks of all victims.
pub(super) fn of_row<'a>(
    doc: &'a Document<'_>,
    c: &'a ClaimContext<'_>,
    m: &'a StudyMatch<'_>,
) -> Option<DetectedAsAll<'a>> {
    let (study, r) = (m.study, &c.reading);
    let detected = matches!(study.basis, Basis::Detected | Basis::Identified)
        || matches!(
            study.concept,
            Concept::DetectedVictims | Concept::IdentifiedVictims
        );
    (detected
        && !r.sentence_detection
        && r.all_victims
        && !states_its_total(doc, c)
        // A round fraction ("a third") is recognised only through a named source.
        && (m.distinctive || m.attribution == Attribution::Named))
        .then(|| DetectedAsAll::Row {
            claim: doc.slice(c.mention.span),
            study,
        })
}

/// A share of a group among victims that only detected-victim figures give ("30 percent of
/// all trafficking victims are children"), presented as a share of all victims everywhere
/// ([`crate::vocab::ALL_VICTIMS`]). Every row of the topic, subgroup and value is a count of
/// detected or identified victims, so whichever edition it is, it is not a share of all
/// victims.
pub(super) fn every_fit<'a>(
    doc: &'a Document<'_>,
    c: &'a ClaimContext<'_>,
) -> Option<DetectedAsAll<'a>> {
    // "Of (all) victims": a share of people in forced labour who were trafficked is another
    // measure.
    if c.quantity.dimension != Dimension::Percent
        || c.reading.sentence_detection
        || !c.reading.sentence_victims
        || !c.reading.all_victims
    {
        return None;
    }
    if states_its_total(doc, c) {
        return None;
    }
    // A round fraction ("a third", "30 percent") is recognised too: it is not one row's
    // figure, but every figure of the topic and subgroup that it fits is a share of detected
    // victims, so whichever it is, it is not a share of all victims.
    let fitting: Vec<_> = c
        .considered
        .iter()
        .filter(|m| m.topic && m.subgroup && m.fits && !m.study.subgroup.is_empty())
        .collect();
    let first = fitting.first()?;
    if !fitting
        .iter()
        .all(|m| matches!(m.study.basis, Basis::Detected | Basis::Identified))
    {
        return None;
    }
    Some(DetectedAsAll::EveryFit {
        claim: doc.slice(c.mention.span),
        study: first.study,
    })
}
