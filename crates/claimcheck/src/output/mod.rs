//! Emitters of `check` findings: one per format, each writing to `&mut dyn Write`.

mod csv_format;
mod full;
mod github;
mod json;
mod sarif;
mod spilled;

pub use csv_format::{HEADER as CSV_HEADER, row as csv_row};

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

/// Writes findings in a format as they come, in the order given: [`Emitter::start`], a
/// [`record`](Emitter::record) call per finding, then [`finish`](Emitter::finish). Only the
/// formats' openings and closings are held, never the findings, so `check` can write findings
/// read back from its sort without holding them all.
pub struct Emitter<'o> {
    out: &'o mut dyn Write,
    form: Form,
}

/// What a format keeps between findings.
enum Form {
    Full(annotate_snippets::Renderer),
    Concise,
    Json(crate::records::JsonArray),
    /// The line each record is made in.
    Jsonl(Vec<u8>),
    /// The row each record is made in.
    Csv(Vec<u8>),
    Sarif(sarif::Log),
    Github,
    Html,
}

impl<'o> Emitter<'o> {
    /// Begins the output (a CSV header, the SARIF log up to its results). `color` styles
    /// `full` output.
    pub fn start(format: CheckFormat, color: bool, out: &'o mut dyn Write) -> Result<Self> {
        let form = match format {
            CheckFormat::Full => Form::Full(full::renderer(color)),
            CheckFormat::Concise => Form::Concise,
            CheckFormat::Json => Form::Json(crate::records::JsonArray::default()),
            CheckFormat::Jsonl => Form::Jsonl(Vec::with_capacity(2048)),
            CheckFormat::Csv => {
                crate::records::write_csv_row(out, CSV_HEADER)?;
                Form::Csv(Vec::with_capacity(1024))
            }
            CheckFormat::Sarif => Form::Sarif(sarif::Log::start(out)?),
            CheckFormat::Github => Form::Github,
            CheckFormat::Html => Form::Html,
        };
        Ok(Emitter { out, form })
    }

    /// Writes the next finding (the HTML page shows them with their articles, at the end).
    pub fn record(&mut self, r: &FindingRecord) -> Result<()> {
        let out = &mut *self.out;
        match &mut self.form {
            Form::Full(renderer) => full::write(r, renderer, out),
            Form::Concise => {
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
                Ok(())
            }
            Form::Json(array) => array.element(r, out),
            Form::Jsonl(line) => json::write_line(r, line, out),
            Form::Csv(row) => {
                row.clear();
                crate::records::push_csv_row(row, &csv_row(r))?;
                out.write_all(row)?;
                Ok(())
            }
            Form::Sarif(log) => log.record(r, out),
            Form::Github => github::write(r, out),
            Form::Html => Ok(()),
        }
    }

    /// Ends the output: closes the JSON array or the SARIF log; writes the HTML page of
    /// `articles` (the documents with their findings, which only it reads).
    pub fn finish(self, articles: &[crate::html::Article]) -> Result<()> {
        match self.form {
            Form::Json(array) => {
                array.finish(self.out)?;
                writeln!(self.out)?;
            }
            Form::Sarif(log) => log.finish(self.out)?,
            Form::Html => crate::html::pages::one_page(articles, self.out)?,
            Form::Full(_) | Form::Concise | Form::Jsonl(_) | Form::Csv(_) | Form::Github => {}
        }
        Ok(())
    }
}

/// Writes findings in a format, all at once: [`Emitter`] over `records`.
pub fn write(
    format: CheckFormat,
    records: &[FindingRecord],
    articles: &[crate::html::Article],
    color: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let mut emitter = Emitter::start(format, color, out)?;
    for r in records {
        emitter.record(r)?;
    }
    emitter.finish(articles)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::spill::Spill;
    use claimcheck_checker::{Checker, Registry, Selection};

    /// The findings of the two example articles: claims that cite studies, contradict each
    /// other and work out to other figures, so every field of a record is filled somewhere.
    pub(crate) fn example_records() -> Vec<FindingRecord> {
        let checker = Checker::new(
            Registry::builtin().expect("the shipped registry"),
            claimcheck_model::ModelConventions::default(),
            &Selection::default(),
        );
        let articles = [
            (
                "cambodia-migrants.txt",
                include_str!("../../../../data/examples/cambodia-migrants.txt"),
            ),
            (
                "forced-labour-roundup.md",
                include_str!("../../../../data/examples/forced-labour-roundup.md"),
            ),
        ];
        let mut records = Vec::new();
        for (name, text) in articles {
            let doc = crate::input::Document {
                name: name.to_owned(),
                text: text.to_owned(),
            };
            records.extend(crate::check::findings(&checker, &doc).0);
        }
        assert!(records.iter().any(|r| !r.related.is_empty()));
        assert!(records.iter().any(|r| r.study.is_some()));
        assert!(records.iter().any(|r| r.compared_with.is_some()));
        assert!(records.iter().any(|r| r.interval.is_some()));
        assert!(
            records
                .iter()
                .any(|r| r.excerpt.as_ref().is_some_and(|e| !e.related.is_empty()))
        );
        records
    }

    #[test]
    fn a_finding_read_back_from_the_sort_is_the_finding_it_was() {
        for r in example_records() {
            let before = format!("{r:?}");
            let mut line = Vec::new();
            r.encode(&mut line).expect("encoded");
            assert!(!line.contains(&b'\n'), "one line");
            let back = FindingRecord::decode(&line).expect("decoded");
            assert_eq!(format!("{back:?}"), before);
        }
    }

    #[test]
    fn findings_written_one_at_a_time_are_the_pretty_json_array() {
        for records in [Vec::new(), example_records()] {
            let mut written = Vec::new();
            write(CheckFormat::Json, &records, &[], false, &mut written).expect("written");
            let mut expected = serde_json::to_string_pretty(&records).expect("printed");
            expected.push('\n');
            assert_eq!(String::from_utf8(written).expect("UTF-8"), expected);
        }
    }
}
