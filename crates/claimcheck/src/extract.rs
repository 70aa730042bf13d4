//! `claimcheck extract`: every figure in the input, one record each.

use std::io::Write;

use anyhow::Result;
use claimcheck_parser::{ClaimReader, Extractor};

use crate::cli::{ExtractArgs, ExtractFormat};
use crate::input::{self, Part};
use crate::records::MentionRecord;
use crate::reporter::Reporter;

/// Runs `extract`, writing records to `out`. Documents (and the windows of a long file) are
/// read in batches, each batch's records made on every core (the next batch's begun while
/// one is finishing) and written in order.
pub fn run(args: &ExtractArgs, out: &mut dyn Write, reporter: &Reporter) -> Result<()> {
    let loaded = match crate::config::load(args.input.config.as_deref()) {
        Ok(l) => l,
        Err(p) => {
            reporter.error(&p);
            return Ok(());
        }
    };
    let conventions = loaded.config.extraction.conventions();
    let reader = ClaimReader::default().with_max_sentence(conventions.max_sentence);
    let extractor = Extractor::new(conventions);
    let mut emitter = Emitter::new(args.format, out)?;
    let reading = input::Reading::Windows(crate::check::WINDOW_BYTES);
    let filter = input::Filter::default();
    input::map_batches(
        &args.input,
        &filter,
        reporter,
        reading,
        input::BATCH_PARTS,
        |batch| {
            // Everything that reads the document runs isolated; only then are its records
            // written, so a document that fails leaves no partial records behind.
            batch.each_isolated(reporter, |_, part| {
                written(&extractor, &reader, part, args.format)
            })
        },
        |written| {
            for part in written.into_iter().flatten() {
                let part = part?;
                for p in &part.problems {
                    reporter.error(p);
                }
                emitter.part(&part)?;
            }
            Ok(())
        },
    )?;
    emitter.finish()
}

/// One part's records, already in the output format, and the figures it could not read.
struct Written {
    /// The records, each as the format writes it; in JSON each is preceded by `,\n  `.
    bytes: Vec<u8>,
    /// How many records.
    count: usize,
    problems: Vec<input::Problem>,
}

/// The JSON array's separator before each record but the first.
const JSON_SEPARATOR: &[u8] = b",\n  ";

fn written(
    extractor: &Extractor,
    reader: &ClaimReader,
    part: &Part,
    format: ExtractFormat,
) -> Result<Written> {
    let extraction = crate::api::Extraction::at(extractor, reader, &part.doc, part.origin);
    let records = extraction.records();
    // A JSON record is about 520 bytes; room for a little more saves growing the buffer.
    let mut bytes = Vec::with_capacity(records.len() * 640);
    for r in &records {
        match format {
            ExtractFormat::Jsonl => {
                r.write_json(&mut bytes);
                bytes.push(b'\n');
            }
            ExtractFormat::Json => {
                bytes.extend_from_slice(JSON_SEPARATOR);
                r.write_json(&mut bytes);
            }
            ExtractFormat::Csv => crate::records::push_csv_row(&mut bytes, &r.csv_row())?,
            ExtractFormat::Text => writeln!(bytes, "{}", text_line(r))?,
        }
    }
    Ok(Written {
        bytes,
        count: records.len(),
        problems: extraction.problems(),
    })
}

/// Writes records in one of the formats.
struct Emitter<'w> {
    format: ExtractFormat,
    out: &'w mut dyn Write,
    count: usize,
}

impl<'w> Emitter<'w> {
    fn new(format: ExtractFormat, out: &'w mut dyn Write) -> Result<Self> {
        let e = Emitter {
            format,
            out,
            count: 0,
        };
        if format == ExtractFormat::Csv {
            crate::records::write_csv_row(&mut *e.out, MentionRecord::CSV_HEADER)?;
        }
        if format == ExtractFormat::Json {
            e.out.write_all(b"[")?;
        }
        Ok(e)
    }

    /// A part's records, in order after the ones before.
    fn part(&mut self, part: &Written) -> Result<()> {
        let mut bytes = part.bytes.as_slice();
        if self.format == ExtractFormat::Json && self.count == 0 {
            // The array's first record has no comma before it.
            bytes = bytes.strip_prefix(b",").unwrap_or(bytes);
        }
        self.out.write_all(bytes)?;
        self.count += part.count;
        Ok(())
    }

    fn finish(self) -> Result<()> {
        if self.format == ExtractFormat::Json {
            self.out
                .write_all(if self.count == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(())
    }
}

/// `file:line:col: kind `text` = interval (qualifier, unit, per)`.
fn text_line(r: &MentionRecord<'_>) -> String {
    use crate::records::plain_number as n;
    let interval = match (r.lower, r.upper) {
        (Some(l), Some(u)) if l == u => n(l),
        (l, u) => format!(
            "{}{}, {}{}",
            if r.lower_inclusive == Some(true) {
                "["
            } else {
                "("
            },
            l.map_or("-inf".to_owned(), n),
            u.map_or("inf".to_owned(), n),
            if r.upper_inclusive == Some(true) {
                "]"
            } else {
                ")"
            },
        ),
    };
    let mut extras = Vec::new();
    if let Some(q) = r.qualifier {
        extras.push(q.to_owned());
    }
    if let Some(c) = r.currency {
        extras.push(c.to_owned());
    }
    if let Some(u) = r.unit {
        extras.push(format!("unit: {u}"));
    }
    if let Some(p) = r.per {
        extras.push(format!("per {p}"));
    }
    let extras = if extras.is_empty() {
        String::new()
    } else {
        format!(" ({})", extras.join(", "))
    };
    format!(
        "{}:{}:{}: {} `{}` = {}{}",
        r.file, r.line, r.column, r.kind, r.text, interval, extras
    )
}
