//! The planted-mistake set (`eval/planted/`, issue 13): every planted article and its clean
//! twin run through the library, as `scripts/score-planted.py` runs them through the command.
//!
//! Two things are asserted. No clean twin raises a finding of any rule or severity (the
//! false alarms). And per kind of planted mistake, at least [`FLOORS`] are found: a ratchet,
//! raised as the rules learn a kind, so that a regression fails here. A planted mistake is
//! found when a finding of the expected rule stands on the expected line with a span that
//! overlaps the planted text there (the script's definition).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use claimcheck::api::{Analyzer, Options};
use claimcheck::input::Document;
use claimcheck::output::FindingRecord;

/// The fewest planted mistakes of each kind that must be found (of the expected count).
const FLOORS: &[(&str, usize)] = &[
    ("restatement", 7),
    ("hedge", 9),
    ("stated_arithmetic", 14),
    ("impossible_shares", 8),
    ("derivable_share", 7),
];

/// Clean twins that still raise a finding, each with its cause; the list only shrinks.
const NOISY_CLEAN: &[(&str, &str)] = &[];

#[derive(Debug, serde::Deserialize)]
struct Expected {
    #[serde(default)]
    finding: Vec<ExpectedFinding>,
}

#[derive(Debug, serde::Deserialize)]
struct ExpectedFinding {
    kind: String,
    rule: String,
    line: usize,
    text: String,
}

fn set_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/planted")
}

/// The article file of a twin (`planted.md` or `planted.txt`).
fn twin(dir: &Path, which: &str) -> PathBuf {
    ["md", "txt"]
        .iter()
        .map(|ext| dir.join(format!("{which}.{ext}")))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("no {which} file in {}", dir.display()))
}

fn check(analyzer: &Analyzer, path: &Path) -> Vec<FindingRecord> {
    let doc = Document {
        name: path.display().to_string(),
        text: std::fs::read_to_string(path).expect("the article reads"),
    };
    analyzer.check(&doc).0
}

/// Whether a finding of the expected rule covers the planted text on its line (columns in
/// Unicode scalar values, end exclusive).
fn is_found(expected: &ExpectedFinding, findings: &[FindingRecord], text: &str) -> bool {
    let line = text.split('\n').nth(expected.line - 1).unwrap_or("");
    let lower = line.to_lowercase();
    let needle = expected.text.to_lowercase();
    let spans: Vec<(usize, usize)> = lower
        .match_indices(&needle)
        .map(|(at, _)| {
            let start = lower[..at].chars().count() + 1;
            (start, start + needle.chars().count())
        })
        .collect();
    findings.iter().any(|f| {
        let end = if f.end_line == f.line {
            f.end_column
        } else {
            line.chars().count() + 1
        };
        f.rule == expected.rule
            && f.line == expected.line
            && spans.iter().any(|&(s, e)| f.column < e && s < end)
    })
}

#[test]
fn planted_mistakes_are_found_and_clean_twins_are_quiet() {
    let analyzer = Analyzer::new(&Options::default()).expect("the default analyzer builds");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(set_dir())
        .expect("eval/planted is in the repository")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("expected.toml").exists())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 30,
        "the planted set has {} articles",
        dirs.len()
    );

    let mut found: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    let mut noisy = Vec::new();
    for dir in &dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let expected: Expected = toml::from_str(
            &std::fs::read_to_string(dir.join("expected.toml")).expect("expected.toml reads"),
        )
        .expect("expected.toml parses");
        let planted = twin(dir, "planted");
        let text = std::fs::read_to_string(&planted).expect("the article reads");
        let findings = check(&analyzer, &planted);
        for e in &expected.finding {
            let tally = found.entry(e.kind.clone()).or_default();
            tally.1 += 1;
            if is_found(e, &findings, &text) {
                tally.0 += 1;
            } else {
                missed.push(format!("{name}:{} {} “{}”", e.line, e.kind, e.text));
            }
        }
        let clean = check(&analyzer, &twin(dir, "clean"));
        let known = NOISY_CLEAN.iter().any(|(n, _)| *n == name);
        if !clean.is_empty() && !known {
            noisy.extend(clean.iter().map(|f| {
                format!(
                    "{name}:{}:{} {} “{}”: {}",
                    f.line, f.column, f.rule, f.text, f.message
                )
            }));
        }
        if clean.is_empty() && known {
            noisy.push(format!("{name} is quiet now: remove it from NOISY_CLEAN"));
        }
    }
    assert!(
        noisy.is_empty(),
        "findings on clean twins:\n{}",
        noisy.join("\n")
    );

    let mut below = Vec::new();
    for (kind, floor) in FLOORS {
        let (hits, total) = found.get(*kind).copied().unwrap_or_default();
        if hits < *floor {
            below.push(format!(
                "{kind}: {hits}/{total} found, below the floor {floor}"
            ));
        }
    }
    assert!(
        below.is_empty(),
        "{}\nmissed:\n{}",
        below.join("\n"),
        missed.join("\n")
    );
}
