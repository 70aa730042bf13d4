//! `check`'s output path, per finding: the sort (held in memory, and spilled to runs on disk
//! and merged) and the writers of the formats. The findings are those of the example
//! articles, repeated under many file names out of order. Run with
//! `cargo bench -p claimcheck --bench findings`.
#![allow(missing_docs)]

use claimcheck::output::{CheckFormat, Emitter, FindingRecord};
use claimcheck::spill::Sorter;
use claimcheck_checker::{Checker, Registry, Selection};
use divan::counter::ItemsCount;

fn main() {
    divan::main();
}

/// How many findings each bench sorts or writes: about what 8 MB of the field's text raises.
const FINDINGS: usize = 20_000;

/// The example articles' findings, repeated under file names that come out of order.
fn findings() -> Vec<FindingRecord> {
    let checker = Checker::new(
        Registry::builtin().expect("the shipped registry"),
        Default::default(),
        &Selection::default(),
    );
    let mut one = Vec::new();
    for (name, text) in [
        (
            "cambodia-migrants.txt",
            include_str!("../../../data/examples/cambodia-migrants.txt"),
        ),
        (
            "forced-labour-roundup.md",
            include_str!("../../../data/examples/forced-labour-roundup.md"),
        ),
    ] {
        let doc = claimcheck::input::Document {
            name: name.to_owned(),
            text: text.to_owned(),
        };
        one.extend(claimcheck::check::findings(&checker, &doc).0);
    }
    (0..FINDINGS)
        .map(|i| {
            let mut r = one[i % one.len()].clone();
            r.file = format!("corpus.jsonl#doc-{:05}", (i / one.len() * 7919) % 10_000);
            r
        })
        .collect()
}

/// Sorting, all in memory (`held`: the budget is never reached) and spilled in runs of about
/// 1 MB (`spilled`).
#[divan::bench(args = ["held", "spilled"], sample_count = 10, sample_size = 1)]
fn sort(bencher: divan::Bencher<'_, '_>, how: &str) {
    let budget = if how == "held" { usize::MAX } else { 1 << 20 };
    bencher
        .counter(ItemsCount::new(FINDINGS))
        .with_inputs(findings)
        .bench_values(|records| {
            let mut sorter = Sorter::new(budget);
            for r in records {
                assert!(sorter.push(r).is_none(), "the temporary folder takes runs");
            }
            let merged = sorter.finish().expect("merged");
            merged.map(|r| r.expect("read back").line).sum::<usize>()
        });
}

/// Writing the sorted findings in a format, to nowhere.
#[divan::bench(
    args = [CheckFormat::Full, CheckFormat::Json, CheckFormat::Jsonl, CheckFormat::Csv, CheckFormat::Sarif],
    sample_count = 10,
    sample_size = 1
)]
fn write(bencher: divan::Bencher<'_, '_>, format: CheckFormat) {
    let records = findings();
    bencher.counter(ItemsCount::new(FINDINGS)).bench(|| {
        let mut out = std::io::sink();
        let mut emitter = Emitter::start(format, false, &mut out).expect("started");
        for r in &records {
            emitter.record(r).expect("written");
        }
        emitter.finish(&[]).expect("finished");
    });
}
