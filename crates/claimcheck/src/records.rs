//! The records `extract` writes: the documented contract of its JSON and CSV output.

use claimcheck_parser::{Change, Claim, Mention, Position};
use serde::Serialize;

/// One figure, as `extract --format json|jsonl` writes it. Field names and meanings are a
/// contract (see the README): add fields, never rename them.
#[derive(Debug, Serialize)]
pub struct MentionRecord<'a> {
    /// The input's name (`path`, or `path#id` in a corpus).
    pub file: &'a str,
    /// First byte of the figure in the document's text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in Unicode scalar values.
    pub column: usize,
    /// 1-based line of `end`.
    pub end_line: usize,
    /// 1-based column of `end`, in Unicode scalar values.
    pub end_column: usize,
    /// The exact source text.
    pub text: &'a str,
    /// `number`, `percent`, `money`, `year` or `ordinal`.
    pub kind: &'static str,
    /// The stated number; null for a range or a vague quantity.
    pub value: Option<f64>,
    /// `[low, high]` for a range.
    pub endpoints: Option<[f64; 2]>,
    /// The lower bound the words assert; null when unbounded.
    pub lower: Option<f64>,
    /// The upper bound the words assert; null when unbounded.
    pub upper: Option<f64>,
    /// Whether `lower` is included; null when unbounded.
    pub lower_inclusive: Option<bool>,
    /// Whether `upper` is included; null when unbounded.
    pub upper_inclusive: Option<bool>,
    /// The normalised qualifier.
    pub qualifier: Option<&'static str>,
    /// Whether the words admit the figure is not exact.
    pub approximate: bool,
    /// ISO 4217 currency code, for money.
    pub currency: Option<&'static str>,
    /// The counted noun, or `percentage points`.
    pub unit: Option<&'a str>,
    /// The period of a rate: `day`, `week`, `month` or `year`.
    pub per: Option<&'static str>,
    /// How the figure was written: `digits`, `words`, `fraction`, `ratio`, `rate`, `vague`.
    pub form: &'static str,
    /// The population the figure describes, as written.
    pub subject: Option<&'a str>,
    /// The part of the subject a share is about ("Men" in "Men made up 45% of …").
    pub subgroup: Option<&'a str>,
    /// What the figure asserts about the subject.
    pub predicate: Option<&'a str>,
    /// A hedge on the claim ("believed to be", "reportedly", "an estimated").
    pub hedge: Option<&'a str>,
    /// Who the figure is attributed to.
    pub source: Option<SourceRecord<'a>>,
    /// The reference time ("in 2021", "on any given day").
    pub time: Option<&'a str>,
    /// How the figure was arrived at ("detected", "estimated").
    pub basis: Option<&'a str>,
    /// The sentence holding the figure, as byte offsets.
    pub sentence: SentenceRecord,
    /// The change this figure is one end of ("rose from 12% to 19%"): both figures.
    pub change: Option<ChangeRecord<'a>>,
    /// The sentence's text, for the CSV column.
    #[serde(skip)]
    pub sentence_text: &'a str,
}

/// An attribution in a record.
#[derive(Debug, Serialize)]
pub struct SourceRecord<'a> {
    /// The attribution as written.
    pub text: &'a str,
    /// The organisation's registered name, or the acronym in the text.
    pub name: Option<&'a str>,
    /// The year given with the attribution.
    pub year: Option<u16>,
}

/// Two figures related as a change, earlier value first: on both of their records.
#[derive(Debug, Serialize)]
pub struct ChangeRecord<'a> {
    /// The figure the change starts from.
    pub from: FigureRef<'a>,
    /// The figure the change ends at.
    pub to: FigureRef<'a>,
}

/// Another figure of the same document, by its byte offsets and text.
#[derive(Debug, Serialize)]
pub struct FigureRef<'a> {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The exact source text.
    pub text: &'a str,
}

