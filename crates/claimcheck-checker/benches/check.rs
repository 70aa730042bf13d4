//! Checking throughput, in bytes per second, and the fixed cost of a run.
//!
//! Reads the same text as the parser's bench (the benchmark corpus when it is beside the
//! repository, else the example article repeated). Run with `cargo bench -p claimcheck-checker`.
#![allow(missing_docs)]

use claimcheck_checker::{Checker, Registry, Selection};
use divan::counter::BytesCount;

#[path = "../../claimcheck-parser/benches/support/corpus.rs"]
mod corpus;

fn main() {
    divan::main();
}

fn checker() -> Checker {
    let registry = Registry::builtin().expect("the shipped registry parses");
    Checker::new(registry, Default::default(), &Selection::default())
}

/// The corpus cut into article-sized texts (at blank lines, about 4 KB each), as `check`
/// sees a folder of articles.
fn articles() -> Vec<String> {
    let mut out = Vec::new();
    for (_, text) in corpus::corpus() {
        let mut article = String::new();
        for paragraph in text.split("\n\n") {
            article.push_str(paragraph);
            article.push_str("\n\n");
            if article.len() > 4096 {
                out.push(std::mem::take(&mut article));
            }
        }
        if !article.trim().is_empty() {
            out.push(article);
        }
    }
    out
}

/// Every rule that runs by default, over every article.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn check(bencher: divan::Bencher<'_, '_>) {
    let articles = articles();
    let total: usize = articles.iter().map(String::len).sum();
    let checker = checker();
    bencher.counter(BytesCount::new(total)).bench(|| {
        let mut n = 0;
        for text in &articles {
            n += checker.check(divan::black_box(text)).findings.len();
        }
        n
    });
}

/// Reading a sentence's words: tokenising it and finding the concepts it names in one pass
/// of the compiled concept lexicon (what every sentence with a figure pays).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn sentence_words(bencher: divan::Bencher<'_, '_>) {
    let texts: Vec<String> = corpus::corpus().into_iter().map(|(_, t)| t).collect();
    let total: usize = texts.iter().map(String::len).sum();
    let lexicons = &*claimcheck_checker::vocab::LEXICONS;
    bencher.counter(BytesCount::new(total)).bench(|| {
        let mut n = 0;
        for text in &texts {
            for span in claimcheck_parser::sentences(divan::black_box(text)) {
                let words = claimcheck_checker::vocab::tokens(text, span.start, span.end);
                n += lexicons.concepts_in(&words).len();
                n += usize::from(lexicons.world.any(&words));
                n += lexicons.everyone.without(&words).len();
            }
        }
        n
    });
}

/// Loading the shipped registry and building the checker: what every run pays once.
#[divan::bench(sample_count = 20)]
fn setup() -> Checker {
    checker()
}
