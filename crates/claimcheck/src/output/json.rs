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

/// One object per line.
pub(crate) fn write_lines(records: &[FindingRecord], out: &mut dyn Write) -> Result<()> {
    for r in records {
        serde_json::to_writer(&mut *out, r)?;
        writeln!(out)?;
    }
    Ok(())
}
