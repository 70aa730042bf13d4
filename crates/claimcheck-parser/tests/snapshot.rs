//! What the extractor finds in the shipped example article.

mod support;

use claimcheck_parser::Extractor;

#[test]
fn example_article() {
    let text = include_str!("../../../data/examples/cambodia-migrants.txt");
    let found = Extractor::default().extract(text);
    let lines: Vec<String> = found
        .mentions
        .iter()
        .map(|m| support::describe(text, m))
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
}
