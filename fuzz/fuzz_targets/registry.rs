//! The registry CSV loader over arbitrary bytes: a malformed file is an error, never a panic.
//! A file that loads and verifies builds a checker (each figure's interval is computed) and
//! checks a sentence that cites its first figure.

#![no_main]

use claimcheck_checker::{Checker, Registry, Selection};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = claimcheck::input::decode(data.to_vec(), "fuzz.csv") else {
        return;
    };
    let mut registry = Registry::default();
    if let Err(e) = registry.load("fuzz.csv", &text) {
        let _ = e.to_string();
        return;
    }
    if !registry.verify().is_empty() {
        return;
    }
    let article = registry.studies.first().map(|s| {
        format!(
            "A {} {} study found that {} of {} {}.",
            s.year, s.publisher, s.value_text, s.population, s.concept
        )
    });
    let checker = Checker::new(
        registry,
        Default::default(),
        &Selection {
            select: vec!["ALL".to_owned()],
            ..Selection::default()
        },
    );
    if let Some(article) = article {
        let _ = checker.check(&article);
    }
});
