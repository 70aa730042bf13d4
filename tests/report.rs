//! `claimcheck report`: the four tables, read back column by column, and agreeing with
//! `check --format json` and `derive --format json` on the same input.

use std::path::Path;
use std::process::Command;

const ARTICLES: &[&str] = &[
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/examples/cambodia-migrants.txt"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/ci/articles/deportees.txt"
    ),
];

fn claimcheck(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

fn table(dir: &Path, name: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_path(dir.join(name)).expect("the table exists");
    let header = r
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = r.records().map(|x| x.expect("a well-formed row")).collect();
    (header, rows)
}

#[test]
fn four_tables_that_agree_with_the_other_commands() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("report");
    let out_s = out.to_str().expect("UTF-8");
    let mut args = vec!["report", "--out", out_s];
    args.extend(ARTICLES);
    let (code, stdout, stderr) = claimcheck(&args);
    // The articles hold errors: report fails the run as check does ...
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("claims.csv: 13 rows"), "{stdout}");
    // ... unless told not to, or when nothing reaches the failing severity.
    let other = dir.path().join("other");
    let other_s = other.to_str().expect("UTF-8");
    let elsewhere: Vec<&str> = args
        .iter()
        .map(|a| if *a == out_s { other_s } else { a })
        .collect();
    let mut quiet = elsewhere.clone();
    quiet.push("--exit-zero");
    assert_eq!(claimcheck(&quiet).0, 0);
    let mut lenient = elsewhere.clone();
    lenient.extend(["--select", "unsourced-statistic"]);
    assert_eq!(
        claimcheck(&lenient).0,
        0,
        "info findings do not fail the run"
    );

    let (header, claims) = table(&out, "claims.csv");
    assert_eq!(
        header,
        [
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "text",
            "kind",
            "value",
            "lower",
            "upper",
            "lower_inclusive",
            "upper_inclusive",
            "qualifier",
            "unit",
            "currency",
            "per",
            "subject",
            "predicate",
            "source_name",
            "source_year",
            "time",
            "basis",
            "sentence",
            "change_from",
            "change_to",
        ]
    );
    let twenty_three = claims
        .iter()
        .find(|r| &r[5] == "23 percent" && r[0].ends_with("cambodia-migrants.txt"))
        .expect("the 23 percent claim");
    let col = |name: &str| header.iter().position(|h| h == name).expect("a column");
    assert_eq!(&twenty_three[col("line")], "7");
    assert_eq!(&twenty_three[col("column")], "31");
    assert_eq!(&twenty_three[col("kind")], "percent");
    assert_eq!(&twenty_three[col("value")], "23");
    assert_eq!(&twenty_three[col("lower")], "23");
    assert_eq!(&twenty_three[col("qualifier")], "");
    assert_eq!(
        &twenty_three[col("subject")],
        "Cambodian labor migrants in Thailand"
    );
    assert_eq!(
        &twenty_three[col("predicate")],
        "fall victim to human trafficking"
    );
    assert_eq!(&twenty_three[col("source_name")], "UNIAP");
    assert_eq!(&twenty_three[col("source_year")], "2010");
    assert!(twenty_three[col("sentence")].starts_with("A 2010 UNIAP study found"));
    let flow = claims
        .iter()
        .find(|r| r[5].starts_with("from 100,000"))
        .expect("the flow");
    assert_eq!(&flow[col("lower")], "100000");
    assert_eq!(&flow[col("upper")], "", "an open bound is an empty cell");
    assert_eq!(&flow[col("per")], "year");

    let (header, estimates) = table(&out, "estimates.csv");
    assert_eq!(
        header,
        [
            "file",
            "line",
            "expression",
            "nominal_low",
            "nominal_high",
            "lower",
            "upper",
            "unit",
            "per",
            "inputs",
            "assumptions",
            "kind",
            "each",
            "counts"
        ]
    );
    let seed = estimates
        .iter()
        .find(|r| r[2].starts_with("23%"))
        .expect("the seed estimate");
    assert_eq!(
        (&seed[3], &seed[4], &seed[5], &seed[6]),
        ("23000", "46000", "22500", "")
    );
    assert_eq!(&seed[8], "year");
    assert!(seed[10].contains("basis:"));
    assert_eq!(&seed[11], "part");
    assert_eq!(
        &seed[13],
        "Cambodian labor migrants entering Thailand who fall victim to human trafficking, a year"
    );

    let (header, findings) = table(&out, "findings.csv");
    assert_eq!(header.last().map(String::as_str), Some("study_url"));
    let contradiction = findings
        .iter()
        .find(|r| &r[0] == "study-contradiction")
        .expect("a contradiction");
    assert_eq!(
        &contradiction[header
            .iter()
            .position(|h| h == "study_value")
            .expect("column")],
        "23"
    );
    assert!(contradiction[header.len() - 1].starts_with("https://"));

    let (header, summary) = table(&out, "summary.csv");
    assert_eq!(
        header,
        [
            "file",
            "claims",
            "estimates",
            "errors",
            "warnings",
            "infos",
            "quantities",
            "matched",
            "coverage"
        ]
    );
    assert_eq!(summary.len(), 2);

    // The same numbers of rows as the other commands give.
    let mut check_args = vec!["check", "--format", "json"];
    check_args.extend(ARTICLES);
    let (_, json, _) = claimcheck(&check_args);
    let check: Vec<serde_json::Value> = serde_json::from_str(&json).expect("JSON");
    assert_eq!(check.len(), findings.len());
    let mut derive_args = vec!["derive", "--format", "json"];
    derive_args.extend(ARTICLES);
    let (_, json, _) = claimcheck(&derive_args);
    let derive: Vec<serde_json::Value> = serde_json::from_str(&json).expect("JSON");
    assert_eq!(derive.len(), estimates.len());
    let mut extract_args = vec!["extract", "--format", "json"];
    extract_args.extend(ARTICLES);
    let (_, json, _) = claimcheck(&extract_args);
    let extract: Vec<serde_json::Value> = serde_json::from_str(&json).expect("JSON");
    assert_eq!(extract.len(), claims.len());
    let errors: usize = summary
        .iter()
        .map(|r| r[3].parse::<usize>().expect("a count"))
        .sum();
    assert_eq!(
        errors,
        check.iter().filter(|f| f["severity"] == "error").count()
    );
}

