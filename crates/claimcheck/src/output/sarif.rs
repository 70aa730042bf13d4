//! `sarif`: SARIF 2.1.0, with every rule in `tool.driver.rules`.

use std::io::Write;

use anyhow::Result;
use claimcheck_checker::RULES;
use serde_json::{Value, json};

use super::FindingRecord;

fn level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    }
}

/// The SARIF log of the findings. Columns are Unicode code points (`columnKind`).
pub(crate) fn log(records: &[FindingRecord]) -> Value {
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
    let results: Vec<Value> = records
        .iter()
        .map(|f| {
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

/// A file name as a relative URI (a corpus document keeps its `#id` as a fragment).
fn uri(file: &str) -> String {
    file.replace('\\', "/").replace(' ', "%20")
}

/// Writes the log.
pub(crate) fn write(records: &[FindingRecord], out: &mut dyn Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(records))?;
    writeln!(out)?;
    Ok(())
}
