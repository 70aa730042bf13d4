//! Prints each line of standard input with the mentions found in it, as table-test rows.
#![allow(clippy::print_stdout, missing_docs)]
#[path = "../tests/support/mod.rs"]
mod support;
use std::io::BufRead;

fn main() {
    let extractor = claimcheck_parser::Extractor::default();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin is UTF-8");
        let found = extractor.extract(&line);
        let got: Vec<String> = found
            .mentions
            .iter()
            .map(|m| support::describe(&line, m))
            .collect();
        println!("    ({:?}, &{:?}),", line, got);
        for d in &found.diagnostics {
            println!("    // diagnostic: {}", d.message);
        }
    }
}
