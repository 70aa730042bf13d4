//! `misattribution`: a figure credited to a source, or a year, that does not publish it.

use crate::document::{ClaimContext, Document};
use crate::finding::{Finding, Severity};
use crate::matching::{Attribution, StudyMatch, year_fits};
use crate::registry::{Registry, Study};
use crate::rules::{Context, Rule, Violation, cite};
use crate::vocab;

pub(crate) const RULE: Rule = Rule {
    name: "misattribution",
    code: "CC101",
    severity: Severity::Warning,
    default_on: true,
    summary: "a figure is credited to a source or year that does not publish it",
    doc: "# misattribution (CC101)

## What it does
Flags a figure whose sentence or attribution names a publisher or series in the registry,
when that publisher's figures (for the same concept and subgroup) do not include it in the
edition its years point to, but a figure of another edition, or a distinctive figure of
another publisher, does. Publication year and reference year both count as right (“the 2017
Global Estimates” and “the 2016 estimates” are one edition), wherever they stand in the
sentence. A figure with no attribution but distinctive enough to name its edition
(246 million children in child labour) is flagged too when its own words date it to a year of
another edition of the same measure, which gave another figure (“246 million in 2020”: 2020's
was 160 million); a year that only bounds it (“since 2016”, “by 2030”) dates nothing.
“A UN report” names a family of publishers (UNODC, ILO, IOM, UNICEF, UNIAP): a
weaker attribution, never a wrong one for their figures.

With `--against SOURCE` (a study's own text), a figure that cites the source and whose value
the source gives for the same population in another year is flagged with the source's
sentence, page and line.

## Why it matters
A reader who looks up the named source does not find the figure; the right source is usually
one edition or one agency away.

## Example
“A 2012 UNIAP study found that 23 percent …”: the 23 percent is from the 2010 study.
“The 2022 Global Estimates found 40.3 million”: that is the 2017 edition.

## Options
None.
",
    check,
};

fn check(doc: &Document<'_>, context: &Context<'_>, out: &mut Vec<Finding>) {
    // Figures looked up in a study's own text (`--against`).
    super::against::other_years(&RULE, doc, context, out);
    for c in &doc.quantities {
        let named: Vec<&StudyMatch<'_>> = c
            .considered
            .iter()
            .filter(|m| m.attribution == Attribution::Named && m.topic && m.subgroup)
            .collect();
        if named.is_empty() {
            if let Some(f) = wrong_year(doc, context, c) {
                out.push(f);
            }
            continue;
        }
        // The cited source and edition publish it: nothing to say.
        if named
            .iter()
            .any(|m| m.overlaps && (m.fits || m.year_ok == Some(true)) && m.year_ok != Some(false))
        {
            continue;
        }
        let said = if c.reading.names.is_empty() {
            c.claim
                .source
                .as_ref()
                .map_or(String::new(), |s| doc.slice(s.span).to_owned())
        } else {
            c.reading.names.join(", ")
        };
        // The right figure credited to the wrong edition.
        if let Some(m) = named
            .iter()
            .find(|m| m.fits && m.overlaps && m.year_ok == Some(false))
        {
            let dated = named
                .iter()
                .find(|o| o.year_ok == Some(true) && o.study.concept == m.study.concept);
            let wrong = Misattribution::WrongEdition {
                claim: doc.slice(c.mention.span),
                credited_to: said,
                years: c.reading.years.clone(),
                study: m.study,
                of_those_years: dated.map(|d| d.study),
            };
            out.push(wrong.finding(doc, c).about_at(m.study, m.interval));
            continue;
        }
        // Another publisher's figure.
        let other = c.considered.iter().find(|m| {
            m.attribution == Attribution::None
                && m.topic
                && m.subgroup
                && m.fits
                && m.distinctive
                && m.year_ok != Some(false)
        });
        if let Some(m) = other {
            let wrong = Misattribution::OtherPublisher {
                claim: doc.slice(c.mention.span),
                credited_to: said,
                study: m.study,
            };
            out.push(wrong.finding(doc, c).about_at(m.study, m.interval));
        }
    }
}

/// The editions of one measure: the rows a row's `superseded_by` chain leads to, and the row.
fn chain<'r>(registry: &'r Registry, study: &'r Study) -> Vec<&'r Study> {
    let mut out = vec![study];
    let mut cur = study;
    while let Some(next) = registry.get(&cur.superseded_by) {
        if out.iter().any(|s| s.id == next.id) {
            break;
        }
        out.push(next);
        cur = next;
    }
    out
}

/// Whether two rows are editions of one measure (one's chain leads to the other).
fn same_measure(registry: &Registry, a: &Study, b: &Study) -> bool {
    chain(registry, a).iter().any(|s| s.id == b.id)
        || chain(registry, b).iter().any(|s| s.id == a.id)
}

/// An unattributed figure distinctive enough to name its edition, dated by its own words to
/// a year of another edition of the same measure, which gave another figure: “246 million
/// children in 2020” (the 2000 figure; 2020's was 160 million). A year that only bounds the
/// figure (“since 2016”, “by 2030”) dates nothing.
fn wrong_year(doc: &Document<'_>, context: &Context<'_>, c: &ClaimContext<'_>) -> Option<Finding> {
    if c.reading.family || c.reading.change {
        return None;
    }
    let time = c.claim.time?;
    let within = |start, end| {
        vocab::tokens_within(&c.reading.sentence, c.claim.sentence, doc.text, start, end)
    };
    let before = within(c.claim.sentence.start, time.start);
    if before
        .last()
        .is_some_and(|t| vocab::NOT_A_DATE.contains(&t.word.as_str()))
    {
        return None;
    }
    let words = within(time.start, time.end);
    if words
        .iter()
        .any(|t| vocab::NOT_A_DATE.contains(&t.word.as_str()))
    {
        return None;
    }
    let years: Vec<u16> = words
        .iter()
        .filter(|t| t.word.len() == 4)
        .filter_map(|t| t.word.parse::<u16>().ok())
        .filter(|y| (1990..=2100).contains(y))
        .collect();
    if years.is_empty() {
        return None;
    }
    let dated = |s: &Study| years.iter().any(|y| year_fits(s, *y));
    // Some figure of the claim's topic fits and is of that year: nothing to say.
    if c.considered
        .iter()
        .any(|m| m.topic && m.subgroup && m.fits && dated(m.study))
    {
        return None;
    }
    let m = c
        .considered
        .iter()
        .find(|m| m.topic && m.subgroup && m.fits && m.distinctive)?;
    let other = c
        .considered
        .iter()
        .find(|o| dated(o.study) && !o.fits && same_measure(context.registry, m.study, o.study))?;
    let wrong = Misattribution::WrongYear {
        claim: doc.slice(c.mention.span),
        years,
        study: m.study,
        of_those_years: other.study,
    };
    Some(wrong.finding(doc, c).about_at(m.study, m.interval))
}

/// A figure credited to a source, or dated to a year, that does not publish it.
enum Misattribution<'a> {
    /// The right publisher's figure credited to another edition.
    WrongEdition {
        /// The claim as written.
        claim: &'a str,
        /// The sources it is credited to, as the sentence names them.
        credited_to: String,
        /// The years its sentence gives.
        years: Vec<u16>,
        /// The edition it is.
        study: &'a Study,
        /// The edition of those years, if the registry has one for its measure.
        of_those_years: Option<&'a Study>,
    },
    /// Another publisher's figure.
    OtherPublisher {
        /// The claim as written.
        claim: &'a str,
        /// The sources it is credited to, as the sentence names them.
        credited_to: String,
        /// The other publisher's figure it is.
        study: &'a Study,
    },
    /// An unattributed figure dated by its own words to another edition's year.
    WrongYear {
        /// The claim as written.
        claim: &'a str,
        /// The years its words give.
        years: Vec<u16>,
        /// The edition it is.
        study: &'a Study,
        /// The edition of those years, which gave another figure.
        of_those_years: &'a Study,
    },
}