/// Where a sentence is, in bytes.
#[derive(Debug, Serialize)]
pub struct SentenceRecord {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl<'a> MentionRecord<'a> {
    /// The record for `m`, found in `text` of the input `file`, at `start`..`end`.
    pub fn new(
        file: &'a str,
        text: &'a str,
        m: &Mention,
        claim: &'a Claim,
        start: Position,
        end: Position,
    ) -> Self {
        let slice = |s: Option<claimcheck_parser::Span>| s.map(|s| &text[s.range()]);
        let unit = if m.points {
            Some("percentage points")
        } else if m.age {
            Some("years")
        } else {
            m.unit.map(|u| &text[u.range()])
        };
        MentionRecord {
            file,
            start: m.span.start,
            end: m.span.end,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            text: &text[m.span.range()],
            kind: m.kind.as_str(),
            value: m.value,
            endpoints: m.endpoints,
            lower: m.lower.map(|b| b.value),
            upper: m.upper.map(|b| b.value),
            lower_inclusive: m.lower.map(|b| b.inclusive),
            upper_inclusive: m.upper.map(|b| b.inclusive),
            qualifier: m.qualifier.map(|q| q.as_str()),
            approximate: m.approximate,
            currency: m.currency,
            unit,
            per: m.per.map(|p| p.as_str()),
            form: m.form.as_str(),
            subject: slice(claim.subject),
            subgroup: slice(claim.subgroup),
            predicate: slice(claim.predicate),
            hedge: slice(claim.hedge),
            source: claim.source.as_ref().map(|s| SourceRecord {
                text: &text[s.span.range()],
                name: s.name.as_deref(),
                year: s.year,
            }),
            time: slice(claim.time),
            basis: slice(claim.basis),
            sentence: SentenceRecord {
                start: claim.sentence.start,
                end: claim.sentence.end,
            },
            sentence_text: &text[claim.sentence.range()],
            change: None,
        }
    }

    /// The record with its byte offsets moved `bytes` on: a figure of a part of a file, given
    /// at its place in the file.
    pub fn moved_by(mut self, bytes: usize) -> Self {
        if bytes == 0 {
            return self;
        }
        self.start += bytes;
        self.end += bytes;
        self.sentence.start += bytes;
        self.sentence.end += bytes;
        if let Some(change) = &mut self.change {
            for figure in [&mut change.from, &mut change.to] {
                figure.start += bytes;
                figure.end += bytes;
            }
        }
        self
    }

    /// The record with the change that `m` is one end of, if any (`changes` and `mentions`
    /// from the same extraction).
    pub fn with_change(
        self,
        text: &'a str,
        index: usize,
        mentions: &[Mention],
        changes: &[Change],
    ) -> Self {
        let change = changes.iter().find(|c| c.from == index || c.to == index);
        self.with_its_change(text, change, mentions)
    }

    /// The record with `change`, the change its figure is one end of (see
    /// [`changes_by_mention`]), if any.
    pub fn with_its_change(
        mut self,
        text: &'a str,
        change: Option<&Change>,
        mentions: &[Mention],
    ) -> Self {
        let figure = |i: usize| {
            let span = mentions[i].span;
            FigureRef {
                start: span.start,
                end: span.end,
                text: &text[span.range()],
            }
        };
        self.change = change.map(|c| ChangeRecord {
            from: figure(c.from),
            to: figure(c.to),
        });
        self
    }

