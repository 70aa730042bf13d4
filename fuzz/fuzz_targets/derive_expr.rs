//! `derive --expr` over arbitrary strings: an expression evaluates or is an error with a
//! column inside it; estimates render in every table format, and JSON reads back.

#![no_main]

use std::sync::LazyLock;

use claimcheck::cli::TableFormat;
use claimcheck::derive::{self, EstimateRecord};
use claimcheck_model::ModelConventions;
use claimcheck_parser::{Extractor, LineIndex};
use clap::ValueEnum;
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::default);

fuzz_target!(|data: &[u8]| {
    let Ok(expr) = std::str::from_utf8(data) else {
        return;
    };
    let conventions = ModelConventions::default();
    let estimates = match claimcheck_model::evaluate(expr, &EXTRACTOR, &conventions) {
        Ok(estimates) => estimates,
        Err(e) => {
            let columns = expr.chars().count() + 1;
            assert!(
                (1..=columns).contains(&e.column),
                "error column {} outside 1..={columns}: {e}",
                e.column
            );
            let _ = e.to_string();
            return;
        }
    };
    let index = LineIndex::new(expr);
    let records: Vec<EstimateRecord> = estimates
        .iter()
        .map(|e| EstimateRecord::new("--expr", expr, &index, e))
        .collect();
    for &format in TableFormat::value_variants() {
        let mut out = Vec::new();
        derive::write(&records, format, &mut out).expect("writing to memory succeeds");
        let text = std::str::from_utf8(&out).expect("output is UTF-8");
        match format {
            TableFormat::Json => {
                let _: serde_json::Value = serde_json::from_str(text)
                    .unwrap_or_else(|e| panic!("JSON output does not parse: {e}\n{text}"));
            }
            TableFormat::Jsonl => {
                for line in text.lines() {
                    let _: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| {
                        panic!("JSON Lines output does not parse: {e}\n{line}")
                    });
                }
            }
            TableFormat::Csv | TableFormat::Text => {}
        }
    }
});
