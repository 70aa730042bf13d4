//! The `claimcheck.toml` loader over arbitrary bytes: a bad file is an error with a line and
//! column inside it, never a panic. A file that loads builds what `check` builds from it
//! (globs, rule selection, extractor and model conventions) and checks and derives a short
//! text with those settings.

#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use claimcheck::config;
use claimcheck_checker::{Checker, Registry, Selection};
use claimcheck_parser::Extractor;
use libfuzzer_sys::fuzz_target;

/// The first figures of the shipped registry: enough for the tolerances to act on their
/// intervals, without cloning and reading all of them on every input.
static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let mut registry = Registry::builtin().expect("the shipped registry loads");
    registry.studies.truncate(16);
    registry
});

/// Vague words, years, hedges and a share of a count, for the settings to act on.
const ARTICLE: &str = "A 2010 UNIAP study found that about 23 percent of 400 workers were \
    trafficked; dozens of cases and nearly half of the 1,200 migrants in 1999 were counted.";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = claimcheck::input::decode(data.to_vec(), "claimcheck.toml") else {
        return;
    };
    let cfg = match config::parse(&text) {
        Ok(cfg) => cfg,
        Err((line, column, _message)) => {
            let lines = text.split('\n').count();
            assert!((1..=lines).contains(&line), "error line {line} of {lines}");
            assert!(column >= 1, "error column {column}");
            return;
        }
    };
    let _ = claimcheck::input::Filter::new(Path::new("/fuzz"), &cfg.include, &cfg.exclude);
    let selection = Selection {
        select: cfg.select.clone(),
        extend_select: cfg.extend_select.clone(),
        ignore: cfg.ignore.clone(),
        severity: cfg.severity.iter().map(|(k, v)| (k.clone(), *v)).collect(),
    };
    let _ = selection.unknown();
    let checker = Checker::with_extraction(
        REGISTRY.clone(),
        cfg.tolerances.clone(),
        &selection,
        cfg.extraction.conventions(),
    );
    let _ = checker.check(ARTICLE);
    let extractor = Extractor::new(cfg.extraction.conventions());
    let _ = claimcheck_model::evaluate(
        "about 30% of 50,000 to 80,000 workers a year",
        &extractor,
        &cfg.tolerances,
    );
});
