//! `json` and `jsonl`: findings as the documented records.

use std::io::Write;

use anyhow::Result;

use super::FindingRecord;

/// One JSON array.
pub(crate) fn write(records: &[FindingRecord], out: &mut dyn Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, records)?;
    writeln!(out)?;
    Ok(())
}

/// One object per line, each made in memory and written whole: serde writes a record in some
/// hundred small pieces, each a call through `out`.
pub(crate) fn write_lines(records: &[FindingRecord], out: &mut dyn Write) -> Result<()> {
    let mut line = Vec::with_capacity(2048);
    for r in records {
        line.clear();
        serde_json::to_writer(&mut line, r)?;
        line.push(b'\n');
        out.write_all(&line)?;
    }
    Ok(())
}
