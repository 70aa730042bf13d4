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

/// Runs the command in `dir`.
fn claimcheck(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the command runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A folder holding the study as `northwind.pdf` and the article that cites it wrongly as
/// `article.md`.
fn pdf_and_article() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("northwind.pdf"),
        pdf_writer::text_pdf(&study_text(), 12),
    )
    .expect("write");
    std::fs::copy(fixture("article-wrong.md"), dir.path().join("article.md")).expect("copy");
    dir
}

#[test]
fn an_article_checked_against_the_study_s_pdf_gets_page_and_line() {
    let dir = pdf_and_article();
    let (code, stdout, _) = claimcheck(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "article.md",
            "--against",
            "northwind.pdf",
        ],
    );
    assert_eq!(code, 1, "{stdout}");
    insta::assert_snapshot!(stdout);
    let (_, full, _) = claimcheck(
        dir.path(),
        &["check", "article.md", "--against", "northwind.pdf"],
    );
    assert!(
        full.contains("northwind.pdf, page 1, line 6: “An estimated 4.2 million tenants faced eviction filings in 2023.”"),
        "{full}"
    );
    assert!(
        full.contains("northwind.pdf, page 2, line 2: “In 2022, 3.6 million"),
        "{full}"
    );
}

#[test]
fn bad_sources_are_errors_naming_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(fixture("article-right.md"), dir.path().join("article.md")).expect("copy");
    let scan = pdf_writer::pdf(&[Vec::new()], &pdf_writer::Options::default());
    let locked = pdf_writer::pdf(
        &[vec![pdf_writer::run(
            50.0,
            700.0,
            "Our own words: 12 percent.",
        )]],
        &pdf_writer::Options { encrypted: true },
    );
    for (name, bytes, says) in [
        ("scan.pdf", scan, "no text layer"),
        ("locked.pdf", locked, "encrypted"),
        ("empty.txt", Vec::new(), "empty"),
        ("noise.bin", vec![0, 159, 146, 150, 0, 1, 2, 3], "binary"),
        (
            "truncated.pdf",
            b"%PDF-1.7\n1 0 obj\n<<".to_vec(),
            "cannot be read",
        ),
    ] {
        std::fs::write(dir.path().join(name), bytes).expect("write");
        let (code, stdout, stderr) =
            claimcheck(dir.path(), &["check", "article.md", "--against", name]);
        assert_eq!(code, 2, "{name}: {stdout}{stderr}");
        assert!(
            stderr.contains(&format!("error: {name}: ")),
            "{name}: {stderr}"
        );
        assert!(stderr.contains(says), "{name}: {stderr}");
    }
}

#[test]
fn drafted_rows_are_a_registry_that_studies_accepts() {
    let dir = pdf_and_article();
    let (code, rows, stderr) = claimcheck(
        dir.path(),
        &[
            "registry",
            "draft",
            "northwind.pdf",
            "--url",
            "https://example.org/northwind",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    // Every row reads back, strictly, and verifies; each quotes its sentence and its place.
    let mut registry = claimcheck_checker::Registry::default();
    registry.load("draft.csv", &rows).expect("the rows load");
    assert_eq!(registry.verify(), Vec::<String>::new());
    let first = registry.studies.first().expect("a row");
    assert_eq!(first.value, 4_200_000.0);
    assert_eq!(first.location, "page 1, line 6");
    assert_eq!(
        first.quote,
        "An estimated 4.2 million tenants faced eviction filings in 2023."
    );
    assert!(registry.studies.iter().all(|s| s.publisher == "NHO"));
    // The headline figures come first.
    let values: Vec<f64> = registry.studies.iter().take(4).map(|s| s.value).collect();
    assert_eq!(values, [4_200_000.0, 23.5, 41.0, 8.4]);
    // And `--studies` takes them: the wrong figures are caught without `--against`.
    std::fs::write(dir.path().join("draft.csv"), &rows).expect("write");
    let (code, stdout, stderr) = claimcheck(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--studies",
            "draft.csv",
            "article.md",
        ],
    );
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.contains("article.md:3:27: error[CC001/study-contradiction] “5.2 million”"),
        "{stdout}"
    );
}

#[test]
fn an_html_source_gives_its_lines_and_json_keeps_its_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The study as a web page: one paragraph a line, after a head the reader skips.
    let mut html = String::from("<html><head><title>Ignored</title></head><body>\n");
    for line in study_text().lines() {
        if line.trim().is_empty() {
            html.push('\n');
        } else {
            html.push_str(&format!("<p>{line}</p>\n"));
        }
    }
    html.push_str("</body></html>\n");
    std::fs::write(dir.path().join("study.html"), html).expect("write");
    std::fs::copy(fixture("article-wrong.md"), dir.path().join("article.md")).expect("copy");
    let (code, stdout, stderr) = claimcheck(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "article.md",
            "--against",
            "study.html",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    let records: Vec<serde_json::Value> = serde_json::from_str(&stdout).expect("a JSON array");
    let contradiction = records
        .iter()
        .find(|r| r["rule"] == "study-contradiction")
        .expect("the contradiction");
    // The study's line in the HTML file (a line of head before the text's first line).
    assert_eq!(
        contradiction["compared_with"]["text"],
        "study.html (line 10): “An estimated 4.2 million”"
    );
    assert_eq!(contradiction["compared_with"]["kind"], "study");
    assert!(contradiction["study"].is_null());
    let notes = contradiction["notes"].as_array().expect("notes");
    assert!(
        notes.iter().any(|n| n
            .as_str()
            .is_some_and(|n| n.starts_with("study.html, line 10: “An estimated 4.2 million"))),
        "{notes:?}"
    );
    let rules: Vec<&str> = records.iter().filter_map(|r| r["rule"].as_str()).collect();
    assert_eq!(
        rules,
        [
            "study-contradiction",
            // 5.2 and 3.6 million tenants facing filings in 2023: the article disagrees
            // with itself as well as with the study.
            "internal-contradiction",
            "population-mismatch",
            "internal-contradiction",
            "misattribution",
            "not-in-source"
        ]
    );
}

#[test]
fn a_panic_in_the_pdf_reader_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(fixture("article-right.md"), dir.path().join("article.md")).expect("copy");
    std::fs::write(dir.path().join("study.pdf"), pdf_writer::report()).expect("write");
    // Debug builds panic inside the isolated PDF reader for a file with this name.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "article.md", "--against", "study.pdf"])
        .current_dir(dir.path())
        .env("CLAIMCHECK_DEBUG_PANIC_ON", "study.pdf")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if cfg!(debug_assertions) {
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("error: study.pdf: internal error, please report"),
            "{stderr}"
        );
    }
}
