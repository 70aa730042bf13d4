//! `jsonl`: findings as the documented records, one a line (`json`'s array is
//! [`crate::records::JsonArray`]).

use std::io::Write;

use anyhow::Result;

use super::FindingRecord;

/// Writes one record on a line of its own, made in `line` and written whole: serde writes a
/// record in some hundred small pieces, each a call through `out`.
pub(crate) fn write_line(r: &FindingRecord, line: &mut Vec<u8>, out: &mut dyn Write) -> Result<()> {
    line.clear();
    serde_json::to_writer(&mut *line, r)?;
    line.push(b'\n');
    out.write_all(line)?;
    Ok(())
}
