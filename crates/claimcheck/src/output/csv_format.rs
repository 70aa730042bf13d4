//! `csv`: one row per finding.

use super::FindingRecord;

/// The columns, in order.
pub const HEADER: &[&str] = &[
    "rule",
    "code",
    "severity",
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "message",
    "text",
    "study",
    "related",
    "notes",
];

/// The row of a record; lists are joined with " | ".
pub fn row(r: &FindingRecord) -> Vec<String> {
    vec![
        r.rule.to_owned(),
        r.code.to_owned(),
        r.severity.to_owned(),
        r.file.clone(),
        r.line.to_string(),
        r.column.to_string(),
        r.end_line.to_string(),
        r.end_column.to_string(),
        r.message.clone(),
        r.text.clone(),
        r.study.clone().unwrap_or_default(),
        r.related
            .iter()
            .map(|x| format!("{}:{}:{}: {}", x.file, x.line, x.column, x.text))
            .collect::<Vec<_>>()
            .join(" | "),
        r.notes.join(" | "),
    ]
}