    /// Appends the record as compact JSON, the bytes `serde_json::to_writer` gives for it
    /// (a test holds the two together). `extract` writes a record per figure, several times
    /// the input's size, and serde's field-by-field calls were a tenth of its time: here each
    /// key with its punctuation is one run of fixed bytes, and a string needing no escape is
    /// copied whole.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"file\":");
        json_str(out, self.file);
        out.extend_from_slice(b",\"start\":");
        json_value(out, &self.start);
        out.extend_from_slice(b",\"end\":");
        json_value(out, &self.end);
        out.extend_from_slice(b",\"line\":");
        json_value(out, &self.line);
        out.extend_from_slice(b",\"column\":");
        json_value(out, &self.column);
        out.extend_from_slice(b",\"end_line\":");
        json_value(out, &self.end_line);
        out.extend_from_slice(b",\"end_column\":");
        json_value(out, &self.end_column);
        out.extend_from_slice(b",\"text\":");
        json_str(out, self.text);
        out.extend_from_slice(b",\"kind\":");
        json_str(out, self.kind);
        out.extend_from_slice(b",\"value\":");
        json_value(out, &self.value);
        out.extend_from_slice(b",\"endpoints\":");
        json_value(out, &self.endpoints);
        out.extend_from_slice(b",\"lower\":");
        json_value(out, &self.lower);
        out.extend_from_slice(b",\"upper\":");
        json_value(out, &self.upper);
        out.extend_from_slice(b",\"lower_inclusive\":");
        json_value(out, &self.lower_inclusive);
        out.extend_from_slice(b",\"upper_inclusive\":");
        json_value(out, &self.upper_inclusive);
        out.extend_from_slice(b",\"qualifier\":");
        json_opt_str(out, self.qualifier);
        out.extend_from_slice(b",\"approximate\":");
        json_value(out, &self.approximate);
        out.extend_from_slice(b",\"currency\":");
        json_opt_str(out, self.currency);
        out.extend_from_slice(b",\"unit\":");
        json_opt_str(out, self.unit);
        out.extend_from_slice(b",\"per\":");
        json_opt_str(out, self.per);
        out.extend_from_slice(b",\"form\":");
        json_str(out, self.form);
        out.extend_from_slice(b",\"subject\":");
        json_opt_str(out, self.subject);
        out.extend_from_slice(b",\"subgroup\":");
        json_opt_str(out, self.subgroup);
        out.extend_from_slice(b",\"predicate\":");
        json_opt_str(out, self.predicate);
        out.extend_from_slice(b",\"hedge\":");
        json_opt_str(out, self.hedge);
        out.extend_from_slice(b",\"source\":");
        match &self.source {
            None => out.extend_from_slice(b"null"),
            Some(s) => {
                out.extend_from_slice(b"{\"text\":");
                json_str(out, s.text);
                out.extend_from_slice(b",\"name\":");
                json_opt_str(out, s.name);
                out.extend_from_slice(b",\"year\":");
                json_value(out, &s.year);
                out.push(b'}');
            }
        }
        out.extend_from_slice(b",\"time\":");
        json_opt_str(out, self.time);
        out.extend_from_slice(b",\"basis\":");
        json_opt_str(out, self.basis);
        out.extend_from_slice(b",\"sentence\":{\"start\":");
        json_value(out, &self.sentence.start);
        out.extend_from_slice(b",\"end\":");
        json_value(out, &self.sentence.end);
        out.extend_from_slice(b"},\"change\":");
        match &self.change {
            None => out.extend_from_slice(b"null"),
            Some(c) => {
                for (key, figure) in [(&b"{\"from\":"[..], &c.from), (&b",\"to\":"[..], &c.to)] {
                    out.extend_from_slice(key);
                    out.extend_from_slice(b"{\"start\":");
                    json_value(out, &figure.start);
                    out.extend_from_slice(b",\"end\":");
                    json_value(out, &figure.end);
                    out.extend_from_slice(b",\"text\":");
                    json_str(out, figure.text);
                    out.push(b'}');
                }
                out.push(b'}');
            }
        }
        out.push(b'}');
    }

