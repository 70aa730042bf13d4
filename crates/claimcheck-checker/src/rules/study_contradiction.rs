//! `study-contradiction`: a claim that does not fit the study it cites.

use claimcheck_model::{Interval, Quantity};

mod derived_share;
use std::collections::BTreeSet;

use crate::document::{ClaimContext, Document};
use crate::finding::{Finding, Severity};
use crate::matching::{Attribution, StudyMatch};
use crate::registry::{Scope, Study};
use crate::rules::{
    Context, Rule, Violation, cited, near_miss, readable, rounding_note, source_note,
};

pub(crate) const RULE: Rule = Rule {
    name: "study-contradiction",
    code: "CC001",
    severity: Severity::Error,
    default_on: true,
    summary: "a figure does not fit the study it cites",
    doc: "# study-contradiction (CC001)

## What it does
Flags a figure attributed to a series in the registry (by publisher, alias or series name,
with the edition's publication or reference year when one stands in the sentence) whose
interval overlaps no edition's figure for the same concept, subgroup and place, when no other
publisher's figure fits it either (that is a `misattribution`). The message gives each
edition's figure and, when one explains the difference, the slip it probably is: swapped
digits, a dropped digit, million for billion.

With `--against SOURCE` (a study's own text), a figure that cites the source is also compared
with the source's figures: when the source gives the same population (its words for it stand
in the article's sentence) and year another value, the finding quotes the source's sentence
with its page and line.

A one-sided bound cites a figure near its bound: “more than two in five detected victims”
cites a share just above 40% ((40, 46] with the default `just-over` of 15%), so a registry
figure of 62% for another region does not make it fit, and 38% contradicts it; “up to 40
million” cites one just below 40 million. A bound cites only the edition the claim names:
“more than two-thirds of the detected victims in 2022, according to the Global Report on
Trafficking in Persons 2024” is set against that edition's 61%, though an older edition's
70% would meet it (a figure written exactly as another edition's is a `misattribution`).

An attribution that only points back (“according to the report”, “the same estimates
show”) takes the source named in the sentence before, or, when that names none, in the
nearest of the three sentences before it that does, with the edition year written beside
the name. A share of one kind of people (“more than half of the children in forced labour
were in commercial sexual exploitation”) is not set against a row's share of everyone for
another subgroup (23% of all people in forced labour).

A share the registry does not publish is checked against the counts it does: when the
cited edition holds a subgroup's count and the whole's, a share of that subgroup stated in
the figure's clause (“A fifth of the people in forced labour are children, according to the
2022 Global Estimates”) is set against their quotient (3.3 million of 27.6 million, 12%). The
subgroup must be named after the whole (“of the people in forced labour are children”); a
share of the subgroup itself (“40% of migrant workers experienced forced labour”) is another
measure. A share written as the part's composition of the whole (“Children account for one
out of five people in forced labour”), or as a partitive with the whole right after the figure
and the part after a copula (“A third of people in modern slavery are children”), is checked
so even when it cites nothing: against the counts of the edition current at the article's
date, and only when none of them gives it. A claim that names no edition is read against the
edition whose two counts the article quotes, when one does (“138 million children in child
labour in 2024, of whom 54 million …”), else against every edition, and is quiet when any of
them gives it. “Most” and “the majority” take part here as more than half (“Most of the
children in child labour do hazardous work” against 54 million of 138 million, 39%); they
are never matched to a registry figure otherwise, since a study's figure is no majority.

A figure a named edition gives as its share of its own total, with no row of its own, fits
that edition: “73 percent of those profits, or some $172 billion” is the 2024 edition's 73%
of its US$236 billion, not the 2014 edition's US$99 billion for the same subgroup.

A figure written as a study's own number under a one-sided hedge that excludes its value
(“more than 160 million children” for 160 million, “over 50 million” for 49.6 million
published as 50 million) cites that figure, attributed or not, and contradicts it.

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

/// The rows a claim that cites a series is compared with: the named rows of its topic, its
/// subgroup and place, of the claim's own edition when its years name one; `None` when the
/// claim cannot be compared (nothing named, or some row of any publisher fits it).
pub(crate) fn cited_rows<'m, 'a>(
    doc_text: &str,
    c: &'m ClaimContext<'a>,
    cx: &Context<'_>,
) -> Option<Vec<&'m StudyMatch<'a>>> {
    let (registry, conventions) = (cx.registry, cx.conventions);
    if c.mention.qualifier == Some(claimcheck_parser::Qualifier::Vague) {
        return None;
    }
    let r = &c.reading;
    // A part's figure given for the whole is that part's (population-mismatch).
    if super::population_mismatch::part_row(c).is_some() {
        return None;
    }
    // The edition the claim's years point to: a year that is the publication or edition
    // year of a named row of the same series names that series' edition (a reference year
    // only narrows); an edition with no figure for the claim's measure cannot be compared.
    // A year names editions of its own series only: "the Global Slavery Index 2023" names
    // the Index's 2023 edition, not the Global Estimates it draws on.
    let published_in = |s: &crate::registry::Study, y: u16| {
        s.year == y || s.edition.parse::<u16>().ok() == Some(y)
    };
    let naming = |m: &StudyMatch<'_>| -> Vec<u16> {
        r.years
            .iter()
            .copied()
            .filter(|y| {
                r.named.iter().any(|i| {
                    registry
                        .studies
                        .get(i)
                        .is_some_and(|s| s.series == m.study.series && published_in(s, *y))
                })
            })
            .collect()
    };
    // Another edition than the one the claim's years name.
    let other_edition = |m: &StudyMatch<'_>| {
        let years = naming(m);
        !years.is_empty() && !years.iter().any(|y| published_in(m.study, *y))
    };
    // A figure that fits any row of its topic is that row's (misattribution if another's).
    // A one-sided bound cites a figure near its bound: "more than 50 million" is not the
    // five-year total of 89 million, though 89 million is more than 50 million; and it
    // cites only the edition the claim names: "more than two-thirds" in the 2024 Global
    // Report is not the 2014 edition's 70 per cent (a figure written as another edition's
    // is: misattribution).
    let cited = c.quantity.cited_interval(conventions);
    let bounded = cited != c.quantity.interval;
    if c.considered.iter().any(|m| {
        m.topic
            && m.subgroup
            && m.may_be_its_figure(&cited, bounded)
            && (m.attribution == Attribution::Named || m.fits && m.distinctive)
            && !(bounded && other_edition(m))
    }) {
        return None;
    }
    if fits_a_product(c, cx) {
        return None;
    }
    let own_topic = |m: &StudyMatch<'_>| {
        r.clause_concepts.is_empty()
            || r.clause_concepts.contains(&m.study.concept)
            || !matches!(
                m.study.concept,
                crate::registry::Concept::ModernSlavery
                    | crate::registry::Concept::ForcedLabour
                    | crate::registry::Concept::ForcedMarriage
                    | crate::registry::Concept::ChildLabour
            )
    };
    // A share of one kind of people ("more than half of the children in forced labour were
    // in commercial sexual exploitation") is not a row's share of everyone in it for another
    // subgroup (23% of all forced labour is commercial sexual exploitation).
    // The subject's words, and whether they name a group of people: read once for the claim
    // (and only for a claim compared with a share of a subgroup), not once per row.
    let base = std::cell::OnceCell::new();
    let base = || {
        base.get_or_init(|| {
            let words = c
                .claim
                .subject
                .map(|s| crate::vocab::tokens(doc_text, s.start, s.end))
                .unwrap_or_default();
            let people = crate::vocab::any(&words, crate::vocab::PERSON_GROUPS);
            (words, people)
        })
    };
    let other_base = |m: &StudyMatch<'_>| {
        m.study.unit == crate::registry::Unit::Percent
            && !m.study.subgroup.is_empty()
            && base().1
            && !crate::vocab::any_registry_term(&base().0, &m.study.subgroup)
    };
    let named: Vec<&StudyMatch<'a>> = c
        .considered
        .iter()
        .filter(|m| {
            (m.attribution == Attribution::Named || m.hedged_past)
                && m.topic
                && m.subgroup
                && !other_base(m)
                && own_topic(m)
                && m.study.unit == c.considered.first().map_or(m.study.unit, |f| f.study.unit)
        })
        .collect();
    // The most specific rows: those about a subgroup the sentence names, else the whole.
    let specific: Vec<_> = named
        .iter()
        .copied()
        .filter(|m| !m.study.subgroup.is_empty() || m.study.scope != Scope::Global)
        .collect();
    let rows = if specific.is_empty() { named } else { specific };
    // The edition the claim's years point to (see `naming` above).
    let rows: Vec<_> = if rows.iter().all(|m| naming(m).is_empty()) {
        let dated: Vec<_> = rows
            .iter()
            .copied()
            .filter(|m| m.year_ok == Some(true))
            .collect();
        if dated.is_empty() { rows } else { dated }
    } else {
        rows.into_iter()
            .filter(|m| {
                let years = naming(m);
                if years.is_empty() {
                    m.year_ok == Some(true)
                } else {
                    years.iter().any(|y| published_in(m.study, *y))
                }
            })
            .collect()
    };
    if rows.is_empty() {
        return None;
    }
    // A name that only one series answers to ("the Global Estimates", "the Global Slavery
    // Index") says which series is cited when another name is shared ("Walk Free" publishes
    // both): its rows come first, if it has any for the claim's measure.
    let specific: BTreeSet<&str> = r
        .names
        .iter()
        .filter_map(|name| cx.names.one_series(name, registry))
        .collect();
    let preferred: Vec<_> = rows
        .iter()
        .copied()
        .filter(|m| specific.contains(m.study.series.as_str()))
        .collect();
    let rows = if preferred.is_empty() {
        rows
    } else {
        preferred
    };
    // The same measure: within a factor of three of one of them, or one slip away.
    let v = c.quantity.nominal.low;
    let near = rows.iter().any(|m| {
        let p = m.study.claim_value();
        let ratio = (v / p).abs();
        (1.0 / 3.0..=3.0).contains(&ratio) || near_miss(v, p).is_some()
    });
    near.then_some(rows)
}

