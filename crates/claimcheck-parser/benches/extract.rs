//! Extraction throughput, in bytes per second.
//!
//! Reads the documents of the benchmark corpus (`$CLAIMCHECK_CORPUS`, else `shared/corpus/`
//! beside the repository) when it is there, else the shipped example articles.
//! Run with `cargo bench -p claimcheck-parser`.
#![allow(missing_docs)]

use claimcheck_parser::Extractor;
use divan::counter::BytesCount;

#[path = "support/corpus.rs"]
mod corpus;

use corpus::corpus;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn extract(bencher: divan::Bencher<'_, '_>) {
    let texts = corpus();
    let total: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let extractor = Extractor::default();
    bencher.counter(BytesCount::new(total)).bench(|| {
        let mut n = 0;
        for (_, text) in &texts {
            n += extractor.extract(divan::black_box(text)).mentions.len();
        }
        n
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn extract_with_claims(bencher: divan::Bencher<'_, '_>) {
    let texts = corpus();
    let total: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let extractor = Extractor::default();
    let reader = claimcheck_parser::ClaimReader::default();
    bencher.counter(BytesCount::new(total)).bench(|| {
        let mut n = 0;
        for (_, text) in &texts {
            let found = extractor.extract(divan::black_box(text));
            n += reader.claims(text, &found.mentions).len();
        }
        n
    });
}
