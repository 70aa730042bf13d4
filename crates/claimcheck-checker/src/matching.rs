//! Matching a claim to the registry figures it may cite.
//!
//! A figure is a candidate when the claim is of its kind (a share for a share, a count for a
//! count, money for money). Its confidence:
//! - **high**: the claim is attributed to the figure's publisher (or an alias), the year
//!   given with the attribution (if any) is its publication or reference year, its sentence
//!   names the figure's concept ("forced labour", "trafficking"…) and any subgroup the figure
//!   is about ("women", "children");
//! - **medium**: no attribution, but the concept and subgroup agree and the claim's
//!   interval overlaps a distinctive figure (three or more significant digits: 40.3 million,
//!   not 20 percent);
//! - anything else is not a candidate.
//!
//! Only high-confidence matches raise errors.

use claimcheck_model::{Interval, ModelConventions, Quantity};
use claimcheck_parser::{Claim, Extractor, Mention};

use crate::registry::{Registry, Study};

/// How sure a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    /// Value, concept and subgroup agree, but nothing names the source.
    Medium,
    /// The claim names the source, and concept and subgroup agree.
    High,
}

/// A registry figure a claim may cite.
#[derive(Debug, Clone)]
pub struct StudyMatch<'a> {
    /// The figure.
    pub study: &'a Study,
    /// Every value its published words allow.
    pub interval: Interval,
    /// How sure the match is.
    pub confidence: Confidence,
    /// Whether the claim's year (publication or reference) fits; `None` when it gives none.
    pub year_ok: Option<bool>,
    /// Whether the claim's interval overlaps the figure's.
    pub overlaps: bool,
    /// Whether the claim is about the figure's measure, not just its concept: a year given
    /// with the attribution or the claim fits the figure's, or the claim's subject shares
    /// words with the figure's population and measure.
    pub same_measure: bool,
}

/// The words that name each concept in prose, as lowercase stems.
pub const CONCEPT_WORDS: &[(&str, &[&str])] = &[
    (
        "modern_slavery",
        &[
            "modern slavery",
            "modern-day slavery",
            "slavery",
            "enslaved",
        ],
    ),
    (
        "forced_labour",
        &["forced labour", "forced labor", "forced to work"],
    ),
    ("forced_marriage", &["forced marriage", "forced to marry"]),
    (
        "forced_sexual_exploitation",
        &[
            "sexual exploitation",
            "commercial sex",
            "forced prostitution",
        ],
    ),
    ("trafficking", &["traffick"]),
    ("detected_victims", &["victim"]),
    ("identified_victims", &["victim"]),
    ("child_labour", &["child labour", "child labor"]),
    ("profits", &["profit"]),
    ("migration", &["migrant", "migrat"]),
    ("deportation", &["deport"]),
    ("wage_theft", &["paid", "wage", "pay"]),
    ("sample", &["interview", "survey", "sample", "respondent"]),
];

/// Whether `sentence` (lowercase) names the concept.
pub fn names_concept(sentence: &str, concept: &str) -> bool {
    CONCEPT_WORDS
        .iter()
        .filter(|(c, _)| *c == concept)
        .flat_map(|(_, words)| words.iter())
        .any(|w| sentence.contains(w))
}

/// The concepts a sentence (lowercase) names.
pub fn concepts_named(sentence: &str) -> Vec<&'static str> {
    CONCEPT_WORDS
        .iter()
        .filter(|(_, words)| words.iter().any(|w| sentence.contains(w)))
        .map(|(c, _)| *c)
        .collect()
}

/// Whether the claim's attribution names the figure's publisher or an alias.
pub fn cites(claim: &Claim, text: &str, study: &Study) -> bool {
    let Some(source) = &claim.source else {
        return false;
    };
    let written = &text[source.span.range()];
    study
        .names()
        .any(|n| source.name.as_deref() == Some(n) || contains_name(written, n))
}

