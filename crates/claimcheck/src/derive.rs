//! `claimcheck derive`: what the stated figures imply.

use std::io::Write;

use anyhow::Result;
use claimcheck_model::estimate::{human, money};
use claimcheck_model::quantity::{plain, round_nominal, show};
use claimcheck_model::{Dimension, End, Estimate, EstimateKind, ModelConventions};
use claimcheck_parser::{ClaimReader, Extractor, LineIndex};
use serde::Serialize;

use crate::cli::{DeriveArgs, TableFormat};
use crate::input::{self, Document, Problem};
use crate::records::{JsonArray, opt_number, plain_number, write_csv_row};
use crate::reporter::Reporter;

/// One input of an estimate, as `derive --format json` writes it.
#[derive(Debug, Serialize)]
pub struct InputRecord {
    /// The figure as written.
    pub text: String,
    /// The document it is in (`--expr` for an expression).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
}

/// One assumption with its kind, as `derive --format json` writes it.
#[derive(Debug, Serialize)]
pub struct AssumptionRecord {
    /// `reading`, `population`, `basis`, `open_bound`, `period`, `parts` or `units`.
    pub kind: &'static str,
    /// The assumption in words, without its label.
    pub text: String,
}

/// One estimate: the documented contract of `derive --format json`.
#[derive(Debug, Serialize)]
pub struct EstimateRecord {
    /// The document (`--expr` for an expression).
    pub file: String,
    /// The line of the first input.
    pub line: usize,
    /// The working in words: "23% × 100,000–200,000+ workers/year".
    pub expression: String,
    /// `[low, high]` from the stated values.
    pub nominal: claimcheck_model::Nominal,
    /// The strict lower bound; null when unbounded.
    pub lower: Option<f64>,
    /// The strict upper bound; null when unbounded.
    pub upper: Option<f64>,
    /// Whether `lower` is included; null when unbounded.
    pub lower_inclusive: Option<bool>,
    /// Whether `upper` is included; null when unbounded.
    pub upper_inclusive: Option<bool>,
    /// `percent`, `percentage points`, an ISO currency code, or the counted noun (null when
    /// unknown).
    pub unit: Option<String>,
    /// The period of a rate: `day`, `week`, `month`, `quarter`, `year`, or null.
    pub per: Option<&'static str>,
    /// The figures it is derived from.
    pub inputs: Vec<InputRecord>,
    /// What a reader must be told to trust it, as sentences.
    pub assumptions: Vec<String>,
    /// How it was obtained: `figure`, `product`, `part`, `sum`, `difference`, `quotient`,
    /// `share`, `percent_change`, `point_change` or `per_year`.
    pub kind: &'static str,
    /// What one of the result is for, in the singular (`person` for money per person), or
    /// null.
    pub each: Option<String>,
    /// What the result counts, in words ("Cambodian labor migrants entering Thailand who fall
    /// victim to human trafficking, a year"); null for shares and changes.
    pub counts: Option<String>,
    /// What the result counts among its population, from the share's sentence, or null.
    pub outcome: Option<String>,
    /// The assumptions again, each with its kind (same order as `assumptions`).
    pub assumption_details: Vec<AssumptionRecord>,
    /// The result for people, rounded ("$2.4 billion a year"): text output only.
    #[serde(skip)]
    pub implies: String,
}

impl EstimateRecord {
    /// The record of one estimate, with its inputs located in `text`.
    pub fn new(file: &str, text: &str, index: &LineIndex, e: &Estimate) -> Self {
        let inputs: Vec<InputRecord> = e
            .inputs
            .iter()
            .map(|i| {
                let at = index.position(text, i.span.start);
                InputRecord {
                    text: i.text.clone(),
                    file: file.to_owned(),
                    line: at.line,
                    column: at.column,
                }
            })
            .collect();
        EstimateRecord {
            file: file.to_owned(),
            line: inputs.first().map_or(1, |i| i.line),
            expression: e.expression.clone(),
            nominal: e.nominal,
            lower: e.interval.lo.value(),
            upper: e.interval.hi.value(),
            lower_inclusive: e.interval.lo.inclusive(),
            upper_inclusive: e.interval.hi.inclusive(),
            unit: crate::records::unit_name(&e.dimension, e.unit.as_deref()),
            per: e.per.map(|p| p.as_str()),
            inputs,
            assumptions: e.assumptions.iter().map(ToString::to_string).collect(),
            kind: e.kind.as_str(),
            each: e.each.clone(),
            counts: e.counts(),
            outcome: e.outcome.clone(),
            assumption_details: e
                .assumptions
                .iter()
                .map(|a| AssumptionRecord {
                    kind: a.kind.as_str(),
                    text: a.text.clone(),
                })
                .collect(),
            implies: implies(e),
        }
    }

