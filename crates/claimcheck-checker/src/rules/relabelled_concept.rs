//! `relabelled-concept`: one concept's figure under another's name.

use crate::document::{ClaimContext, Document};
use crate::finding::{Finding, Severity};
use crate::matching::{Attribution, StudyMatch};
use crate::registry::{Concept, Scope, Study};
use crate::rules::base_mismatch::{BaseViolation, Owner, names_both_parts};
use crate::rules::{Context, Rule, Violation};

pub(crate) const RULE: Rule = Rule {
    name: "relabelled-concept",
    code: "CC107",
    severity: Severity::Warning,
    default_on: true,
    summary: "one concept's figure under another's name (modern slavery called trafficking)",
    doc: "# relabelled-concept (CC107)

## What it does
Flags one concept's figure given under another's name: modern slavery or forced labour called
trafficking, child labour called forced labour, forced marriage called forced labour, all
forced-labour profits called trafficking profits. The figure must be distinctive enough to
stand for the other concept's figure alone (40.3 million, US$150 billion), or name its source
and be precise; and the sentence must name no concept that the figure belongs to, unless the
figure's own noun says what it counts (“11.4 million trafficked victims”). Forced labour and
forced marriage named together in the claim's predicate are read as modern slavery.

It is one of the rules of the `base-mismatch` group (CC104).

## Why it matters
“40.3 million victims of human trafficking” gives the modern-slavery total (forced labour and
forced marriage) to a crime it does not measure; readers then compare it with trafficking
prosecutions and draw the wrong conclusion.

## Example
“There are 40.3 million victims of human trafficking worldwide.”

## Options
None. A figure gets at most one finding of the `base-mismatch` group (see its page).
",
    check,
};

/// The concepts whose figures are relabelled as each other: the victim populations, and the
/// profits of forced labour.
fn conflated() -> impl Iterator<Item = Concept> {
    Concept::VICTIM_POPULATIONS
        .iter()
        .copied()
        .chain([Concept::Profits])
}

/// Whether naming `named` for a figure of `actual` is a relabelling: the concepts that a
/// figure of each concept may not be called.
fn relabels(actual: Concept, named: Concept) -> bool {
    use Concept::*;
    matches!(
        (actual, named),
        (ModernSlavery, Trafficking | ForcedLabour)
            | (ForcedLabour, Trafficking)
            | (ChildLabour, ForcedLabour | Trafficking | ModernSlavery)
            | (ForcedMarriage, Trafficking | ForcedLabour)
            | (ForcedSexualExploitation, Trafficking)
    )
}

/// One concept's figure under another's name.
pub(super) enum Relabelled<'a> {
    /// The profits of all forced labour called trafficking's.
    Profits {
        /// The claim as written.
        claim: &'a str,
        /// The profits row it fits.
        study: &'a Study,
    },
    /// A figure of one concept called by others' names.
    Concept {
        /// The claim as written.
        claim: &'a str,
        /// The row it is.
        study: &'a Study,
        /// The names the sentence gives it that the row's concept may not be called.
        called: Vec<Concept>,
    },
}

impl<'a> Relabelled<'a> {
    /// The registry figure the finding is about.
    fn study(&self) -> &'a Study {
        match self {
            Relabelled::Profits { study, .. } | Relabelled::Concept { study, .. } => study,
        }
    }
}