impl Violation for Misattribution<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        match self {
            Misattribution::WrongEdition {
                claim,
                credited_to,
                years,
                study,
                ..
            } => format!(
                "“{claim}” is credited to {credited_to} {}, but it is the figure of the {} edition ({}, data {})",
                super::list_years(years),
                study.edition,
                study.year,
                study.reference_period
            ),
            Misattribution::OtherPublisher {
                claim,
                credited_to,
                study,
            } => format!(
                "“{claim}” is attributed to {credited_to}, which does not publish it; it is {}",
                cite(study)
            ),
            Misattribution::WrongYear {
                claim,
                years,
                study,
                of_those_years: other,
            } => format!(
                "“{claim}” is given for {}, but it is the figure of the {} edition ({}, data {}); the {} edition (data {}) gave {}",
                super::list_years(years),
                study.edition,
                study.year,
                study.reference_period,
                other.edition,
                other.reference_period,
                other.value_text
            ),
        }
    }

    fn label(&self) -> String {
        match self {
            Misattribution::WrongEdition { study, .. }
            | Misattribution::WrongYear { study, .. } => {
                format!("from the {} edition", study.edition)
            }
            Misattribution::OtherPublisher { credited_to, .. } => {
                format!("attributed to {credited_to}")
            }
        }
    }

    fn notes(&self) -> Vec<String> {
        match self {
            Misattribution::WrongEdition {
                years,
                of_those_years: Some(other),
                ..
            }
            | Misattribution::WrongYear {
                years,
                of_those_years: other,
                ..
            } => vec![format!(
                "the edition of {}: {}",
                super::list_years(years),
                cite(other)
            )],
            Misattribution::WrongEdition { .. } | Misattribution::OtherPublisher { .. } => {
                Vec::new()
            }
        }
    }
}
