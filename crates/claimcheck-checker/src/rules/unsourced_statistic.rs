//! `unsourced-statistic`: a figure with no attribution.

use claimcheck_model::Dimension;

use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::rules::{Context, Rule, Violation};

pub(crate) const RULE: Rule = Rule {
    name: "unsourced-statistic",
    code: "CC201",
    severity: Severity::Info,
    default_on: false,
    summary: "a statistic with no attribution (off unless selected)",
    doc: "# unsourced-statistic (CC201)

## What it does
Reports shares, amounts of money and counts of 1,000 or more that the sentence (or the one
before, when the next continues it) attributes to no one. “Most” and “the majority” are
vague shares, not statistics, and are not reported.

## Why it matters
Readers and fact-checkers need to know where a figure comes from to weigh it.

## Example
“More than 20 percent of Cambodian migrant workers in Thailand are trafficked.”

## Options
Off by default: select it with `--select unsourced-statistic` or in `claimcheck.toml`.
",
    check,
};

fn check(doc: &Document<'_>, _context: &Context<'_>, out: &mut Vec<Finding>) {
    for c in &doc.quantities {
        // "Most", "the majority": a vague share, no statistic that needs a source.
        if c.claim.source.is_some() || c.mention.form == claimcheck_parser::Form::Majority {
            continue;
        }
        let big = match c.quantity.dimension {
            Dimension::Count => c.quantity.nominal.high >= 1000.0,
            _ => true,
        };
        if !big {
            continue;
        }
        out.push(
            Unsourced {
                claim: doc.slice(c.mention.span),
            }
            .finding(doc, c),
        );
    }
}

/// A statistic attributed to no source.
struct Unsourced<'a> {
    /// The claim as written.
    claim: &'a str,
}

impl Violation for Unsourced<'_> {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn message(&self) -> String {
        format!("“{}” is attributed to no source", self.claim)
    }

    fn label(&self) -> String {
        "no source".to_owned()
    }
}
