//! `not-in-source`: a figure credited to a study whose own text gives no such figure.

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::rules::against::{SourceShape, SourceViolation, checks};
use crate::rules::{Context, Rule};
use crate::source::Verdict;

pub(crate) const RULE: Rule = Rule {
    name: "not-in-source",
    code: "CC120",
    severity: Severity::Warning,
    default_on: true,
    summary: "a figure credited to a study (given with `--against`) that its text does not give",
    doc: "# not-in-source (CC120)

## What it does
With `claimcheck check ARTICLE --against SOURCE`, looks up each figure whose sentence names
the source (its title, or an organisation its opening names with an acronym, such as
“Northwind Housing Observatory (NHO)”), or every figure with `--assume-cited`, among the
figures of the source's own text (PDF, HTML, Markdown or plain text). A figure of the same
kind (share, count, money) whose value the source gives nowhere, and whose population the
source gives no other value for, is reported with the nearest figures the source does give,
each with its sentence and its page and line.

When the source gives the population another value, that is a `study-contradiction`; when it
gives the value for another population or year, a `population-mismatch` or a
`misattribution`.

## Why it matters
A figure credited to a study it is not in cannot be checked by a reader, and often comes from
a press release, another study, or a calculation the article does not show.

## Example
“The NHO reports that 9,500 landlords were fined in 2023.”, checked against a study of the
Northwind Housing Observatory that counts tenants, filings and hearings but no fines.

## Options
`--against SOURCE` (repeatable) or `sources = [...]` in `claimcheck.toml` name the sources;
`--assume-cited` (or `assume-cited = true`) checks every figure, named or not.
",
    check,
};

fn check(doc: &Document<'_>, context: &Context<'_>, out: &mut Vec<Finding>) {
    for (c, source, looked) in checks(doc, context, |v| matches!(v, Verdict::NotInSource(_))) {
        let Verdict::NotInSource(near) = &looked.verdict else {
            continue;
        };
        let missing = SourceViolation {
            rule: &RULE,
            claim: doc.slice(c.mention.span),
            quantity: &c.quantity,
            source,
            shape: SourceShape::NotInSource {
                named: looked.named,
                near: near.iter().filter_map(|&i| source.figures.get(i)).collect(),
            },
        };
        out.push(missing.reported(doc, c));
    }
}