/// Whether the claim fits a figure a named edition gives as a share of its total without
/// a row of its own: "73 percent of those profits, or some $172 billion" is the 2024 edition's
/// 73% of its US$236 billion. The share's subgroup must be named by the sentence; the total
/// is the edition's figure for everyone, of the claim's kind.
fn fits_a_product(c: &ClaimContext<'_>, cx: &Context<'_>) -> bool {
    let r = &c.reading;
    let studies = &cx.registry.studies;
    let named: Vec<&Study> = r.named.iter().filter_map(|i| studies.get(i)).collect();
    if named.is_empty() {
        return false;
    }
    let kind = c.mention.kind;
    // Each share of a subgroup with the counts of everyone it may be a share of: found once
    // for the registry, not for every claim.
    cx.compositions.shares.iter().any(|(si, wholes)| {
        let si = *si;
        studies.get(si).is_some_and(|share| {
            r.places.get(si).copied().unwrap_or(false)
                && named.iter().any(|n| n.series == share.series)
        }) && wholes.iter().any(|&wi| {
            studies
                .get(wi)
                .is_some_and(|whole| whole.kind() == Some(kind))
                && match (cx.intervals.get(si), cx.intervals.get(wi)) {
                    (Some(p), Some(w)) => p.scale(0.01).mul(w).overlaps(&c.quantity.interval),
                    _ => false,
                }
        })
    })
}