/// Whole-word match; case-insensitive for names longer than an acronym.
fn contains_name(hay: &str, name: &str) -> bool {
    let (hay_l, name_l);
    let (h, n) = if name.len() > 5 {
        hay_l = hay.to_lowercase();
        name_l = name.to_lowercase();
        (hay_l.as_str(), name_l.as_str())
    } else {
        (hay, name)
    };
    h.match_indices(n).any(|(i, m)| {
        !h[..i].ends_with(|c: char| c.is_alphanumeric())
            && !h[i + m.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

/// Whether a figure is distinctive enough to be recognised without attribution.
fn distinctive(study: &Study) -> bool {
    let digits: String = format!("{}", study.value.abs())
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.trim_start_matches('0').trim_end_matches('0').len() >= 3
}

/// The years a claim gives: with its attribution and in its reference time.
fn claim_years(text: &str, claim: &Claim) -> Vec<u16> {
    let mut years: Vec<u16> = claim
        .source
        .as_ref()
        .and_then(|s| s.year)
        .into_iter()
        .collect();
    if let Some(t) = claim.time {
        years.extend(
            text[t.range()]
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|d| d.parse::<u16>().ok())
                .filter(|y| (1900..=2100).contains(y)),
        );
    }
    years
}

/// Whether every content word of a claim's subject (two or more) is in a figure's
/// description, after the subject module's normalisation: "Cambodian labor migrants in
/// Thailand" is described by "Cambodian migrant workers deported from Thailand …".
fn subject_words_overlap(subject: &str, described: &str) -> bool {
    let a = claimcheck_model::subject::words(subject);
    let b = claimcheck_model::subject::words(described);
    a.len() >= 2 && a.is_subset(&b)
}

/// Whether a claim pins its value down on both sides: a vague or one-sided figure ("dozens",
/// "more than 1,000") is too loose to be recognised without attribution.
fn bounded(q: &Quantity) -> bool {
    let (Some(lo), Some(hi)) = (q.interval.lo.value(), q.interval.hi.value()) else {
        return false;
    };
    hi <= lo * 1.5 + 1e-9
}

/// The registry figures a claim may cite, best first.
pub fn candidates<'a>(
    text: &str,
    mention: &Mention,
    claim: &Claim,
    quantity: &Quantity,
    registry: &'a Registry,
    extractor: &Extractor,
    conventions: &ModelConventions,
) -> Vec<StudyMatch<'a>> {
    let sentence = text[claim.sentence.range()].to_lowercase();
    let mut out = Vec::new();
    for study in &registry.studies {
        if study.kind() != Some(mention.kind) || study.measure == "change" {
            continue;
        }
        let concept_ok = names_concept(&sentence, &study.concept);
        let subgroup_ok = study.subgroup.is_empty()
            || study
                .subgroup
                .split('|')
                .any(|t| sentence.contains(&t.trim().to_lowercase()));
        if !concept_ok || !subgroup_ok {
            continue;
        }
        let interval = study.interval(extractor, conventions);
        let overlaps = quantity.interval.overlaps(&interval);
        let year_ok =
            claim.source.as_ref().and_then(|s| s.year).map(|y| {
                y == study.year || (study.reference_start..=study.reference_end).contains(&y)
            });
        let claim_years = claim_years(text, claim);
        let years_fit = claim_years
            .iter()
            .any(|y| *y == study.year || (study.reference_start..=study.reference_end).contains(y));
        let subject_fits = claim.subject.is_some_and(|s| {
            let described = format!("{} {}", study.population, study.measure);
            subject_words_overlap(&text[s.range()], &described)
        });
        let same_measure = years_fit || (claim_years.is_empty() && subject_fits);
        let confidence = if cites(claim, text, study) {
            Confidence::High
        } else if overlaps && distinctive(study) && bounded(quantity) {
            Confidence::Medium
        } else {
            continue;
        };
        out.push(StudyMatch {
            study,
            interval,
            confidence,
            year_ok,
            overlaps,
            same_measure,
        });
    }
    let target = quantity.nominal[0].abs().max(1e-9);
    out.sort_by(|a, b| {
        b.confidence
            .cmp(&a.confidence)
            .then(b.year_ok.unwrap_or(true).cmp(&a.year_ok.unwrap_or(true)))
            .then(b.overlaps.cmp(&a.overlaps))
            .then_with(|| {
                let da = (a.study.claim_value().abs().max(1e-9) / target).ln().abs();
                let db = (b.study.claim_value().abs().max(1e-9) / target).ln().abs();
                da.total_cmp(&db)
            })
    });
    out
}
