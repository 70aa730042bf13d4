//! `outdated-source`: a figure from an edition that a newer one replaces.

use crate::date::ArticleDate;
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::matching::year_fits;
use crate::registry::Study;
use crate::rules::{Context, Rule, Violation, cited, source_note};

pub(crate) const RULE: Rule = Rule {
    name: "outdated-source",
    code: "CC102",
    severity: Severity::Warning,
    default_on: true,
    summary: "a figure belongs to an edition that a newer one supersedes",
    doc: "# outdated-source (CC102)

## What it does
Flags a figure that matches a registry figure whose series had a newer edition (the row's
`superseded_by`) published before the article's date, unless the sentence dates it to its
own edition (“in 2012, the ILO estimated …”, “back in 2014”) or attributes it by name to a
newer edition (“according to the Global Report on Trafficking in Persons 2024”: that
edition's figure is what it cites, and `study-contradiction` says whether it fits). The
article's date comes from `--date`, the text's front matter or dateline, or `date` in
`claimcheck.toml`; a text with no date is judged only where a sentence gives its own (“as of
2020”). The message gives the newest value at that date.

## Why it matters
“20.9 million in forced labour” was the ILO's 2012 estimate; the 2017 and 2022 editions said
24.9 million and 27.6 million. Old editions presented as current mislead about the scale and
the trend.

## Example
“Some 20.9 million people are in forced labour worldwide, the ILO says.”

## Options
The article's date: `--date YYYY[-MM-DD]` or `date = …` in `claimcheck.toml`.
",
    check,
};

/// The newest edition a figure's `superseded_by` chain leads to that was published before
/// `year` (the article's), if any.
fn newest_before<'a>(context: &Context<'a>, s: &'a Study, year: u16) -> Option<&'a Study> {
    let mut cur = s;
    let mut found = None;
    for _ in 0..16 {
        if cur.superseded_by.is_empty() {
            break;
        }
        match context.registry.get(&cur.superseded_by) {
            Some(next) if next.year < year => {
                found = Some(next);
                cur = next;
            }
            _ => break,
        }
    }
    found
}

fn check(doc: &Document<'_>, context: &Context<'_>, out: &mut Vec<Finding>) {
    for c in &doc.quantities {
        // The date a figure is presented at: the article's, else the year the sentence
        // presents it as of ("20.9 million … as of 2020").
        let Some(at) = doc.date.or_else(|| {
            c.reading.years.iter().max().map(|&year| ArticleDate {
                year,
                month: None,
                day: None,
            })
        }) else {
            continue;
        };
        let Some(m) = c
            .matches
            .iter()
            .find(|m| m.fits && m.overlaps && (m.year_ok != Some(false) || doc.date.is_none()))
        else {
            continue;
        };
        if m.study.superseded_by.is_empty() {
            continue;
        }
        // Dated in its own sentence: historical, not presented as current.
        if c.reading.years.iter().any(|y| year_fits(m.study, *y)) {
            continue;
        }
        // Attributed to a newer edition by name ("the Global Report … 2024"): not the old
        // figure presented as current, but the newer edition's figure (study-contradiction
        // says whether that one fits).
        let names_newer = c.reading.attribution_years.iter().any(|&y| {
            y > m.study.year
                && c.reading.named.iter().any(|i| {
                    context.registry.studies.get(i).is_some_and(|s| {
                        s.series == m.study.series
                            && (s.year == y || s.edition.parse::<u16>().ok() == Some(y))
                    })
                })
        });
        if names_newer {
            continue;
        }
        let Some(new) = newest_before(context, m.study, at.year) else {
            continue;
        };
        let outdated = Outdated {
            claim: doc.slice(c.mention.span),
            study: m.study,
            newer: new,
            at,
            article_dated: doc.date.is_some(),
        };
        let mut f = outdated.finding(doc, c);
        f.study = Some(m.study.id.clone());
        out.push(f);
    }
}

/// A figure of an edition that a newer one had superseded at the date it is presented at.
struct Outdated<'a> {
    /// The claim as written.
    claim: &'a str,
    /// The edition it is.
    study: &'a Study,
    /// The newest edition published before that date.
    newer: &'a Study,
    /// The date it is presented at.
    at: ArticleDate,
    /// Whether that date is the article's (else the year its sentence gives).
    article_dated: bool,
}

impl Violation for Outdated<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        let at = self.at;
        format!(
            "“{}” is the {} figure of {}; at {} a newer edition ({}) gave {}",
            self.claim,
            self.study.year,
            self.study.publisher,
            if self.article_dated {
                format!("the article's date ({at})")
            } else {
                format!("the date it is given for ({at})")
            },
            self.newer.year,
            self.newer.value_text
        )
    }

    fn label(&self) -> String {
        format!("from the {} edition", self.study.year)
    }

    fn notes(&self) -> Vec<String> {
        vec![
            cited("the figure: ", self.study),
            cited("newer: ", self.newer),
            source_note(self.newer),
        ]
    }
}
