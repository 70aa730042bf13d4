//! The registry CSV loader over arbitrary bytes: a malformed file is an error, never a panic.
//! A file that loads and verifies gives each figure what the checker reads from it (interval,
//! kind, value, names and terms); building a whole checker would rebuild the extractor's
//! automaton on every input, and the `check_pipeline` target covers the rules.

#![no_main]

use std::sync::LazyLock;

use claimcheck_checker::Registry;
use claimcheck_model::ModelConventions;
use claimcheck_parser::Extractor;
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::default);

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
    // What the checker derives from each figure: its interval as the published words read,
    // its kind and value, the names and terms it is matched by.
    let conventions = ModelConventions::default();
    for s in &registry.studies {
        let _ = s.interval(&EXTRACTOR, &conventions);
        let _ = (s.kind(), s.claim_value());
        let _ = (s.names().count(), s.terms().count());
    }
});