    /// The CSV columns, in order.
    pub const CSV_HEADER: &'static [&'static str] = &[
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "text",
        "kind",
        "value",
        "lower",
        "upper",
        "lower_inclusive",
        "upper_inclusive",
        "qualifier",
        "unit",
        "currency",
        "per",
        "subject",
        "predicate",
        "source_name",
        "source_year",
        "time",
        "basis",
        "sentence",
        "change_from",
        "change_to",
    ];

    /// The CSV row, in the order of [`Self::CSV_HEADER`]; empty for null.
    pub fn csv_row(&self) -> Vec<String> {
        vec![
            self.file.to_owned(),
            self.line.to_string(),
            self.column.to_string(),
            self.end_line.to_string(),
            self.end_column.to_string(),
            self.text.to_owned(),
            self.kind.to_owned(),
            opt_number(self.value),
            opt_number(self.lower),
            opt_number(self.upper),
            opt_bool(self.lower_inclusive),
            opt_bool(self.upper_inclusive),
            self.qualifier.unwrap_or_default().to_owned(),
            self.unit.unwrap_or_default().to_owned(),
            self.currency.unwrap_or_default().to_owned(),
            self.per.unwrap_or_default().to_owned(),
            self.subject.unwrap_or_default().to_owned(),
            self.predicate.unwrap_or_default().to_owned(),
            self.source
                .as_ref()
                .and_then(|s| s.name)
                .unwrap_or_default()
                .to_owned(),
            self.source
                .as_ref()
                .and_then(|s| s.year)
                .map(|y| y.to_string())
                .unwrap_or_default(),
            self.time.unwrap_or_default().to_owned(),
            self.basis.unwrap_or_default().to_owned(),
            self.sentence_text.to_owned(),
            self.change
                .as_ref()
                .map(|c| c.from.text.to_owned())
                .unwrap_or_default(),
            self.change
                .as_ref()
                .map(|c| c.to.text.to_owned())
                .unwrap_or_default(),
        ]
    }
}

/// For each of `count` mentions, the change it is one end of: the first of `changes` that
/// names it, as [`MentionRecord::with_change`] finds it, found for every mention in one pass
/// over the changes (a scan of them for each figure grew with the square of a window's
/// figures).
pub fn changes_by_mention(count: usize, changes: &[Change]) -> Vec<Option<&Change>> {
    let mut out = vec![None; count];
    for c in changes {
        for end in [c.from, c.to] {
            if let Some(slot @ None) = out.get_mut(end) {
                *slot = Some(c);
            }
        }
    }
    out
}

/// A number, a bool or an option of one, as serde_json writes it (`1995.0`, `null`).
fn json_value<T: JsonValue + ?Sized>(out: &mut Vec<u8>, value: &T) {
    value.write(out);
}

/// A number, a flag, or an optional or a pair of them, written as serde_json writes it
/// without a serializer for each (a record holds about fifteen). The test
/// `write_json_gives_serde_json_bytes` holds every record to serde_json's bytes.
trait JsonValue {
    fn write(&self, out: &mut Vec<u8>);
}

impl JsonValue for usize {
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(itoa::Buffer::new().format(*self).as_bytes());
    }
}

impl JsonValue for u16 {
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(itoa::Buffer::new().format(*self).as_bytes());
    }
}

impl JsonValue for bool {
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

/// Below this, serde_json writes a whole number as its digits and `.0`.
const PLAIN_WHOLE_NUMBER: f64 = 1e15;

impl JsonValue for f64 {
    fn write(&self, out: &mut Vec<u8>) {
        let v = *self;
        // Most figures are whole numbers: their digits, with no shortest-digits search.
        // (-0.0 is written with its sign; infinities and NaN as null, by serde_json.)
        if v.fract() == 0.0 && v.abs() < PLAIN_WHOLE_NUMBER && (v != 0.0 || v.is_sign_positive()) {
            #[allow(clippy::cast_possible_truncation)] // whole, and below 1e15 in size
            let whole = v as i64;
            out.extend_from_slice(itoa::Buffer::new().format(whole).as_bytes());
            out.extend_from_slice(b".0");
        } else {
            serde_json::to_writer(out, &v).expect("writing a number to memory cannot fail");
        }
    }
}

impl<T: JsonValue> JsonValue for Option<T> {
    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Some(v) => v.write(out),
            None => out.extend_from_slice(b"null"),
        }
    }
}

impl JsonValue for [f64; 2] {
    fn write(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        self[0].write(out);
        out.push(b',');
        self[1].write(out);
        out.push(b']');
    }
}

