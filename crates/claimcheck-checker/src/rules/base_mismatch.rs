//! `base-mismatch`: a stock presented as a flow, detected victims as all victims, one
//! concept's figure under another's name.

use claimcheck_model::Dimension;

use crate::document::{ClaimContext, Document};
use crate::finding::{Finding, Severity};
use crate::matching::StudyMatch;
use crate::registry::{Basis, Concept, Measure, Scope};
use crate::rules::{Context, Rule, source_note};

pub(crate) const RULE: Rule = Rule {
    name: "base-mismatch",
    code: "CC104",
    severity: Severity::Warning,
    default_on: true,
    summary: "stock as flow, detected victims as all victims, or one concept's figure under another's name",
    doc: "# base-mismatch (CC104)

## What it does
Flags a figure whose words contradict the basis or the concept of the registry figure it
matches:
- a stock (people in a condition on any given day) presented as a yearly flow (“every year”,
  “annually”): a figure that matches one row, or a round one (“more than 1 million
  children”) when every figure of its concept and subgroup that it fits is a stock;
- victims *detected* or *identified* by authorities presented as all victims (“of all
  victims”, “victims worldwide”, “globally”): a share that matches one row, or a round one
  (“30 percent”) when every figure it fits counts detected victims. “62% of victims” in a
  region, with no such word, is the publisher's own shorthand and stays quiet;
- one concept's figure under another's name: modern slavery or forced labour called
  trafficking, child labour called forced labour, all forced-labour profits called
  trafficking profits. The figure must be distinctive enough to stand for the other concept's
  figure alone (40.3 million, US$150 billion), and the sentence must name no concept that the
  figure belongs to, unless the figure's own noun says what it counts (“11.4 million
  trafficked victims”);
- one part's figure given for the parts together (27.6 million, forced labour alone, for
  “forced labour or forced marriage”);
- a rate measured at one time (a stock, a sample) set beside a yearly flow in the same article,
  so that the reader multiplies them.

## Why it matters
“12.3 million people are forced into labour every year” turns a point-in-time estimate into an
annual flow and inflates it many times over; “40.3 million victims of human trafficking” gives
the modern-slavery total (forced labour and forced marriage) to a crime it does not measure.

## Example
“There are 40.3 million victims of human trafficking worldwide.”

## Options
None.
",
    check,
};

/// The concepts whose figures are relabelled as each other.
const CONFLATED: &[Concept] = &[
    Concept::ModernSlavery,
    Concept::ForcedLabour,
    Concept::ForcedMarriage,
    Concept::ForcedSexualExploitation,
    Concept::Trafficking,
    Concept::ChildLabour,
    Concept::Profits,
];

/// The conditions people are counted in on one day by the global estimates, which have no
/// yearly flow (migration has both, and is left alone).
const EXPLOITATION: &[Concept] = &[
    Concept::ModernSlavery,
    Concept::ForcedLabour,
    Concept::ForcedMarriage,
    Concept::ForcedSexualExploitation,
    Concept::ChildLabour,
];

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

fn check(doc: &Document<'_>, _cx: &Context<'_>, out: &mut Vec<Finding>) {
    for c in &doc.quantities {
        if let Some(f) = c.fitting().and_then(|m| basis(doc, c, m)) {
            out.push(f);
            continue;
        }
        if let Some(f) = relabelled(doc, c)
            .or_else(|| detected_as_all(doc, c))
            .or_else(|| stock_as_flow(doc, c))
            .or_else(|| part_as_union(doc, c))
        {
            out.push(f);
        }
    }
}

