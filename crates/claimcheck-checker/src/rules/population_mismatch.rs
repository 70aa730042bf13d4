//! `population-mismatch`: a figure applied to a wider or other population than the one
//! measured.

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::registry::{Basis, Scope};
use crate::rules::{Context, Rule};
use crate::vocab;

pub(crate) const RULE: Rule = Rule {
    name: "population-mismatch",
    code: "CC103",
    severity: Severity::Warning,
    default_on: true,
    summary: "a figure is applied to a wider or other population than the one measured",
    doc: "# population-mismatch (CC103)

## What it does
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

fn check(doc: &Document<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
    // Figures looked up in a study's own text (`--against`).
    super::against::other_populations(&RULE, doc, cx, out);
    for c in &doc.quantities {
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
        let claimed = c.claim.subject.map_or("its population", |s| doc.slice(s));
        let mut f = RULE.on(
            doc,
            c,
            format!(
                "“{}” applies the figure to “{}”, but {} measured: {}",
                doc.slice(c.mention.span),
                claimed,
                m.study.publisher,
                m.study.population
            ),
            format!("measured in {}", m.study.geography),
        );
        f.notes
            .push("a rate found in one group is applied to a larger one".to_owned());
        out.push(f.about_at(m.study, m.interval));
    }
}
