//! Extraction over arbitrary bytes: every span (figures, counted nouns, diagnostics, claim
//! parts, sentences) lies inside the text on character boundaries, figures come in order,
//! positions agree with a naive count, and the `extract` record serialises to JSON that reads
//! back.

#![no_main]

use claimcheck::records::MentionRecord;
use claimcheck_parser::{ClaimReader, Extractor, LineIndex, Span, sentences};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::default);
static READER: LazyLock<ClaimReader> = LazyLock::new(ClaimReader::default);

fuzz_target!(|data: &[u8]| {
    match std::str::from_utf8(data) {
        Ok(text) => check(text),
        Err(_) => check(&String::from_utf8_lossy(data)),
    }
});

fn check(text: &str) {
    let found = EXTRACTOR.extract(text);
    let mut previous_end = 0;
    for m in &found.mentions {
        assert_span(text, m.span, "mention");
        assert!(m.span.start < m.span.end, "empty mention {:?}", m.span);
        assert!(
            m.span.start >= previous_end,
            "mention {:?} overlaps or precedes the one ending at {previous_end}",
            m.span
        );
        previous_end = m.span.end;
        if let Some(unit) = m.unit {
            assert_span(text, unit, "unit");
        }
    }
    for d in &found.diagnostics {
        assert_span(text, d.span, "diagnostic");
    }

    let claims = READER.claims(text, &found.mentions);
    assert_eq!(claims.len(), found.mentions.len(), "one claim per mention");
    for c in &claims {
        assert_span(text, c.sentence, "sentence");
        for (what, s) in [
            ("subject", c.subject),
            ("subgroup", c.subgroup),
            ("predicate", c.predicate),
            ("hedge", c.hedge),
            ("time", c.time),
            ("basis", c.basis),
            ("source", c.source.as_ref().map(|s| s.span)),
        ] {
            if let Some(s) = s {
                assert_span(text, s, what);
            }
        }
    }

    let mut previous = 0;
    for s in sentences(text) {
        assert_span(text, s, "sentence unit");
        assert!(s.start >= previous, "sentences out of order at {s:?}");
        previous = s.end;
    }

    // Positions as `extract` computes them, against a naive count.
    let index = LineIndex::new(text);
    let mut cursor = index.cursor(text);
    for (m, c) in found.mentions.iter().zip(&claims) {
        let start = cursor.position(m.span.start);
        let end = cursor.position(m.span.end);
        assert_eq!(start, index.position(text, m.span.start));
        assert_eq!(start, naive_position(text, m.span.start));
        assert_eq!(end, naive_position(text, m.span.end));
        let record = MentionRecord::new("fuzz.txt", text, m, c, start, end);
        let json = serde_json::to_string(&record).expect("a record serialises");
        let _: serde_json::Value = serde_json::from_str(&json).expect("record JSON reads back");
        let _ = record.csv_row();
    }
}

fn assert_span(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what} span {s:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} span {s:?} not on char boundaries"
    );
}

fn naive_position(text: &str, offset: usize) -> claimcheck_parser::Position {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    claimcheck_parser::Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}