/// A stock as a flow, detected victims as all, profits of all forced labour as
/// trafficking's, or a stock rate beside a flow.
fn basis(doc: &Document<'_>, c: &ClaimContext<'_>, m: &StudyMatch<'_>) -> Option<Finding> {
    let s = m.study;
    let r = &c.reading;
    if s.basis == Basis::Stock && r.over_years && s.measure == Measure::Count {
        let f = RULE.on(
            doc,
            c,
            format!(
                "“{}” is presented as a count over several years, but {} counts people on one day (a stock)",
                doc.slice(c.mention.span),
                s.publisher
            ),
            "stock presented as a count over years".to_owned(),
        );
        return Some(f.about(s));
    }
    if s.basis == Basis::Stock && r.flow {
        let f = RULE.on(
            doc,
            c,
            format!(
                "“{}” is presented as a yearly flow, but {} counts people at one point in time (a stock)",
                doc.slice(c.mention.span),
                s.publisher
            ),
            "stock presented as flow".to_owned(),
        );
        return Some(f.about(s));
    }
    if (matches!(s.basis, Basis::Detected | Basis::Identified)
        || matches!(
            s.concept,
            Concept::DetectedVictims | Concept::IdentifiedVictims
        ))
        && !r.sentence_detection
        && r.all_victims
        && !states_its_total(doc, c)
        // A round fraction ("a third") is recognised only through a named source.
        && (m.distinctive || m.attribution == crate::matching::Attribution::Named)
    {
        let f = RULE.on(
            doc,
            c,
            format!(
                "“{}” describes all victims, but {} counts {}",
                doc.slice(c.mention.span),
                s.publisher,
                s.concept.in_words()
            ),
            format!("{} presented as all victims", s.concept.in_words()),
        );
        return Some(f.about(s));
    }
    // Profits of all forced labour called trafficking's.
    if s.concept == Concept::Profits
        && s.subgroup.is_empty()
        && r.concepts.contains(&Concept::Trafficking)
        && !r.concepts.contains(&Concept::ForcedLabour)
    {
        let f = RULE.on(
            doc,
            c,
            format!(
                "“{}” is {}'s estimate of the profits of all forced labour, but the sentence calls it trafficking's",
                doc.slice(c.mention.span),
                s.publisher
            ),
            "forced-labour profits as trafficking profits".to_owned(),
        );
        return Some(f.about(s));
    }
    // A rate measured at one time set beside a yearly flow.
    if matches!(s.basis, Basis::Sample | Basis::Stock) && s.measure == Measure::Share {
        let from = doc.estimates.partition_point(|e| {
            e.inputs
                .first()
                .is_some_and(|i| i.span.start < c.mention.span.start)
        });
        let paired = doc.estimates[from..]
            .iter()
            .take_while(|e| {
                e.inputs
                    .first()
                    .is_some_and(|i| i.span.start == c.mention.span.start)
            })
            .find(|e| {
                e.inputs
                    .first()
                    .is_some_and(|i| i.quantity.dimension == Dimension::Percent)
                    && e.inputs.get(1).is_some_and(|i| i.quantity.per.is_some())
            });
        if let Some(e) = paired {
            let flow = e.inputs.get(1).map_or("", |i| i.text.as_str());
            let mut f = RULE.on(
                doc,
                c,
                format!(
                    "“{}” is a share measured at one time ({}), set beside a yearly flow (“{}”): together they imply {}–{} {} a year, which assumes the rate holds for each year's arrivals",
                    doc.slice(c.mention.span),
                    s.reference_period,
                    flow,
                    claimcheck_model::readable::plain_number(e.nominal[0]),
                    claimcheck_model::readable::plain_number(e.nominal[1]),
                    e.unit.as_deref().unwrap_or("people"),
                ),
                "a stock rate beside a flow".to_owned(),
            );
            f.notes
                .extend(e.assumptions.iter().map(|a| format!("assuming {a}")));
            f.notes.push(source_note(s));
            f.study = Some(s.id.clone());
            return Some(f);
        }
    }
    None
}

/// One concept's figure under another's name: the figure fits a row whose concept the
/// sentence does not name, distinctively (or by attribution), and the sentence names a
/// concept that the row's figure may not be called.
fn relabelled(doc: &Document<'_>, c: &ClaimContext<'_>) -> Option<Finding> {
    let r = &c.reading;
    if r.concepts.is_empty() {
        return None;
    }
    // What the figure's own counted noun calls it ("11.4 million trafficked victims"): that
    // names what the figure counts, whatever else the sentence names ("the largest share of
    // forced labor victims"). The noun is its unit, or a subject written right after it.
    let own = |span: claimcheck_parser::Span| {
        let words = crate::vocab::tokens(doc.text, span.start, span.end);
        CONFLATED
            .iter()
            .copied()
            .filter(|k| crate::vocab::any(&words, crate::vocab::concept_terms(*k)))
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
        CONFLATED.contains(&s.concept)
            && (m.fits || m.distinctive)
            && m.subgroup
            && s.scope == Scope::Global
            && (m.distinctive
                || m.attribution != crate::matching::Attribution::None && bounded_enough(c))
            && called_by.iter().any(|n| relabels(s.concept, *n))
            && !called_by.contains(&s.concept)
    })?;
    let s = m.study;
    let called: Vec<&str> = called_by
        .iter()
        .filter(|n| relabels(s.concept, **n))
        .map(|n| n.in_words())
        .collect();
    let f = RULE.on(
        doc,
        c,
        format!(
            "“{}” is {}'s figure for {}, but the sentence calls it {}",
            doc.slice(c.mention.span),
            s.publisher,
            s.concept.in_words(),
            called.join(", ")
        ),
        format!("a {} figure", s.concept.in_words()),
    );
    Some(f.about(s))
}

