//! Inputs that are not figures at all, or figures too large for any type.

use claimcheck_parser::{ClaimReader, Extractor};
use proptest::prelude::*;

#[test]
fn numbers_too_large_are_diagnosed_not_panicked() {
    let huge = format!("The debt was {} dollars.", "9".repeat(500));
    for text in ["Growth of 10^400 is impossible.", huge.as_str()] {
        let found = Extractor::default().extract(text);
        assert!(found.mentions.is_empty(), "{text}: {:?}", found.mentions);
        assert_eq!(found.diagnostics.len(), 1, "{text}");
        assert!(found.diagnostics[0].message.contains("too large"));
        let span = found.diagnostics[0].span;
        assert!(text[span.range()].starts_with(['1', '9']));
    }
}

#[test]
fn empty_and_numberless_text_yields_nothing() {
    for text in ["", " ", "\n\n", "No figures here at all.", "—…“”"] {
        let found = Extractor::default().extract(text);
        assert!(
            found.mentions.is_empty() && found.diagnostics.is_empty(),
            "{text:?}"
        );
    }
}

#[test]
fn a_relative_pronoun_before_a_verb_of_reporting() {
    // Once sliced backwards: the source phrase between "that" and "said" is empty.
    for text in [
        "Wages that said 5 percent of workers were paid.",
        "The group, which said 12 workers died.",
        "It is 40% that found.",
    ] {
        let found = Extractor::default().extract(text);
        let claims = ClaimReader::default().claims(text, &found.mentions);
        assert_eq!(claims.len(), found.mentions.len());
    }
}

#[test]
fn a_long_line_of_digits_is_one_diagnostic() {
    let text = "1".repeat(1_000_000);
    let found = Extractor::default().extract(&text);
    assert!(found.mentions.is_empty());
    assert_eq!(found.diagnostics.len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Any bytes, made into a string, parse without panic, and every span slices the text
    /// at character boundaries, in order and without overlap.
    #[test]
    fn any_input_parses_and_spans_slice(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let text = String::from_utf8_lossy(&bytes);
        check_spans(&text);
    }

    /// Text built from the grammar's own words stresses the parsers more than random bytes.
    #[test]
    fn wordy_input_parses_and_spans_slice(
        words in proptest::collection::vec(prop::sample::select(VOCAB), 0..40)
    ) {
        let text = words.join(" ");
        check_spans(&text);
    }
}

const VOCAB: &[&str] = &[
    "more",
    "than",
    "20",
    "percent",
    "of",
    "a",
    "third",
    "between",
    "and",
    "from",
    "to",
    "-",
    "–",
    "1,000",
    "2010",
    "million",
    "$",
    "US$5",
    "€",
    "half",
    "dozens",
    "tens",
    "thousands",
    "one",
    "in",
    "three",
    "per",
    "1,000",
    "nearly",
    "about",
    "%",
    "twenty-first",
    "Article",
    "12",
    "May",
    "5",
    ",",
    ".",
    "1.2.3",
    "10^9",
    "second",
    "k",
    "bn",
    "baht",
    "a year",
    "annually",
    "\n",
    "×",
    "(",
    ")",
    "0",
    "999",
    "1990s",
    "−3",
    "+",
    "per cent",
    "some",
    "€1",
    "an estimated",
    "said",
    "according",
    "to",
    "the",
    "ILO",
    "found",
    "that",
    "It",
    "were",
    "workers",
    "number",
    "of",
    "at",
    "made up",
    "’s",
    "victims",
    "…",
    "Ms.",
    "U.S.",
    "# Heading",
    "- item",
    "in",
    "2021",
    "reportedly",
    "believed to be",
    "which",
    "who",
    "that said",
    ", which said",
    "group",
];

fn check_spans(text: &str) {
    let found = Extractor::default().extract(text);
    let claims = ClaimReader::default().claims(text, &found.mentions);
    assert_eq!(claims.len(), found.mentions.len());
    for c in &claims {
        let parts = [c.subject, c.subgroup, c.predicate, c.hedge, c.time, c.basis]
            .into_iter()
            .flatten()
            .chain(c.source.as_ref().map(|s| s.span))
            .chain([c.sentence]);
        for s in parts {
            assert!(s.start <= s.end && s.end <= text.len(), "{s:?} in {text:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
    let mut last_end = 0;
    for m in &found.mentions {
        assert!(m.span.start < m.span.end, "empty span in {text:?}");
        assert!(m.span.start >= last_end, "overlapping spans in {text:?}");
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        let slice = &text[m.span.range()];
        assert!(!slice.is_empty());
        if let Some(u) = m.unit {
            assert!(text.is_char_boundary(u.start) && text.is_char_boundary(u.end));
        }
        if let (Some(l), Some(u)) = (m.lower, m.upper) {
            assert!(l.value.is_finite() && u.value.is_finite());
        }
        last_end = m.span.end;
    }
}