fn check(doc: &Document<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
    // Figures looked up in a study's own text (`--against`).
    super::against::contradictions(&RULE, doc, cx, out);
    for c in &doc.quantities {
        let Some(rows) = cited_rows(doc.text, c, cx) else {
            out.extend(derived_share::check(doc, cx, c));
            continue;
        };
        let m = rows[0];
        let contradiction = Contradiction {
            claim: doc.slice(c.mention.span),
            quantity: &c.quantity,
            cited: m.study,
            cited_interval: m.interval,
            editions: rows.iter().take(6).map(|o| o.study).collect(),
            slip: rows.iter().find_map(|o| {
                near_miss(c.quantity.nominal.low, o.study.claim_value()).map(|n| (n, o.study))
            }),
        };
        let mut f = contradiction.finding(doc, c);
        f.study = Some(m.study.id.clone());
        out.push(f.against(
            crate::finding::Against::Study,
            super::short_cite(m.study),
            m.interval,
        ));
    }
}

/// A figure that fits no edition of the series it cites.
struct Contradiction<'a> {
    /// The claim as written.
    claim: &'a str,
    /// The claim's figure.
    quantity: &'a Quantity,
    /// The edition it is set against: the first of [`Contradiction::editions`].
    cited: &'a Study,
    /// That edition's interval.
    cited_interval: Interval,
    /// The editions it may cite (at most six).
    editions: Vec<&'a Study>,
    /// The slip that turns an edition's figure into the claim's, and that edition.
    slip: Option<(String, &'a Study)>,
}

impl Violation for Contradiction<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        format!(
            "“{}” fits no edition of the figure it cites: {} reports {} {}",
            self.claim,
            self.cited.publisher,
            self.cited.value_text,
            claimcheck_model::readable::interval(&self.cited_interval, &self.quantity.dimension)
        )
    }

    fn label(&self) -> String {
        format!("the article: {}", readable(self.quantity))
    }

    fn notes(&self) -> Vec<String> {
        let mut notes: Vec<String> = self
            .editions
            .iter()
            .map(|s| cited("the study: ", s))
            .collect();
        notes.extend(rounding_note(&self.quantity.interval, &self.cited_interval));
        if let Some((slip, s)) = &self.slip {
            notes.push(format!(
                "help: probably {slip} of {} {} ({})",
                s.publisher, s.year, s.value_text
            ));
        }
        notes.push(source_note(self.cited));
        notes
    }
}
