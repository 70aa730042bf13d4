//! `outdated-source`: a figure from an edition that a newer one replaces.

use crate::document::Document;
use crate::finding::{Against, Finding, Severity};
use crate::registry::Study;
use crate::rules::{Context, Rule, cite, short_cite, source_note};

pub(crate) const RULE: Rule = Rule {
    name: "outdated-source",
    code: "CC102",
    severity: Severity::Warning,
    default_on: true,
    summary: "a figure belongs to an edition that a newer one supersedes",
    doc: "# outdated-source (CC102)

## What it does
Flags a figure that matches a registry figure whose series has a newer edition (the row's
`superseded_by`), unless the sentence dates it to its own edition (“in 2012, the ILO
estimated …”). The message gives the newest value.

## Why it matters
“20.9 million in forced labour” was the ILO's 2012 estimate; the 2017 and 2022 editions said
24.9 million and 27.6 million. Old editions presented as current mislead about the scale and
the trend.

## Example
“Some 20.9 million people are in forced labour worldwide, the ILO says.”

## Options
None.
",
    check,
};

/// The newest edition a figure's `superseded_by` chain leads to.
fn newest<'a>(cx: &Context<'a>, s: &'a Study) -> &'a Study {
    let mut cur = s;
    for _ in 0..10 {
        match cx.registry.get(&cur.superseded_by) {
            Some(next) if !cur.superseded_by.is_empty() => cur = next,
            _ => break,
        }
    }
    cur
}

fn check(doc: &Document<'_>, cx: &Context<'_>, out: &mut Vec<Finding>) {
    for c in &doc.quantities {
        let Some(m) = c.fitting() else {
            continue;
        };
        if m.study.superseded_by.is_empty() {
            continue;
        }
        // Dated to its own edition: historical, not presented as current.
        let years: Vec<u16> = c
            .claim
            .time
            .map(|t| doc.slice(t))
            .into_iter()
            .chain(c.claim.source.as_ref().map(|s| doc.slice(s.span)))
            .flat_map(|t| {
                t.split(|ch: char| !ch.is_ascii_digit())
                    .filter_map(|d| d.parse::<u16>().ok())
                    .filter(|y| (1900..=2100).contains(y))
                    .collect::<Vec<_>>()
            })
            .collect();
        let dated = years.iter().any(|y| {
            *y == m.study.year || (m.study.reference_start..=m.study.reference_end).contains(y)
        });
        if dated {
            continue;
        }
        let new = newest(cx, m.study);
        let mut f = RULE.on(
            doc,
            c,
            format!(
                "“{}” is the {} figure of {}; a newer edition ({}) gives {}",
                doc.slice(c.mention.span),
                m.study.year,
                m.study.publisher,
                new.year,
                new.value_text
            ),
            format!("from the {} edition", m.study.year),
        );
        f.notes.push(format!("the figure: {}", cite(m.study)));
        f.notes.push(format!("newer: {}", cite(new)));
        f.notes.push(source_note(new));
        f.study = Some(m.study.id.clone());
        // The newer edition's interval, drawn beside the claim's.
        let newer = cx
            .registry
            .studies
            .iter()
            .position(|s| s.id == new.id)
            .and_then(|i| cx.intervals.get(i));
        if let Some(interval) = newer {
            f = f.against(Against::Edition, short_cite(new), *interval);
        }
        out.push(f);
    }
}