impl Violation for Relabelled<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        match self {
            Relabelled::Profits { claim, study } => format!(
                "“{claim}” is {}'s estimate of the profits of all forced labour, but the sentence calls it trafficking's",
                study.publisher
            ),
            Relabelled::Concept {
                claim,
                study,
                called,
            } => format!(
                "“{claim}” is {}'s figure for {}, but the sentence calls it {}",
                study.publisher,
                study.concept.in_words(),
                called
                    .iter()
                    .map(|k| k.in_words())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    fn label(&self) -> String {
        match self {
            Relabelled::Profits { .. } => "forced-labour profits as trafficking profits".to_owned(),
            Relabelled::Concept { study, .. } => format!("a {} figure", study.concept.in_words()),
        }
    }
}

fn check(doc: &Document<'_>, context: &Context<'_>, out: &mut Vec<Finding>) {
    for (at, c) in doc.quantities.iter().enumerate() {
        if let Some(BaseViolation::Relabelled(v)) =
            context.base.judge_for(doc, at, c, Owner::Relabelled)
        {
            out.push(v.finding(doc, c).about(v.study()));
        }
    }
}

/// The row the claim fits is the profits of all forced labour, and its sentence names
/// trafficking and not forced labour.
pub(super) fn profits<'a>(
    doc: &'a Document<'_>,
    c: &'a ClaimContext<'_>,
    m: &'a StudyMatch<'_>,
) -> Option<Relabelled<'a>> {
    let (study, r) = (m.study, &c.reading);
    (study.concept == Concept::Profits
        && study.subgroup.is_empty()
        && r.concepts.contains(&Concept::Trafficking)
        && !r.concepts.contains(&Concept::ForcedLabour))
    .then(|| Relabelled::Profits {
        claim: doc.slice(c.mention.span),
        study,
    })
}

/// One concept's figure under another's name: the figure fits a row whose concept the
/// sentence does not name, distinctively (or by attribution), and the sentence names a
/// concept that the row's figure may not be called.
pub(super) fn by_name<'a>(
    doc: &'a Document<'_>,
    c: &'a ClaimContext<'_>,
) -> Option<Relabelled<'a>> {
    let r = &c.reading;
    if r.concepts.is_empty() {
        return None;
    }
    // What the figure's own counted noun calls it ("11.4 million trafficked victims"): that
    // names what the figure counts, whatever else the sentence names ("the largest share of
    // forced labor victims"). The noun is its unit, or a subject written right after it.
    let own = |span: claimcheck_parser::Span| {
        let words = crate::vocab::tokens_within(
            &c.reading.sentence,
            c.claim.sentence,
            doc.text,
            span.start,
            span.end,
        );
        // Every concept's words found in one pass, not each concept's in a pass of its own.
        let named = crate::vocab::LEXICONS.concepts_in(&words);
        conflated()
            .filter(|k| named.contains(k))
            .collect::<Vec<_>>()
    };
    let mut counted: Vec<Concept> = c.mention.unit.map_or_else(Vec::new, own);
    counted.extend(&r.verb_concepts);
    if let Some(subject) = c.claim.subject
        && subject.start >= c.mention.span.end
        && doc.text[c.mention.span.end..subject.start]
            .trim()
            .is_empty()
    {
        for k in own(subject) {
            if !counted.contains(&k) {
                counted.push(k);
            }
        }
    }
    let by_noun = !counted.is_empty();
    let mut called_by: Vec<Concept> = if by_noun {
        counted.clone()
    } else {
        r.concepts.clone()
    };
    // Forced labour and forced marriage named together in the claim's own predicate are
    // modern slavery ("living in forced labour or forced marriage").
    if names_both_parts(doc, c) && !called_by.contains(&Concept::ModernSlavery) {
        called_by.push(Concept::ModernSlavery);
    }
    // A figure that fits a row its sentence does name (or writes its figure under a hedge
    // that misses it) is that row's, unless its own noun calls it something else.
    if c.considered.iter().any(|m| {
        m.topic
            && m.subgroup
            && (m.fits || m.hedged_past)
            && (!by_noun || counted.contains(&m.study.concept))
    }) {
        return None;
    }
    let m = c.considered.iter().find(|m| {
        let s = m.study;
        conflated().any(|k| k == s.concept)
            && (m.fits || m.distinctive)
            && m.subgroup
            && s.scope == Scope::Global
            && (m.distinctive || m.attribution != Attribution::None && bounded_enough(c))
            && called_by.iter().any(|n| relabels(s.concept, *n))
            && !called_by.contains(&s.concept)
    })?;
    let study = m.study;
    Some(Relabelled::Concept {
        claim: doc.slice(c.mention.span),
        study,
        called: called_by
            .into_iter()
            .filter(|n| relabels(study.concept, *n))
            .collect(),
    })
}

/// Whether a claim is precise enough to be one row's figure once the source is named.
fn bounded_enough(c: &ClaimContext<'_>) -> bool {
    c.mention.qualifier != Some(claimcheck_parser::Qualifier::Vague)
}
