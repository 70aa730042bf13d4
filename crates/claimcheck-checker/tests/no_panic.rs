//! Whatever the text, checking it finishes without a panic, and every finding points at
//! a place inside the text.

use claimcheck_checker::{Checker, Registry, Selection};
use claimcheck_model::ModelConventions;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "A",
    "2010",
    "UNIAP",
    "study",
    "found",
    "that",
    "23",
    "percent",
    "of",
    "all",
    "Cambodian",
    "migrants",
    "in",
    "Thailand",
    "were",
    "trafficked",
    ".",
    ",",
    "the",
    "ILO",
    "said",
    "some",
    "20.9",
    "million",
    "people",
    "in",
    "forced",
    "labour",
    "every",
    "year",
    "between",
    "50",
    "and",
    "40",
    "$200",
    "a",
    "month",
    "600",
    "in all",
    "Of",
    "them",
    "4,500",
    "women",
    "According",
    "to",
    "UNODC",
    "38%",
    "detected",
    "victims",
    "children",
    "more than",
    "from",
    "100,000",
    "200,000",
    "workers",
    "annually",
    "claimcheck: ignore[CC001]",
    "<!-- claimcheck: ignore -->",
    "\n",
    "\n\n",
    "# Heading",
    "nearly",
    "half",
    "dozens",
    "It",
    "estimated",
    "Walk Free",
    "Global Estimates",
    "49.6",
    "46.9",
    "10^400",
    "which",
    "who",
    "—",
    "(",
    ")",
    "“",
    "”",
    "é",
    "€5m",
];

fn checker() -> Checker {
    Checker::new(
        Registry::builtin().expect("the shipped registry parses"),
        ModelConventions::default(),
        &Selection {
            select: vec!["ALL".to_owned()],
            ..Selection::default()
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_article_checks_without_panic(words in proptest::collection::vec(prop::sample::select(WORDS), 0..80)) {
        let text = words.join(" ");
        let checked = checker().check(&text);
        for f in &checked.findings {
            prop_assert!(f.span.start <= f.span.end && f.span.end <= text.len());
            prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
            for r in &f.related {
                prop_assert!(r.span.end <= text.len());
            }
        }
    }

    #[test]
    fn any_bytes_check_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = checker().check(&text);
    }
}
