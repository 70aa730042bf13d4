//! `base-mismatch`: a stock presented as a flow, detected victims as all victims, one
//! concept's figure under another's name.

use crate::document::Document;
use crate::finding::{Against, Finding, Severity};
use crate::matching;
use crate::rules::{Context, Rule, short_cite, source_note};

pub(crate) const RULE: Rule = Rule {
    name: "base-mismatch",
    code: "CC104",
    severity: Severity::Warning,
    default_on: true,
    summary: "stock as flow, detected victims as all victims, or one concept's figure under another's name",
    doc: "# base-mismatch (CC104)

## What it does
Flags a figure whose words contradict the basis of the registry figure it matches:
- a stock (people in a condition on any given day) presented as a yearly flow (“every year”,
  “annually”);
- victims *detected* or *identified* by authorities presented as all victims;
- one concept's figure under another's name (child labour called forced labour, modern slavery
  called trafficking);
- a rate measured at one time (a stock, a sample) set beside a yearly flow in the same article,
  so that the reader multiplies them.

## Why it matters
“12.3 million people are forced into labour every year” turns a point-in-time estimate into an
annual flow and inflates it many times over.

## Example
“A 2010 UNIAP study found that 23 percent …” with “100,000 to more than 200,000 workers
annually”: the article invites 23,000–46,000 victims a year, which assumes that a rate
measured among deportees at one time holds for each year's arrivals.

## Options
None.
",
    check,
};

const FLOW_WORDS: &[&str] = &[
    "every year",
    "each year",
    "annually",
    "a year",
    "per year",
    "yearly",
];
const DETECTION_WORDS: &[&str] = &[
    "detected",
    "identified",
    "known",
    "reported",
    "recorded",
    "registered",
    "official",
];
/// Counted nouns of people (after the subject module's normalisation).
const PEOPLE: &[&str] = &[
    "people", "victim", "labour", "child", "woman", "man", "adult", "migrant", "girl", "boy",
    "fisher", "refugee", "worker",
];
const CONFLATED: &[&str] = &[
    "modern_slavery",
    "forced_labour",
    "forced_marriage",
    "trafficking",
    "child_labour",
];

fn check(doc: &Document<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
    for c in &doc.quantities {
        let sentence = doc.sentence(c).to_lowercase();
        if let Some(m) = c.fitting() {
            let s = m.study;
            // The figure's own words: its period, its predicate, its time ("are in forced
            // labour every year"), not another figure's in the same sentence.
            let own = [c.claim.predicate, c.claim.time]
                .into_iter()
                .flatten()
                .map(|sp| doc.slice(sp).to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            if s.basis == "stock"
                && (c.quantity.per.is_some() || FLOW_WORDS.iter().any(|w| own.contains(w)))
            {
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
                out.push(f.about(s, m.interval));
                continue;
            }
            if (s.basis == "detected" || s.basis == "identified")
                && !DETECTION_WORDS.iter().any(|w| sentence.contains(w))
            {
                let f = RULE.on(
                    doc,
                    c,
                    format!(
                        "“{}” describes all victims, but {} counts victims {} by authorities",
                        doc.slice(c.mention.span),
                        s.publisher,
                        s.basis
                    ),
                    format!("{} victims presented as all victims", s.basis),
                );
                out.push(f.about(s, m.interval));
                continue;
            }
            // A rate measured at one time set beside a yearly flow.
            if matches!(s.basis.as_str(), "sample" | "stock") && s.measure == "share" {
                // Estimates are ordered by their first input: find this figure's by search.
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
                        e.assumptions
                            .iter()
                            .any(|a| a.kind == claimcheck_model::AssumptionKind::Basis)
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
                            claimcheck_model::quantity::plain(e.nominal[0]),
                            claimcheck_model::quantity::plain(e.nominal[1]),
                            e.unit.as_deref().unwrap_or("people"),
                        ),
                        "a stock rate beside a flow".to_owned(),
                    );
                    f.notes
                        .extend(e.assumptions.iter().map(|a| format!("assuming {a}")));
                    f.notes.push(source_note(s));
                    f.study = Some(s.id.clone());
                    out.push(f.against(Against::Study, short_cite(s), m.interval));
                    continue;
                }
            }
        }
        // One concept's figure under another's name.
        let named = matching::concepts_named(&sentence);
        let named: Vec<&str> = named
            .into_iter()
            .filter(|n| CONFLATED.contains(n))
            .collect();
        let people = c.mention.unit.is_none_or(|u| {
            let words = claimcheck_model::subject::words(doc.slice(u));
            words.iter().any(|w| PEOPLE.contains(&w.as_str()))
        });
        if named.is_empty() || !people {
            continue;
        }
        for (s, interval) in cx.registry.studies.iter().zip(cx.intervals) {
            if s.kind() != Some(c.mention.kind)
                || !CONFLATED.contains(&s.concept.as_str())
                || named.contains(&s.concept.as_str())
                || s.value.abs() < 1e6
                || !c.quantity.interval.overlaps(interval)
                || c.quantity.interval.lo.value().is_none()
                || c.quantity.interval.hi.value().is_none()
                || interval.hi.value().is_none()
            {
                continue;
            }
            // Only distinctive figures: 152 million, not 10 million.
            let digits = format!("{}", s.value / 1e6);
            if digits.trim_end_matches(".0").replace('.', "").len() < 3 {
                continue;
            }
            let f = RULE.on(
                doc,
                c,
                format!(
                    "“{}” matches {}'s figure for {}, but the sentence calls it {}",
                    doc.slice(c.mention.span),
                    s.publisher,
                    s.concept.replace('_', " "),
                    named.join(", ").replace('_', " ")
                ),
                format!("a {} figure", s.concept.replace('_', " ")),
            );
            out.push(f.about(s, *interval));
            break;
        }
    }
}
