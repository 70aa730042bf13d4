//! `misattribution`: a figure credited to a source, or a year, that does not publish it.

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::matching::{Attribution, StudyMatch};
use crate::rules::{Context, Rule, cite};

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
sentence. “A UN report” names a family of publishers (UNODC, ILO, IOM, UNICEF, UNIAP): a
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

fn check(doc: &Document<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
    // Figures looked up in a study's own text (`--against`).
    super::against::other_years(&RULE, doc, cx, out);
    for c in &doc.quantities {
        let named: Vec<&StudyMatch<'_>> = c
            .considered
            .iter()
            .filter(|m| m.attribution == Attribution::Named && m.topic && m.subgroup)
            .collect();
        if named.is_empty() {
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
        let years: Vec<String> = c.reading.years.iter().map(u16::to_string).collect();
        // The right figure credited to the wrong edition.
        if let Some(m) = named
            .iter()
            .find(|m| m.fits && m.overlaps && m.year_ok == Some(false))
        {
            let dated = named
                .iter()
                .find(|o| o.year_ok == Some(true) && o.study.concept == m.study.concept);
            let mut f = RULE.on(
                doc,
                c,
                format!(
                    "“{}” is credited to {} {}, but it is the figure of the {} edition ({}, data {})",
                    doc.slice(c.mention.span),
                    said,
                    years.join(", "),
                    m.study.edition,
                    m.study.year,
                    m.study.reference_period
                ),
                format!("from the {} edition", m.study.edition),
            );
            if let Some(d) = dated {
                f.notes.push(format!(
                    "the edition of {}: {}",
                    years.join(", "),
                    cite(d.study)
                ));
            }
            out.push(f.about_at(m.study, m.interval));
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
            let f = RULE.on(
                doc,
                c,
                format!(
                    "“{}” is attributed to {}, which does not publish it; it is {}",
                    doc.slice(c.mention.span),
                    said,
                    cite(m.study)
                ),
                format!("attributed to {said}"),
            );
            out.push(f.about_at(m.study, m.interval));
        }
    }
}
