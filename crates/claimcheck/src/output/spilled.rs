//! A finding written out by `check`'s sort ([`crate::spill`]) and read back whole: the
//! record's fields that are not in its JSON (the label, the excerpt, the byte ranges) with
//! the rest, and the intervals' bounds as their bits, so that what is read back prints to the
//! same bytes.

use std::borrow::Cow;
use std::cmp::Ordering;

use anyhow::{Context, Result};
use claimcheck_checker::{Against, Severity};
use serde::{Deserialize, Serialize};

use super::{ComparisonRecord, Excerpt, FindingRecord, IntervalRecord, RelatedRecord};
use crate::spill::Spill;

/// A [`FindingRecord`] with the text it borrows when written and owns when read back, and
/// the rule and severity by name, found again when it is read back.
#[derive(Serialize, Deserialize)]
struct Spilled<'a> {
    rule: Cow<'a, str>,
    level: Severity,
    file: Cow<'a, str>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: Cow<'a, str>,
    text: Cow<'a, str>,
    study: Option<Cow<'a, str>>,
    related: Vec<SpilledRelated<'a>>,
    notes: Vec<Cow<'a, str>>,
    unit: Option<Cow<'a, str>>,
    interval: Option<Bounds>,
    compared_with: Option<(Cow<'a, str>, Cow<'a, str>, Bounds)>,
    span: (usize, usize),
    label: Cow<'a, str>,
    excerpt: Option<SpilledExcerpt<'a>>,
}

/// A [`RelatedRecord`]: file, line, column, text and byte range.
type SpilledRelated<'a> = (Cow<'a, str>, usize, usize, Cow<'a, str>, usize, usize);

/// An [`Excerpt`]: its source, first line, the claim's range and the related ranges with
/// their labels.
type SpilledExcerpt<'a> = (
    Cow<'a, str>,
    usize,
    (usize, usize),
    Vec<(usize, usize, Cow<'a, str>)>,
);

/// An interval's bounds as bits (a float printed and parsed back need not be the same float).
type Bounds = (Option<u64>, Option<u64>, Option<bool>, Option<bool>);

fn bounds(i: &IntervalRecord) -> Bounds {
    (
        i.lower.map(f64::to_bits),
        i.upper.map(f64::to_bits),
        i.lower_inclusive,
        i.upper_inclusive,
    )
}

fn interval(b: Bounds) -> IntervalRecord {
    IntervalRecord {
        lower: b.0.map(f64::from_bits),
        upper: b.1.map(f64::from_bits),
        lower_inclusive: b.2,
        upper_inclusive: b.3,
    }
}

impl Spill for FindingRecord {
    /// By file, then line and column: the order `check` writes findings in.
    fn order(&self, other: &Self) -> Ordering {
        (&self.file, self.line, self.column).cmp(&(&other.file, other.line, other.column))
    }

    fn weight(&self) -> usize {
        let related: usize = self
            .related
            .iter()
            .map(|r| std::mem::size_of::<RelatedRecord>() + r.file.len() + r.text.len())
            .sum();
        let excerpt = self.excerpt.as_ref().map_or(0, |e| {
            std::mem::size_of::<Excerpt>()
                + e.source.len()
                + e.related.iter().map(|(_, l)| 40 + l.len()).sum::<usize>()
        });
        std::mem::size_of::<Self>()
            + self.file.len()
            + self.message.len()
            + self.text.len()
            + self.study.as_ref().map_or(0, String::len)
            + related
            + self.notes.iter().map(|n| 24 + n.len()).sum::<usize>()
            + self.unit.as_ref().map_or(0, String::len)
            + self.compared_with.as_ref().map_or(0, |c| c.text.len())
            + self.label.len()
            + excerpt
    }

    fn encode(&self, out: &mut Vec<u8>) -> Result<()> {
        fn b(s: &str) -> Cow<'_, str> {
            Cow::Borrowed(s)
        }
        let spilled = Spilled {
            rule: Cow::Borrowed(self.rule),
            level: self.level,
            file: b(&self.file),
            line: self.line,
            column: self.column,
            end_line: self.end_line,
            end_column: self.end_column,
            message: b(&self.message),
            text: b(&self.text),
            study: self.study.as_deref().map(b),
            related: self
                .related
                .iter()
                .map(|r| {
                    (
                        b(&r.file),
                        r.line,
                        r.column,
                        b(&r.text),
                        r.span.start,
                        r.span.end,
                    )
                })
                .collect(),
            notes: self.notes.iter().map(String::as_str).map(b).collect(),
            unit: self.unit.as_deref().map(b),
            interval: self.interval.as_ref().map(bounds),
            compared_with: self
                .compared_with
                .as_ref()
                .map(|c| (Cow::Borrowed(c.kind), b(&c.text), bounds(&c.interval))),
            span: (self.span.start, self.span.end),
            label: b(&self.label),
            excerpt: self.excerpt.as_ref().map(|e| {
                (
                    b(&e.source),
                    e.first_line,
                    (e.range.start, e.range.end),
                    e.related
                        .iter()
                        .map(|(r, label)| (r.start, r.end, b(label)))
                        .collect(),
                )
            }),
        };
        serde_json::to_writer(out, &spilled)?;
        Ok(())
    }

    fn decode(line: &[u8]) -> Result<Self> {
        let s: Spilled = serde_json::from_slice(line).context("a sorted run is unreadable")?;
        let rule = claimcheck_checker::rules::find(&s.rule)
            .with_context(|| format!("a sorted run names an unknown rule `{}`", s.rule))?;
        let compared_with = match s.compared_with {
            Some((kind, text, b)) => Some(ComparisonRecord {
                kind: Against::parse(&kind)
                    .map(Against::as_str)
                    .with_context(|| format!("a sorted run names an unknown kind `{kind}`"))?,
                text: text.into_owned(),
                interval: interval(b),
            }),
            None => None,
        };
        Ok(FindingRecord {
            rule: rule.name,
            code: rule.code,
            severity: s.level.as_str(),
            file: s.file.into_owned(),
            line: s.line,
            column: s.column,
            end_line: s.end_line,
            end_column: s.end_column,
            message: s.message.into_owned(),
            text: s.text.into_owned(),
            study: s.study.map(Cow::into_owned),
            related: s
                .related
                .into_iter()
                .map(|(file, line, column, text, start, end)| RelatedRecord {
                    file: file.into_owned(),
                    line,
                    column,
                    text: text.into_owned(),
                    span: start..end,
                })
                .collect(),
            notes: s.notes.into_iter().map(Cow::into_owned).collect(),
            unit: s.unit.map(Cow::into_owned),
            interval: s.interval.map(interval),
            compared_with,
            span: s.span.0..s.span.1,
            label: s.label.into_owned(),
            level: s.level,
            excerpt: s
                .excerpt
                .map(|(source, first_line, range, related)| Excerpt {
                    source: source.into_owned(),
                    first_line,
                    range: range.0..range.1,
                    related: related
                        .into_iter()
                        .map(|(start, end, label)| (start..end, label.into_owned()))
                        .collect(),
                }),
        })
    }
}