/// A string, or `null`.
fn json_opt_str(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(v) => json_str(out, v),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string: copied whole between quotes when no byte needs an escape (a quote, a
/// backslash or a control character), which is nearly always; else serde_json escapes it.
fn json_str(out: &mut Vec<u8>, s: &str) {
    // No early exit, so that the test runs over many bytes at a time.
    let plain = !s.bytes().fold(false, |escape, b| {
        escape | (b < 0x20) | (b == b'"') | (b == b'\\')
    });
    if plain {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        serde_json::to_writer(out, s).expect("writing a string to memory cannot fail");
    }
}

/// An interval in a record: each bound with whether it is included; null on an unbounded
/// side.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct IntervalRecord {
    /// The lower bound; null when unbounded.
    pub lower: Option<f64>,
    /// The upper bound; null when unbounded.
    pub upper: Option<f64>,
    /// Whether `lower` is included; null when unbounded.
    pub lower_inclusive: Option<bool>,
    /// Whether `upper` is included; null when unbounded.
    pub upper_inclusive: Option<bool>,
}

impl IntervalRecord {
    /// The record of an interval.
    pub fn new(i: &claimcheck_model::Interval) -> Self {
        IntervalRecord {
            lower: i.lo.value(),
            upper: i.hi.value(),
            lower_inclusive: i.lo.inclusive(),
            upper_inclusive: i.hi.inclusive(),
        }
    }

    /// The interval again.
    pub fn interval(&self) -> claimcheck_model::Interval {
        use claimcheck_model::End;
        let end = |v: Option<f64>, inclusive: Option<bool>| match (v, inclusive) {
            (Some(v), Some(true)) => End::Inclusive(v),
            (Some(v), _) => End::Exclusive(v),
            (None, _) => End::Unbounded,
        };
        claimcheck_model::Interval {
            lo: end(self.lower, self.lower_inclusive),
            hi: end(self.upper, self.upper_inclusive),
        }
    }
}

/// A quantity's unit as the records name it: `percent`, an ISO currency code, or the
/// counted noun (null when unknown).
pub fn unit_name(dimension: &claimcheck_model::Dimension, unit: Option<&str>) -> Option<String> {
    match dimension {
        claimcheck_model::Dimension::Percent => Some("percent".to_owned()),
        claimcheck_model::Dimension::Points => Some("percentage points".to_owned()),
        claimcheck_model::Dimension::Money(code) => Some((*code).to_owned()),
        claimcheck_model::Dimension::Count => unit.map(str::to_owned),
    }
}

/// A number written plainly: no thousands separators, no exponent, whole numbers without
/// a decimal point; empty (null) for a value that is not finite, which no record should hold.
pub fn plain_number(v: f64) -> String {
    if !v.is_finite() {
        String::new()
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else if v.abs() >= 1e15 {
        // The shortest digits that read back as the same number: "2000…0", not the binary
        // value's "1999…632".
        format!("{v}")
    } else {
        let s = format!("{v:.6}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        s.to_owned()
    }
}

/// [`plain_number`] or empty for null.
pub fn opt_number(v: Option<f64>) -> String {
    v.map(plain_number).unwrap_or_default()
}

/// `true`/`false` or empty for null.
pub fn opt_bool(v: Option<bool>) -> String {
    v.map(|b| b.to_string()).unwrap_or_default()
}

/// The buffer of the CSV writer that makes one row: room for most rows at once (a longer
/// one is written out in pieces, the same bytes). The csv crate's default is 8 KB, set up
/// afresh for every row.
const CSV_ROW_BUFFER: usize = 1024;

/// Appends one CSV row (quoted as needed) to `out`.
pub fn push_csv_row<S: AsRef<[u8]>>(out: &mut Vec<u8>, row: &[S]) -> anyhow::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .buffer_capacity(CSV_ROW_BUFFER)
        .from_writer(out);
    w.write_record(row)?;
    // Into the vector: nothing else is flushed.
    w.flush()?;
    Ok(())
}

/// Writes one CSV row (quoted as needed) to `out`, without flushing `out`: a buffered file or
/// standard output is written when its buffer fills, not once a row (the csv crate's writer
/// flushes what it writes into).
pub fn write_csv_row<S: AsRef<[u8]>>(
    out: &mut dyn std::io::Write,
    row: &[S],
) -> anyhow::Result<()> {
    let mut line = Vec::with_capacity(256);
    push_csv_row(&mut line, row)?;
    out.write_all(&line)?;
    Ok(())
}

/// A JSON array written an element at a time, byte for byte as serde_json's pretty printer
/// writes the whole array: `[]` when empty, else each element on lines of its own, indented
/// two spaces more than the line the array opens on.
#[derive(Debug, Default)]
pub struct JsonArray {
    /// The indentation of the line the array opens on.
    indent: String,
    /// The elements written so far.
    count: usize,
    /// Where an element is printed alone, and then indented, to be written at once.
    alone: Vec<u8>,
    indented: Vec<u8>,
}

impl JsonArray {
    /// An array that opens on a line indented by `indent` spaces.
    pub fn indented(indent: usize) -> Self {
        JsonArray {
            indent: " ".repeat(indent),
            ..JsonArray::default()
        }
    }

    /// Writes the next element (with the array's opening before the first).
    pub fn element<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
        out: &mut dyn std::io::Write,
    ) -> anyhow::Result<()> {
        self.alone.clear();
        serde_json::to_writer_pretty(&mut self.alone, value)?;
        // No string holds a line break unescaped: each line of the element alone is a line
        // of it in the array, indented further.
        let lines = &mut self.indented;
        lines.clear();
        lines.extend_from_slice(if self.count == 0 { b"[\n" } else { b",\n" });
        for (i, line) in self.alone.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                lines.push(b'\n');
            }
            lines.extend_from_slice(self.indent.as_bytes());
            lines.extend_from_slice(b"  ");
            lines.extend_from_slice(line);
        }
        out.write_all(lines)?;
        self.count += 1;
        Ok(())
    }

    /// Closes the array (without a line break after it).
    pub fn finish(self, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
        if self.count == 0 {
            out.write_all(b"[]")?;
        } else {
            out.write_all(b"\n")?;
            out.write_all(self.indent.as_bytes())?;
            out.write_all(b"]")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The change each mention is an end of, found in one pass, is the first change that
        /// names it, as a scan of the changes for that mention finds it.
        #[test]
        fn changes_by_mention_is_the_first_naming_each(
            ends in proptest::collection::vec((0usize..8, 0usize..8), 0..8),
        ) {
            let changes: Vec<Change> =
                ends.iter().map(|&(from, to)| Change { from, to }).collect();
            let found = changes_by_mention(6, &changes);
            proptest::prop_assert_eq!(found.len(), 6);
            for (index, change) in found.into_iter().enumerate() {
                let first = changes.iter().find(|c| c.from == index || c.to == index);
                proptest::prop_assert_eq!(change.map(std::ptr::from_ref), first.map(std::ptr::from_ref));
            }
        }
    }

    fn record<'a>(text: &'a str, value: Option<f64>) -> MentionRecord<'a> {
        MentionRecord {
            file: "news/a \"quoted\" name.txt#1",
            start: 3,
            end: 12,
            line: 1,
            column: 4,
            end_line: 2,
            end_column: 1,
            text,
            kind: "percent",
            value,
            endpoints: value.map(|v| [v, v * 2.0]),
            lower: value,
            upper: None,
            lower_inclusive: Some(false),
            upper_inclusive: None,
            qualifier: Some("more_than"),
            approximate: true,
            currency: None,
            unit: Some("people"),
            per: None,
            form: "digits",
            subject: Some(text),
            subgroup: None,
            predicate: Some("fled"),
            hedge: None,
            source: None,
            time: None,
            basis: Some("estimated"),
            sentence: SentenceRecord { start: 0, end: 99 },
            change: None,
            sentence_text: "",
        }
    }

    proptest::proptest! {
        /// A number is written as serde_json writes it: whole numbers of every size up to
        /// past the fast path's reach, powers of ten, and any other float.
        #[test]
        fn a_number_is_written_as_serde_json_writes_it(
            whole in -2_000_000_000_000_000i64..2_000_000_000_000_000,
            exponent in 0i32..20,
            any in proptest::num::f64::ANY,
        ) {
            #[allow(clippy::cast_precision_loss)] // a float near the integer is what is wanted
            let values = [whole as f64, 10f64.powi(exponent), -(10f64.powi(exponent)), any];
            for v in values {
                let mut ours = Vec::new();
                json_value(&mut ours, &v);
                let serde = serde_json::to_vec(&v).expect("serializes");
                proptest::prop_assert_eq!(
                    String::from_utf8_lossy(&ours),
                    String::from_utf8_lossy(&serde)
                );
            }
        }
    }

    #[test]
    fn write_json_gives_serde_json_bytes() {
        let texts = [
            "",
            "12%",
            "nearly \"10\"",
            "a\\b",
            "tab\there, line\nbreak, \r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "€3.5 million – près de 10 000 ¼ 😀",
        ];
        let values = [
            None,
            Some(0.0),
            Some(-0.0),
            Some(1995.0),
            Some(-7.0),
            Some(400_000.0),
            Some(123_456_789_012_345.0),
            Some(999_999_999_999_999.0),
            Some(1e15),
            Some(1e16),
            Some(1e17),
            Some(-2.5e15),
            Some(0.5),
            Some(33.333333333333336),
            Some(1e21),
            Some(1.5e-7),
            Some(f64::NAN),
            Some(f64::INFINITY),
        ];
        for text in texts {
            for value in values {
                let mut r = record(text, value);
                let check = |r: &MentionRecord<'_>| {
                    let mut ours = Vec::new();
                    r.write_json(&mut ours);
                    let serde = serde_json::to_vec(r).expect("serializes");
                    assert_eq!(
                        String::from_utf8_lossy(&ours),
                        String::from_utf8_lossy(&serde)
                    );
                };
                check(&r);
                r.source = Some(SourceRecord {
                    text,
                    name: Some("UNODC"),
                    year: Some(2024),
                });
                r.change = Some(ChangeRecord {
                    from: FigureRef {
                        start: 1,
                        end: 2,
                        text,
                    },
                    to: FigureRef {
                        start: 5,
                        end: 9,
                        text: "19%",
                    },
                });
                check(&r);
                r.source = Some(SourceRecord {
                    text: "officials",
                    name: None,
                    year: None,
                });
                check(&r);
            }
        }
    }

    /// A writer that counts its flushes.
    #[derive(Default)]
    struct Flushes {
        bytes: Vec<u8>,
        flushes: usize,
    }

    impl std::io::Write for Flushes {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            self.flushes += 1;
            Ok(())
        }
    }

    #[test]
    fn csv_rows_are_quoted_and_leave_the_output_unflushed() {
        let mut out = Flushes::default();
        let long = "x".repeat(3 * CSV_ROW_BUFFER);
        let rows: [&[&str]; 3] = [
            &["plain", "with, comma", "with \"quote\""],
            &["line\nbreak", "", " spaced "],
            &[long.as_str()],
        ];
        for row in rows {
            write_csv_row(&mut out, row).expect("written");
        }
        let expected = format!(
            "plain,\"with, comma\",\"with \"\"quote\"\"\"\n\"line\nbreak\",, spaced \n{long}\n"
        );
        assert_eq!(String::from_utf8(out.bytes).expect("UTF-8"), expected);
        // A file or standard output behind a buffer is written when the buffer fills: a flush
        // a row was a write call a row (140,000 for `report` on 20 MB of news).
        assert_eq!(out.flushes, 0);
    }
}
