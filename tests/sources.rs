//! `--against` and `registry draft`: a study's own text (PDF, HTML, Markdown, plain text) as
//! the registry for a run. The study and articles in `tests/fixtures/sources/` are our own
//! text; the PDFs are made here.

#[path = "support/pdf_writer.rs"]
mod pdf_writer;

use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/sources")
        .join(name)
}

fn study_text() -> String {
    std::fs::read_to_string(fixture("northwind-study.txt")).expect("the study fixture")
}

#[test]
fn a_pdf_source_keeps_each_figure_s_page_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("northwind.pdf");
    std::fs::write(&path, pdf_writer::text_pdf(&study_text(), 12)).expect("write");
    let source = claimcheck::sources::load(&path).expect("the PDF reads");
    assert!(source.paged());
    // Page 2 starts at line 13 of the text: a blank line, "Background", a blank line, then "In 2022, 3.6 million tenants …"; lines are counted where they hold text.
    let at = source.text.find("3.6 million").expect("the figure");
    assert_eq!(source.location(at).to_string(), "page 2, line 2");
    let at = source.text.find("4.2 million").expect("the figure");
    assert_eq!(source.location(at).to_string(), "page 1, line 6");
}