    /// The CSV columns, in order.
    pub const CSV_HEADER: &'static [&'static str] = &[
        "file",
        "line",
        "expression",
        "nominal_low",
        "nominal_high",
        "lower",
        "upper",
        "unit",
        "per",
        "inputs",
        "assumptions",
        "kind",
        "each",
        "counts",
    ];

    /// The CSV row; lists are joined with " | ".
    pub fn csv_row(&self) -> Vec<String> {
        vec![
            self.file.clone(),
            self.line.to_string(),
            self.expression.clone(),
            plain_number(self.nominal.low),
            plain_number(self.nominal.high),
            opt_number(self.lower),
            opt_number(self.upper),
            self.unit.clone().unwrap_or_default(),
            self.per.unwrap_or_default().to_owned(),
            self.inputs
                .iter()
                .map(|i| format!("{}:{}: {}", i.line, i.column, i.text))
                .collect::<Vec<_>>()
                .join(" | "),
            self.assumptions.join(" | "),
            self.kind.to_owned(),
            self.each.clone().unwrap_or_default(),
            self.counts.clone().unwrap_or_default(),
        ]
    }
}

/// Runs `derive`, writing estimates to `out`.
pub fn run(args: &DeriveArgs, out: &mut dyn Write, reporter: &Reporter) -> Result<()> {
    let loaded = match crate::config::load(args.input.config.as_deref()) {
        Ok(l) => l,
        Err(p) => {
            reporter.error(&p);
            return Ok(());
        }
    };
    let extractor = Extractor::new(loaded.config.extraction.conventions());
    let conventions = loaded.config.tolerances.clone();
    if let Some(expr) = &args.expr {
        return match expression(&extractor, &conventions, expr) {
            Ok(estimates) => write(&estimates, args.format, out),
            Err(p) => {
                reporter.error(&p);
                Ok(())
            }
        };
    }
    let reader = ClaimReader::default().with_max_sentence(extractor.conventions().max_sentence);
    // Each document is read whole (an estimate may draw on figures far apart), a batch
    // of them at a time on the thread pool; the estimates are written in input order as
    // each batch is done, so that memory stays flat over a corpus.
    let mut written = Writer::new(args.format, out)?;
    input::map_batches(
        &args.input,
        &input::Filter::default(),
        reporter,
        input::Reading::Whole,
        input::BATCH_PARTS,
        |batch| {
            batch.each_isolated(reporter, |_, part| {
                estimates(&extractor, &reader, &conventions, &part.doc)
            })
        },
        |derived| {
            for records in derived.iter().flatten() {
                written.records(records)?;
            }
            Ok(())
        },
    )?;
    written.finish()
}

/// What the figures of one document imply.
pub fn estimates(
    extractor: &Extractor,
    reader: &ClaimReader,
    conventions: &ModelConventions,
    doc: &Document,
) -> Vec<EstimateRecord> {
    let prose = crate::markup::prose(doc);
    let found = extractor.extract(&prose);
    let claims = reader.claims(&prose, &found.mentions);
    let index = LineIndex::new(&prose);
    claimcheck_model::document::derive(&prose, &found.mentions, &claims, conventions)
        .iter()
        .map(|e| EstimateRecord::new(&doc.name, &doc.text, &index, e))
        .collect()
}

