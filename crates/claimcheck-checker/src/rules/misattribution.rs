//! `misattribution`: a figure credited to a source, or a year, that does not publish it.

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::matching::{self, Confidence};
use crate::rules::{Context, Rule, cite};

pub(crate) const RULE: Rule = Rule {
    name: "misattribution",
    code: "CC101",
    severity: Severity::Warning,
    default_on: true,
    summary: "a figure is credited to a source or year that does not publish it",
    doc: "# misattribution (CC101)

## What it does
Flags a figure whose attribution names a publisher in the registry, when that publisher's
figures (for the same concept and subgroup) do not include it in the year given, but a
figure of another year, or of another publisher, does. Publication year and reference year
both count as right (“the 2017 Global Estimates” and “the 2016 estimates” are one edition).

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
    for c in &doc.quantities {
        let Some(source) = &c.claim.source else {
            continue;
        };
        let named_any = cx
            .registry
            .studies
            .iter()
            .any(|s| matching::cites(c.claim, doc.text, s));
        if !named_any {
            continue;
        }
        let cited_ok = c
            .matches
            .iter()
            .any(|m| m.confidence == Confidence::High && m.overlaps && m.year_ok != Some(false));
        if cited_ok {
            continue;
        }
        let wrong_year = c
            .matches
            .iter()
            .find(|m| m.confidence == Confidence::High && m.overlaps && m.year_ok == Some(false));
        let other = c
            .matches
            .iter()
            .find(|m| m.confidence == Confidence::Medium && m.overlaps);
        let written = doc.slice(source.span);
        let (message, study, interval) = if let Some(m) = wrong_year {
            (
                format!(
                    "“{}” is attributed to “{}”, but the figure is from the {} edition ({})",
                    doc.slice(c.mention.span),
                    written,
                    m.study.year,
                    m.study.reference_period
                ),
                m.study,
                m.interval,
            )
        } else if let Some(m) = other {
            (
                format!(
                    "“{}” is attributed to “{}”, which does not publish it; it matches {}",
                    doc.slice(c.mention.span),
                    written,
                    cite(m.study)
                ),
                m.study,
                m.interval,
            )
        } else {
            continue;
        };
        let f = RULE.on(doc, c, message, format!("attributed to {written}"));
        out.push(f.about(study, interval));
    }
}
