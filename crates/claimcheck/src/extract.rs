//! `claimcheck extract`: every figure in the input, one record each.

use std::io::Write;

use anyhow::Result;
use claimcheck_parser::{ClaimReader, Extractor};

use crate::cli::{ExtractArgs, ExtractFormat};
use crate::input::{self, Document};
use crate::records::MentionRecord;
use crate::reporter::Reporter;

/// Runs `extract`, writing records to `out`.
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
    input::for_each_document(&args.input, reporter, |doc| {
        emit_document(&extractor, &reader, &doc, &mut emitter, reporter)
    })?;
    emitter.finish()
}

fn emit_document(
    extractor: &Extractor,
    reader: &ClaimReader,
    doc: &Document,
    emitter: &mut Emitter<'_>,
    reporter: &Reporter,
) -> Result<()> {
    // Everything that reads the document runs isolated; only then are its records written,
    // so a document that fails leaves no partial records behind.
    let Some(extraction) = reporter.isolate(&doc.name, || {
        crate::api::Extraction::new(extractor, reader, doc)
    }) else {
        return Ok(());
    };
    for p in &extraction.problems() {
        reporter.error(p);
    }
    for record in &extraction.records() {
        emitter.record(record)?;
    }
    Ok(())
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

    fn record(&mut self, r: &MentionRecord<'_>) -> Result<()> {
        match self.format {
            ExtractFormat::Jsonl => {
                serde_json::to_writer(&mut *self.out, r)?;
                self.out.write_all(b"\n")?;
            }
            ExtractFormat::Json => {
                self.out
                    .write_all(if self.count == 0 { b"\n  " } else { b",\n  " })?;
                serde_json::to_writer(&mut *self.out, r)?;
            }
            ExtractFormat::Csv => {
                crate::records::write_csv_row(&mut *self.out, &r.csv_row())?;
            }
            ExtractFormat::Text => {
                writeln!(self.out, "{}", text_line(r))?;
            }
        }
        self.count += 1;
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