/// What an expression (`derive --expr`) implies; an expression that does not parse or
/// cannot be computed is a problem located at `--expr`.
pub fn expression(
    extractor: &Extractor,
    conventions: &ModelConventions,
    expr: &str,
) -> Result<Vec<EstimateRecord>, Problem> {
    match claimcheck_model::evaluate(expr, extractor, conventions) {
        Ok(estimates) => {
            let index = LineIndex::new(expr);
            Ok(estimates
                .iter()
                .map(|e| EstimateRecord::new("--expr", expr, &index, e))
                .collect())
        }
        Err(e) => Err(Problem {
            location: "--expr".to_owned(),
            message: format!("{e}: `{expr}`"),
        }),
    }
}

/// Writes estimate records in a format.
pub fn write(records: &[EstimateRecord], format: TableFormat, out: &mut dyn Write) -> Result<()> {
    let mut written = Writer::new(format, out)?;
    written.records(records)?;
    written.finish()
}

/// Writes estimate records in a format as they come, a document's at a time: the same bytes
/// as [`write`] of them all at once.
struct Writer<'o> {
    format: TableFormat,
    out: &'o mut dyn Write,
    /// The JSON array, in that format.
    array: JsonArray,
    /// The records written so far.
    count: usize,
}

impl<'o> Writer<'o> {
    /// Starts the output (a CSV table's header).
    fn new(format: TableFormat, out: &'o mut dyn Write) -> Result<Self> {
        if format == TableFormat::Csv {
            write_csv_row(out, EstimateRecord::CSV_HEADER)?;
        }
        Ok(Writer {
            format,
            out,
            array: JsonArray::default(),
            count: 0,
        })
    }

    /// Writes the next records.
    fn records(&mut self, records: &[EstimateRecord]) -> Result<()> {
        let out = &mut *self.out;
        for r in records {
            match self.format {
                TableFormat::Json => self.array.element(r, out)?,
                TableFormat::Jsonl => {
                    serde_json::to_writer(&mut *out, r)?;
                    writeln!(out)?;
                }
                TableFormat::Csv => write_csv_row(out, &r.csv_row())?,
                TableFormat::Text => write_text(r, out)?,
            }
            self.count += 1;
        }
        Ok(())
    }

    /// Ends the output: the JSON array's close, or the text's word that there is nothing.
    fn finish(self) -> Result<()> {
        match self.format {
            TableFormat::Json => {
                self.array.finish(self.out)?;
                writeln!(self.out)?;
            }
            TableFormat::Text if self.count == 0 => writeln!(
                self.out,
                "no estimates: no figures in the input imply another"
            )?,
            _ => {}
        }
        Ok(())
    }
}

fn write_text(r: &EstimateRecord, out: &mut dyn Write) -> Result<()> {
    let each = r
        .each
        .as_deref()
        .map_or_else(String::new, |e| format!(" per {e}"));
    let unit = match (&r.unit, r.per) {
        (Some(u), Some(p)) if u == "percent" => format!("% per {p}"),
        (Some(u), None) if u == "percent" => "%".to_owned(),
        (Some(u), Some(p)) => format!(" {u}{each} a {p}"),
        (Some(u), None) => format!(" {u}{each}"),
        (None, Some(p)) => format!("{each} a {p}"),
        (None, None) => each,
    };
    let interval = claimcheck_model::Interval {
        lo: end(r.lower, r.lower_inclusive),
        hi: end(r.upper, r.upper_inclusive),
    };
    let strictly = match (r.lower, r.upper) {
        (Some(l), None) if r.lower_inclusive == Some(true) => {
            format!("at least {}, no upper bound", plain(l))
        }
        (Some(l), None) => format!("more than {}, no upper bound", plain(l)),
        (None, Some(u)) if r.upper_inclusive == Some(true) => format!("at most {}", plain(u)),
        (None, Some(u)) => format!("less than {}", plain(u)),
        (None, None) => "unbounded".to_owned(),
        (Some(_), Some(_)) => String::new(),
    };
    writeln!(out, "{}:{}: {}", r.file, r.line, r.expression)?;
    writeln!(out, "  implies   about {}", r.implies)?;
    if let Some(c) = &r.counts {
        writeln!(out, "  counts    {c}")?;
    }
    if strictly.is_empty() {
        writeln!(out, "  strictly  {}{unit}", show(&interval))?;
    } else {
        writeln!(out, "  strictly  {strictly} {}", show(&interval))?;
    }
    let inputs: Vec<String> = r
        .inputs
        .iter()
        .map(|i| format!("{}:{} “{}”", i.line, i.column, i.text))
        .collect();
    writeln!(out, "  from      {}", inputs.join("; "))?;
    if !r.assumptions.is_empty() {
        writeln!(out, "  assuming")?;
        for a in &r.assumptions {
            writeln!(out, "    - {a}")?;
        }
    }
    writeln!(out)?;
    Ok(())
}

