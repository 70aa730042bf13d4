//! `github`: workflow commands that GitHub Actions shows as annotations.

use std::io::Write;

use anyhow::Result;

use super::FindingRecord;

/// Escapes a message the way the Actions toolkit does: `%`, CR and LF.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: the data escapes, plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A finding as `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
pub(crate) fn write(r: &FindingRecord, out: &mut dyn Write) -> Result<()> {
    let command = match r.severity {
        "error" => "error",
        "warning" => "warning",
        _ => "notice",
    };
    let mut message = r.message.clone();
    for n in &r.notes {
        message.push('\n');
        message.push_str(n);
    }
    writeln!(
        out,
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        escape_property(&r.file),
        r.line,
        r.column,
        r.end_line,
        r.end_column,
        escape_property(&format!("{}/{}", r.code, r.rule)),
        escape_data(&message)
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_toolkit() {
        assert_eq!(escape_data("50% of\nall"), "50%25 of%0Aall");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
