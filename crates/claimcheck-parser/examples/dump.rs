//! Prints the mentions found in standard input, one per line (a debugging aid).
#![allow(clippy::print_stdout, missing_docs)]
use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("stdin is UTF-8");
    let found = claimcheck_parser::Extractor::default().extract(&text);
    for m in &found.mentions {
        let unit = m.unit.map(|u| &text[u.range()]);
        println!(
            "{:?} {:?} v={:?} ep={:?} lo={:?} up={:?} q={:?} cur={:?} unit={:?} per={:?}",
            &text[m.span.range()], m.kind, m.value, m.endpoints, m.lower.map(|b| (b.value, b.inclusive)),
            m.upper.map(|b| (b.value, b.inclusive)), m.qualifier, m.currency, unit, m.per
        );
    }
    for d in &found.diagnostics {
        println!("DIAG {:?} {}", d.span, d.message);
    }
}