/// The result as an analyst writes it, rounded to the precision its interval warrants:
/// "$2.4 billion a year", "$8,550 per person", "+10.8%", "+7 percentage points".
fn implies(e: &Estimate) -> String {
    let [a, b] = round_nominal(e.nominal.ends(), &e.interval);
    let change = matches!(
        e.kind,
        EstimateKind::PercentChange | EstimateKind::PointChange
    );
    let number = |v: f64| {
        let s = human(v);
        if change && v > 0.0 {
            format!("+{s}")
        } else {
            s
        }
    };
    let value = if a == b {
        number(a)
    } else {
        format!("{}–{}", number(a), number(b))
    };
    let mut s = match &e.dimension {
        Dimension::Percent => format!("{value}%"),
        Dimension::Points => format!("{value} percentage points"),
        Dimension::Money(code) => money(code, &value),
        Dimension::Count => match &e.unit {
            Some(noun) => format!("{value} {noun}"),
            None => value,
        },
    };
    if let Some(each) = &e.each {
        s.push_str(" per ");
        s.push_str(each);
    }
    if let Some(p) = e.per {
        s.push_str(if e.dimension == Dimension::Percent {
            " per "
        } else {
            " a "
        });
        s.push_str(p.as_str());
    }
    s
}

fn end(v: Option<f64>, inclusive: Option<bool>) -> End {
    match (v, inclusive) {
        (Some(v), Some(true)) => End::Inclusive(v),
        (Some(v), _) => End::Exclusive(v),
        (None, _) => End::Unbounded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The estimates of the example article, as `derive` reads it.
    fn example() -> Vec<EstimateRecord> {
        let doc = Document {
            name: "cambodia.txt".to_owned(),
            text: include_str!("../../../data/examples/cambodia-migrants.txt").to_owned(),
        };
        let extractor = Extractor::default();
        let reader = ClaimReader::default();
        estimates(&extractor, &reader, &ModelConventions::default(), &doc)
    }

    fn written(format: TableFormat, chunks: &[&[EstimateRecord]]) -> String {
        let mut out = Vec::new();
        let mut w = Writer::new(format, &mut out).expect("started");
        for chunk in chunks {
            w.records(chunk).expect("written");
        }
        w.finish().expect("finished");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn estimates_written_as_they_come_are_the_array_written_at_once() {
        let records = example();
        assert!(
            records.len() >= 2,
            "the example implies more than one estimate"
        );
        let (first, rest) = records.split_at(1);
        for chunks in [
            &[first, rest][..],
            &[&records[..]],
            &[&[], first, &[], rest],
        ] {
            assert_eq!(
                written(TableFormat::Json, chunks),
                serde_json::to_string_pretty(&records).expect("JSON") + "\n"
            );
            let mut lines = String::new();
            for r in &records {
                lines += &serde_json::to_string(r).expect("JSON");
                lines += "\n";
            }
            assert_eq!(written(TableFormat::Jsonl, chunks), lines);
        }
        assert_eq!(written(TableFormat::Json, &[]), "[]\n");
        assert_eq!(written(TableFormat::Json, &[&[]]), "[]\n");
        assert!(written(TableFormat::Text, &[&[]]).starts_with("no estimates"));
        assert!(!written(TableFormat::Text, &[first]).contains("no estimates"));
    }
}
