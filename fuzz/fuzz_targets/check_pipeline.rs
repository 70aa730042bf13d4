//! The whole `check` pipeline on one document, rendered in every output format.
//!
//! The first byte picks the input: plain text, Markdown, HTML or a JSON Lines corpus (whose
//! documents are named `fuzz.jsonl#ID`, so an id ending `.md` or `.html` is read as markup,
//! as the CLI does). The rest is the file's bytes, decoded as the CLI decodes files. Every
//! rule runs (`--select ALL`), and each format is written into memory; JSON, JSON Lines and
//! SARIF must read back, CSV rows must have the header's width.

#![no_main]

use std::io::Cursor;
use std::sync::LazyLock;

use claimcheck::html::Article;
use claimcheck::input::{self, Document};
use claimcheck::output::{self, CheckFormat, FindingRecord};
use claimcheck::spill::Spill;
use claimcheck_checker::{Checker, Registry, Selection};
use claimcheck_parser::LineIndex;
use clap::ValueEnum;
use libfuzzer_sys::fuzz_target;

static CHECKER: LazyLock<Checker> = LazyLock::new(|| {
    let registry = Registry::builtin().expect("the shipped registry loads");
    let selection = Selection {
        select: vec!["ALL".to_owned()],
        ..Selection::default()
    };
    Checker::new(registry, Default::default(), &selection)
});

fuzz_target!(|data: &[u8]| {
    let Some((&kind, body)) = data.split_first() else {
        return;
    };
    let name = match kind % 4 {
        0 => "fuzz.txt",
        1 => "fuzz.md",
        2 => "fuzz.html",
        _ => "fuzz.jsonl",
    };
    let mut records = Vec::new();
    let mut articles = Vec::new();
    if name.ends_with(".jsonl") {
        let reader = Box::new(Cursor::new(body.to_vec()));
        for doc in input::corpus_reader(reader, name.to_owned()).flatten() {
            let (found, article) = check_document(&doc);
            records.extend(found);
            articles.push(article);
        }
    } else if let Ok(text) = input::decode(body.to_vec(), name) {
        let (found, article) = check_document(&Document {
            name: name.to_owned(),
            text,
        });
        records.extend(found);
        articles.push(article);
    }
    render(&records, &articles);
});

/// `claimcheck::check::check_document`, less the report of unreadable figures on standard
/// error (whose positions are still computed), and the document's page of the HTML report.
fn check_document(doc: &Document) -> (Vec<FindingRecord>, Article) {
    let text = claimcheck::markup::prose(doc);
    assert_eq!(text.len(), doc.text.len(), "masking keeps offsets");
    let checked = CHECKER.check_prose(&text, &doc.text);
    let index = LineIndex::new(&text);
    for d in &checked.diagnostics {
        let _ = index.position(&text, d.span.start);
    }
    let records = checked
        .findings
        .iter()
        .map(|f| FindingRecord::new(&doc.name, &doc.text, &index, f))
        .collect();
    let article = Article::new(&doc.name, &doc.text, &text, &checked, CHECKER.registry());
    (records, article)
}

fn render(records: &[FindingRecord], articles: &[Article]) {
    // A finding written out by check's sort reads back as it was.
    for r in records {
        let mut line = Vec::new();
        r.encode(&mut line).expect("encoded");
        assert!(!line.contains(&b'\n'), "a sorted run holds a finding a line");
        let back = FindingRecord::decode(&line).expect("a finding reads back");
        assert_eq!(format!("{back:?}"), format!("{r:?}"), "the finding read back");
    }
    for &format in CheckFormat::value_variants() {
        let mut out = Vec::new();
        output::write(format, records, articles, false, &mut out).expect("writing to memory succeeds");
        let text = std::str::from_utf8(&out).expect("output is UTF-8");
        match format {
            CheckFormat::Json | CheckFormat::Sarif => {
                let _: serde_json::Value = serde_json::from_str(text)
                    .unwrap_or_else(|e| panic!("{format:?} output does not parse: {e}\n{text}"));
                if format == CheckFormat::Json {
                    // Written a finding at a time, the array serde_json prints whole.
                    let whole = serde_json::to_string_pretty(records).expect("printed");
                    assert_eq!(text, format!("{whole}\n"), "the JSON array written in pieces");
                }
            }
            CheckFormat::Jsonl => {
                for line in text.lines() {
                    let _: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| {
                        panic!("JSON Lines output does not parse: {e}\n{line}")
                    });
                }
                assert_eq!(text.lines().count(), records.len(), "one line per finding");
            }
            CheckFormat::Csv => {
                let mut reader = csv::Reader::from_reader(out.as_slice());
                let width = reader.headers().expect("CSV header").len();
                let mut rows = 0;
                for row in reader.records() {
                    let row = row.expect("CSV row reads back");
                    assert_eq!(row.len(), width, "CSV row width");
                    rows += 1;
                }
                assert_eq!(rows, records.len(), "one CSV row per finding");
            }
            CheckFormat::Full => {
                let mut colored = Vec::new();
                output::write(format, records, articles, true, &mut colored).expect("writing succeeds");
            }
            CheckFormat::Html => {
                assert!(text.starts_with("<!DOCTYPE html>"), "a page");
                assert!(!text.contains("<script>alert"), "article text is escaped");
            }
            CheckFormat::Concise | CheckFormat::Github => {}
        }
    }
}
