//! The real passages of `eval/passages/cross-sentence.jsonl`: published text, two to four
//! sentences each, with a verdict written before the tool was run. A correct passage must
//! raise no finding of the rules whose readings look past one sentence.

use std::path::Path;

use claimcheck::api::{Analyzer, Options};
use claimcheck::input::Document;

/// The rules the passages were gathered for.
const RULES: &[&str] = &["derived-mismatch", "internal-contradiction"];

#[test]
fn correct_passages_raise_no_cross_sentence_finding() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/passages/cross-sentence.jsonl");
    let text = std::fs::read_to_string(&path).expect("the passages are in the repository");
    let analyzer = Analyzer::new(&Options::default()).expect("the default analyzer builds");
    let mut correct = 0;
    let mut alarms = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        let id = v["id"].as_str().expect("id");
        let url = v["url"].as_str().expect("url");
        assert!(
            url.starts_with("http"),
            "{id}: the passage names where it was published"
        );
        if v["verdict"].as_str() != Some("correct") {
            continue;
        }
        correct += 1;
        let doc = Document {
            name: format!("{id}.txt"),
            text: v["text"].as_str().expect("text").to_owned(),
        };
        let (findings, _) = analyzer.check(&doc);
        for f in findings.iter().filter(|f| RULES.contains(&f.rule)) {
            alarms.push(format!("{id}: {} {}", f.rule, f.message));
        }
    }
    assert!(correct >= 60, "the set holds {correct} correct passages");
    assert!(alarms.is_empty(), "false alarms:\n{}", alarms.join("\n"));
}
