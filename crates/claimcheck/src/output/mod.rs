//! Emitters of `check` findings: one per format, each writing to `&mut dyn Write`.

mod csv_format;

pub use csv_format::{HEADER as CSV_HEADER, row as csv_row};
mod full;
mod github;
mod json;
mod sarif;

use std::io::Write;

use anyhow::Result;
use claimcheck_checker::{Finding, Severity};
use claimcheck_parser::LineIndex;
use serde::Serialize;

pub use crate::records::IntervalRecord;

/// Output formats of `claimcheck check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// rustc-style: the line, a label under the figure, notes with the other side.
    Full,
    /// One line per finding: `path:line:col: severity[CODE/rule] message`.
    Concise,
    /// One JSON array of findings.
    Json,
    /// One JSON object per finding per line.
    Jsonl,
    /// A CSV table with a header row.
    Csv,
    /// SARIF 2.1.0, for code-scanning platforms.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// One self-contained HTML page: each article with its figures marked, its findings
    /// beside their lines and their intervals drawn.
    Html,
}

/// Another location a finding points to.
#[derive(Debug, Clone, Serialize)]
pub struct RelatedRecord {
    /// The file.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
    /// The text there.
    pub text: String,
    /// Its byte range in the document, for the HTML report's links.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
}

/// One finding: the documented contract of `check --format json|jsonl|csv`.
#[derive(Debug, Clone, Serialize)]
pub struct FindingRecord {
    /// The rule's stable name.
    pub rule: &'static str,
    /// The rule's stable code.
    pub code: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    /// The file (`path#id` in a corpus).
    pub file: String,
    /// 1-based line of the claim.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
    /// 1-based line of the claim's end.
    pub end_line: usize,
    /// 1-based column of its end (exclusive).
    pub end_column: usize,
    /// What is wrong.
    pub message: String,
    /// The claim as written.
    pub text: String,
    /// The registry figure's id, or null.
    pub study: Option<String>,
    /// Other locations: the other claim of a contradiction, the inputs of a derivation.
    pub related: Vec<RelatedRecord>,
    /// Further explanation, one sentence each.
    pub notes: Vec<String>,
    /// The claim's unit: `percent`, an ISO currency code, the counted noun, or null.
    pub unit: Option<String>,
    /// Every value the claim's words allow (after rounding and hedges), or null when the
    /// finding is not about a figure.
    pub interval: Option<IntervalRecord>,
    /// What the claim's interval is set against (the study's, the other claim's, what the
    /// inputs work out to), or null.
    pub compared_with: Option<ComparisonRecord>,
    /// The claim's byte range in the document, for the HTML report.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    /// The label under the claim in human output.
    #[serde(skip)]
    pub label: String,
    /// The claim's severity as an enum, for the exit code.
    #[serde(skip)]
    pub level: Severity,
    /// The lines of the source around the claim (and related places), for `full`.
    #[serde(skip)]
    pub excerpt: Option<Excerpt>,
}

/// The other side of a comparison: `kind` (`study`, `edition`, `claim`, `derived`, `limit`),
/// `text` and the interval's bounds.
#[derive(Debug, Clone, Serialize)]
pub struct ComparisonRecord {
    /// Whose interval it is: `study`, `edition`, `claim`, `derived` or `limit`.
    pub kind: &'static str,
    /// The other side as written or worked out.
    pub text: String,
    /// Its interval.
    #[serde(flatten)]
    pub interval: IntervalRecord,
}

/// A piece of the source for human output.
#[derive(Debug, Clone)]
pub struct Excerpt {
    /// The lines, whole.
    pub source: String,
    /// The 1-based number of the first line.
    pub first_line: usize,
    /// The claim's byte range inside `source`.
    pub range: std::ops::Range<usize>,
    /// Related places inside `source`, with their labels.
    pub related: Vec<(std::ops::Range<usize>, String)>,
}

