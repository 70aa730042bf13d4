//! `sarif`: SARIF 2.1.0, with every rule in `tool.driver.rules`.

use std::io::Write;

use anyhow::{Context, Result};
use claimcheck_checker::RULES;
use serde_json::{Value, json};

use super::FindingRecord;
use crate::records::JsonArray;

fn level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    }
}

/// Stands for the results while the log around them is printed.
const RESULTS_PLACE: &str = "\u{0}results\u{0}";

/// The SARIF log with `results` in its one run. Columns are Unicode code points
/// (`columnKind`).
fn log(results: Value) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.doc, "markdown": r.doc },
                "helpUri": r.doc_url(),
                "defaultConfiguration": { "level": level(r.severity.as_str()), "enabled": r.default_on },
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "claimcheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules,
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// The result of one finding.
fn result(f: &FindingRecord) -> Value {
    let rule_index = RULES.iter().position(|r| r.code == f.code).unwrap_or(0);
    let related: Vec<Value> = f
        .related
        .iter()
        .enumerate()
        .map(|(i, rel)| {
            json!({
                "id": i,
                "message": { "text": rel.text },
                "physicalLocation": {
                    "artifactLocation": { "uri": uri(&rel.file) },
                    "region": { "startLine": rel.line, "startColumn": rel.column },
                },
            })
        })
        .collect();
    let mut text = f.message.clone();
    for n in &f.notes {
        text.push('\n');
        text.push_str(n);
    }
    let mut result = json!({
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&f.file) },
                "region": {
                    "startLine": f.line,
                    "startColumn": f.column,
                    "endLine": f.end_line,
                    "endColumn": f.end_column,
                    "snippet": { "text": f.text },
                },
            },
        }],
    });
    if !related.is_empty() {
        result["relatedLocations"] = Value::Array(related);
    }
    if let Some(study) = &f.study {
        result["properties"] = json!({ "study": study });
    }
    result
}

/// A file name as a relative URI (a corpus document keeps its `#id` as a fragment).
fn uri(file: &str) -> String {
    file.replace('\\', "/").replace(' ', "%20")
}

/// The log written a result at a time, as the findings come: the same bytes as the whole log
/// printed by serde_json.
pub(crate) struct Log {
    results: JsonArray,
    /// What follows the results.
    rest: String,
}

impl Log {
    /// Writes the log up to its results.
    pub(crate) fn start(out: &mut dyn Write) -> Result<Self> {
        let whole = serde_json::to_string_pretty(&log(Value::from(RESULTS_PLACE)))?;
        let place = serde_json::to_string(RESULTS_PLACE)?;
        let (before, rest) = whole
            .split_once(&place)
            .context("the SARIF log has a place for its results")?;
        let line = before.rsplit('\n').next().unwrap_or_default();
        let indent = line.len() - line.trim_start().len();
        out.write_all(before.as_bytes())?;
        Ok(Log {
            results: JsonArray::indented(indent),
            rest: rest.to_owned(),
        })
    }

    /// Writes the result of the next finding.
    pub(crate) fn record(&mut self, f: &FindingRecord, out: &mut dyn Write) -> Result<()> {
        self.results.element(&result(f), out)
    }

    /// Writes the rest of the log.
    pub(crate) fn finish(self, out: &mut dyn Write) -> Result<()> {
        self.results.finish(out)?;
        out.write_all(self.rest.as_bytes())?;
        writeln!(out)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Findings of the example article, which cite studies and relate claims.
    fn records() -> Vec<FindingRecord> {
        crate::output::tests::example_records()
    }

    #[test]
    fn the_log_written_a_result_at_a_time_is_the_whole_log_printed() {
        for records in [Vec::new(), records()] {
            let mut streamed = Vec::new();
            let mut log_ = Log::start(&mut streamed).expect("started");
            for r in &records {
                log_.record(r, &mut streamed).expect("written");
            }
            log_.finish(&mut streamed).expect("finished");
            let whole = log(Value::Array(records.iter().map(result).collect()));
            let mut expected = serde_json::to_string_pretty(&whole).expect("printed");
            expected.push('\n');
            assert_eq!(String::from_utf8(streamed).expect("UTF-8"), expected);
        }
    }
}
