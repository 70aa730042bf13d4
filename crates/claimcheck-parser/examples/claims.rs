//! Prints the claim of one figure per input line (`sentence<TAB>figure text`), as table rows.
#![allow(clippy::print_stdout, missing_docs)]
#[path = "../tests/support/mod.rs"]
mod support;
use std::io::BufRead;

fn main() {
    let extractor = claimcheck_parser::Extractor::default();
    let reader = claimcheck_parser::ClaimReader::default();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin is UTF-8");
        let Some((text, figure)) = line.split_once('\t') else {
            continue;
        };
        let found = extractor.extract(text);
        let claims = reader.claims(text, &found.mentions);
        let got = found
            .mentions
            .iter()
            .zip(&claims)
            .find(|(m, _)| text[m.span.range()].starts_with(figure))
            .map(|(_, c)| support::describe_claim(text, c));
        println!("    ({text:?}, {figure:?}, {:?}),", got.unwrap_or_default());
    }
}