impl FindingRecord {
    /// The record of a finding in `text`, a document named `file`.
    pub fn new(file: &str, text: &str, index: &LineIndex, f: &Finding) -> Self {
        let start = index.position(text, f.span.start);
        let end = index.position(text, f.span.end);
        let related: Vec<RelatedRecord> = f
            .related
            .iter()
            .map(|r| {
                let at = index.position(text, r.span.start);
                RelatedRecord {
                    file: file.to_owned(),
                    line: at.line,
                    column: at.column,
                    text: r.text.clone(),
                    span: r.span.range(),
                }
            })
            .collect();
        // The excerpt spans the claim's lines and the related places' lines, when close; on
        // a very long line, a window of it around the claim.
        let window = |r: std::ops::Range<usize>, around: std::ops::Range<usize>| {
            if r.end - r.start <= 2_000 {
                return r;
            }
            let mut lo = around.start.saturating_sub(300).max(r.start);
            let mut hi = (around.end + 300).min(r.end);
            while !text.is_char_boundary(lo) {
                lo -= 1;
            }
            while !text.is_char_boundary(hi) {
                hi += 1;
            }
            lo..hi
        };
        let own = window(index.line_range(text, f.span.start), f.span.range());
        let (mut lo, mut hi) = (
            own.start,
            index
                .line_range(text, f.span.end)
                .end
                .min(own.end.max(f.span.end)),
        );
        let near: Vec<_> = f
            .related
            .iter()
            .filter(|r| r.span.start.abs_diff(f.span.start) < 2_000)
            .collect();
        for r in &near {
            let theirs = window(index.line_range(text, r.span.start), r.span.range());
            lo = lo.min(theirs.start);
            hi = hi.max(theirs.end).max(r.span.end);
        }
        let excerpt = (hi - lo <= 20_000).then(|| Excerpt {
            source: blank_unprintable(&text[lo..hi]),
            first_line: index.position(text, lo).line,
            range: f.span.start - lo..f.span.end - lo,
            related: near
                .iter()
                .map(|r| (r.span.start - lo..r.span.end - lo, r.label.clone()))
                .collect(),
        });
        FindingRecord {
            rule: f.rule.name,
            code: f.rule.code,
            severity: f.severity.as_str(),
            file: file.to_owned(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            // One line per message, whatever line breaks the quoted text had.
            message: claimcheck_parser::one_line(&f.message),
            text: f.text.clone(),
            study: f.study.clone(),
            related,
            notes: f
                .notes
                .iter()
                .map(|n| claimcheck_parser::one_line(n))
                .collect(),
            unit: f
                .quantity
                .as_ref()
                .and_then(|q| crate::records::unit_name(&q.dimension, q.unit.as_deref())),
            interval: f
                .quantity
                .as_ref()
                .map(|q| IntervalRecord::new(&q.interval)),
            compared_with: f.compared.as_ref().map(|c| ComparisonRecord {
                kind: c.against.as_str(),
                text: c.text.clone(),
                interval: IntervalRecord::new(&c.interval),
            }),
            span: f.span.range(),
            label: f.label.clone(),
            level: f.severity,
            excerpt,
        }
    }
}

/// Whether a character must not reach a terminal as it is: control characters (escape
/// sequences, vertical tabs, the C1 set; line breaks aside) and the bidirectional embeddings,
/// overrides and isolates that reorder what a reader sees ("Trojan Source").
fn unprintable(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The source lines with each unprintable character replaced by as many spaces as it has
/// bytes, so that every byte offset into the excerpt still points at the same place.
fn blank_unprintable(source: &str) -> String {
    if !source.chars().any(unprintable) {
        return source.to_owned();
    }
    let mut out = String::with_capacity(source.len());
    for c in source.chars() {
        if unprintable(c) {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

/// A message for a terminal: each unprintable character shown as U+FFFD.
pub(crate) fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(unprintable) {
        text.chars()
            .map(|c| if unprintable(c) { '\u{FFFD}' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// Writes findings in a format. `color` styles `full` output; `articles` are the documents
/// with their findings, which only `html` reads (and which only it needs collected).
pub fn write(
    format: CheckFormat,
    records: &[FindingRecord],
    articles: &[crate::html::Article],
    color: bool,
    out: &mut dyn Write,
) -> Result<()> {
    match format {
        CheckFormat::Html => crate::html::pages::one_page(articles, out),
        CheckFormat::Full => full::write(records, color, out),
        CheckFormat::Concise => {
            for r in records {
                writeln!(
                    out,
                    "{}:{}:{}: {}[{}/{}] {}",
                    printable(&r.file),
                    r.line,
                    r.column,
                    r.severity,
                    r.code,
                    r.rule,
                    printable(&r.message)
                )?;
            }
            Ok(())
        }
        CheckFormat::Json => json::write(records, out),
        CheckFormat::Jsonl => json::write_lines(records, out),
        CheckFormat::Csv => csv_format::write(records, out),
        CheckFormat::Sarif => sarif::write(records, out),
        CheckFormat::Github => github::write(records, out),
    }
}