#[test]
fn a_file_in_place_of_the_folder_is_an_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("report");
    std::fs::write(&file, "not a folder").expect("write");
    let (code, _, stderr) = claimcheck(&[
        "report",
        "--out",
        file.to_str().expect("UTF-8"),
        ARTICLES[0],
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("names a file, not a folder"), "{stderr}");
}

#[test]
fn articles_are_numbered_in_input_order_across_batches() {
    // More documents than one batch holds (256), so that a batch is numbered while the one
    // before it is still being written: every article keeps its place in the input.
    const DOCS: usize = 600;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let corpus = dir.path().join("corpus.jsonl");
    let lines: String = (0..DOCS)
        .map(|i| {
            format!(
                "{{\"id\":\"doc-{i:04}\",\"text\":\"Some {n} percent of {i} workers were paid late.\"}}\n",
                n = i % 90 + 1
            )
        })
        .collect();
    std::fs::write(&corpus, lines).expect("write");
    let out = dir.path().join("report");
    let (code, stdout, stderr) = claimcheck(&[
        "report",
        "--html",
        "--out",
        out.to_str().expect("UTF-8"),
        corpus.to_str().expect("UTF-8"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(&format!("{DOCS} article pages")),
        "{stdout}"
    );
    let mut pages: Vec<String> = std::fs::read_dir(out.join("report-articles"))
        .expect("the article pages")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .into_string()
                .expect("UTF-8")
        })
        .collect();
    pages.sort();
    assert_eq!(pages.len(), DOCS, "one page per article, none overwritten");
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.starts_with(&format!("{:05}-", i + 1)) && page.contains(&format!("doc-{i:04}")),
            "article {} is {page}",
            i + 1
        );
    }
    // The summary table keeps the same order.
    let (_, summary) = table(&out, "summary.csv");
    let files: Vec<&str> = summary.iter().map(|r| &r[0]).collect();
    let expected: Vec<String> = (0..DOCS)
        .map(|i| format!("{}#doc-{i:04}", corpus.display()))
        .collect();
    assert_eq!(files, expected);
}