/// A count presented as a yearly flow when every figure of the concept and subgroup its
/// clause names that its value fits counts people on one day: whichever figure it is, it is
/// a stock. This catches round figures ("more than 1 million children … each year") that
/// fit several rows and so no one row distinctively. Only the conditions the global estimates
/// count on one day ([`EXPLOITATION`]) are judged: trafficking and migration have yearly
/// flows of their own.
fn stock_as_flow(doc: &Document<'_>, c: &ClaimContext<'_>) -> Option<Finding> {
    let r = &c.reading;
    if !r.flow || r.change || c.quantity.dimension != Dimension::Count {
        return None;
    }
    let fitting: Vec<_> = c
        .considered
        .iter()
        .filter(|m| {
            m.topic
                && m.subgroup
                && m.fits
                && m.study.measure == Measure::Count
                && EXPLOITATION.contains(&m.study.concept)
                && r.clause_concepts.contains(&m.study.concept)
        })
        .collect();
    let first = fitting.first()?;
    if !fitting.iter().all(|m| m.study.basis == Basis::Stock) {
        return None;
    }
    let s = first.study;
    let f = RULE.on(
        doc,
        c,
        format!(
            "“{}” is presented as a yearly flow, but every figure of {} it fits counts people at one point in time (a stock): {}",
            doc.slice(c.mention.span),
            s.concept.in_words(),
            fitting
                .iter()
                .take(3)
                .map(|m| format!("{} {} ({})", m.study.publisher, m.study.year, m.study.value_text))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        "stock presented as flow".to_owned(),
    );
    Some(f.about(s))
}

/// One part's figure given for the parts together: the claim's own predicate names forced
/// labour and forced marriage ("living in forced labour or forced marriage": modern slavery),
/// but its value fits, distinctively, one part's figure and no figure of the whole.
fn part_as_union(doc: &Document<'_>, c: &ClaimContext<'_>) -> Option<Finding> {
    let parts = [Concept::ForcedLabour, Concept::ForcedMarriage];
    if !names_both_parts(doc, c) {
        return None;
    }
    if c.considered.iter().any(|m| {
        m.fits
            && m.study.concept == Concept::ModernSlavery
            && m.study.subgroup.is_empty()
            && m.study.scope == Scope::Global
    }) {
        return None;
    }
    let m = c.considered.iter().find(|m| {
        m.fits
            && m.distinctive
            && m.subgroup
            && m.study.scope == Scope::Global
            && m.study.subgroup.is_empty()
            && parts.contains(&m.study.concept)
    })?;
    let s = m.study;
    let f = RULE.on(
        doc,
        c,
        format!(
            "“{}” is {}'s figure for {} alone, but the sentence gives it for forced labour and forced marriage together (modern slavery)",
            doc.slice(c.mention.span),
            s.publisher,
            s.concept.in_words()
        ),
        format!("a {} figure", s.concept.in_words()),
    );
    Some(f.about(s))
}

/// Whether the claim's own predicate names forced labour and forced marriage together
/// ("living in forced labour or forced marriage").
fn names_both_parts(doc: &Document<'_>, c: &ClaimContext<'_>) -> bool {
    let Some(predicate) = c.claim.predicate else {
        return false;
    };
    let words = crate::vocab::tokens(doc.text, predicate.start, predicate.end);
    [Concept::ForcedLabour, Concept::ForcedMarriage]
        .iter()
        .all(|k| crate::vocab::any(&words, crate::vocab::concept_terms(*k)))
        && crate::vocab::any(&words, &["or", "and"])
}

/// Whether a claim is precise enough to be one row's figure once the source is named.
fn bounded_enough(c: &ClaimContext<'_>) -> bool {
    c.mention.qualifier != Some(claimcheck_parser::Qualifier::Vague)
}

/// A share of a group among victims that only detected-victim figures give ("30 percent of
/// all trafficking victims are children"), presented as a share of all victims everywhere
/// ([`crate::vocab::ALL_VICTIMS`]). Every row of the topic, subgroup and value is a count of
/// detected or identified victims, so whichever edition it is, it is not a share of all
/// victims.
fn detected_as_all(doc: &Document<'_>, c: &ClaimContext<'_>) -> Option<Finding> {
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
    let s = first.study;
    let f = RULE.on(
        doc,
        c,
        format!(
            "“{}” describes all victims, but the figure it fits ({}) is a share of victims {} by authorities",
            doc.slice(c.mention.span),
            s.publisher,
            s.basis
        ),
        format!("{} victims presented as all victims", s.basis),
    );
    Some(f.about(s))
}

/// Whether the claim's sentence states the count its shares are of ("Of the victims
/// (estimated 600,000-800,000 a year), 75% are women"): the shares then describe that count,
/// whatever its basis, not a registry's detected victims.
fn states_its_total(doc: &Document<'_>, c: &ClaimContext<'_>) -> bool {
    c.quantity.dimension == Dimension::Percent
        && doc.quantities.iter().any(|o| {
            o.claim.sentence == c.claim.sentence
                && o.mention.span != c.mention.span
                && o.quantity.dimension == Dimension::Count
                && o.quantity.nominal[0] >= 1000.0
        })
}
