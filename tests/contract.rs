//! The machine formats of `check` and `derive`, read back strictly: every documented field
//! present and of its type, nothing undocumented, SARIF 2.1.0's required structure, CSV
//! columns in order.

use std::process::Command;

use serde::Deserialize;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../claimcheck-checker/tests/fixtures/study-contradiction/triggers.txt"
);

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
    )
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Related {
    file: String,
    line: usize,
    column: usize,
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Finding {
    rule: String,
    code: String,
    severity: String,
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: String,
    text: String,
    study: Option<String>,
    related: Vec<Related>,
    notes: Vec<String>,
    unit: Option<String>,
    interval: Option<Interval>,
    compared_with: Option<Comparison>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Interval {
    lower: Option<f64>,
    upper: Option<f64>,
    lower_inclusive: Option<bool>,
    upper_inclusive: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Comparison {
    kind: String,
    text: String,
    lower: Option<f64>,
    upper: Option<f64>,
    lower_inclusive: Option<bool>,
    upper_inclusive: Option<bool>,
}

#[test]
fn json_and_jsonl_read_back() {
    let (code, out) = run(&["check", "--format", "json", FIXTURE]);
    assert_eq!(code, 1);
    let findings: Vec<Finding> = serde_json::from_str(&out).expect("strict JSON");
    assert_eq!(findings.len(), 2);
    let f = &findings[0];
    assert_eq!(
        (f.rule.as_str(), f.code.as_str(), f.severity.as_str()),
        ("study-contradiction", "CC001", "error")
    );
    assert_eq!((f.line, f.column, f.end_line, f.end_column), (3, 31, 3, 41));
    assert_eq!(f.text, "28 percent");
    assert_eq!(f.study.as_deref(), Some("uniap_poipet_2009_trafficked"));
    // Both sides' intervals, for drawing: 28 percent read as rounded, the study's 23.
    assert_eq!(f.unit.as_deref(), Some("percent"));
    assert_eq!(
        f.interval,
        Some(Interval {
            lower: Some(27.5),
            upper: Some(28.5),
            lower_inclusive: Some(true),
            upper_inclusive: Some(false),
        })
    );
    let other = f.compared_with.as_ref().expect("the study's side");
    assert_eq!(other.kind, "study");
    assert_eq!(
        (
            other.lower,
            other.upper,
            other.lower_inclusive,
            other.upper_inclusive
        ),
        (Some(22.5), Some(23.5), Some(true), Some(false))
    );

    let (_, out) = run(&["check", "--format", "jsonl", FIXTURE]);
    let lines: Vec<Finding> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("strict JSON line"))
        .collect();
    assert_eq!(lines.len(), findings.len());
    assert_eq!(lines[1].text, findings[1].text);
}

#[test]
fn csv_has_the_documented_columns() {
    let (_, out) = run(&["check", "--format", "csv", FIXTURE]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "rule",
            "code",
            "severity",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "message",
            "text",
            "study",
            "related",
            "notes"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][9], "28 percent");
    assert_eq!(rows[0][4].parse::<usize>().ok(), Some(3));
}

#[test]
fn sarif_has_the_required_structure_and_rule_ids_resolve() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let report = dir.path().join("report.sarif");
    let report_s = report.to_str().expect("UTF-8 path");
    let (code, human) = run(&[
        "check",
        "--format",
        "sarif",
        "--output-file",
        report_s,
        FIXTURE,
    ]);
    assert_eq!(code, 1);
    assert!(
        human.contains("error[CC001/study-contradiction]"),
        "humans still get the findings"
    );
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).expect("the report was written"))
            .expect("JSON");
    assert_eq!(log["version"], "2.1.0");
    assert!(
        log["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("sarif-2.1.0"))
    );
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "claimcheck");
    let rules = driver["rules"].as_array().expect("tool.driver.rules");
    let ids: Vec<&str> = rules
        .iter()
        .map(|r| r["id"].as_str().expect("rule id"))
        .collect();
    for r in rules {
        assert!(r["shortDescription"]["text"].is_string());
        assert!(
            r["help"]["text"]
                .as_str()
                .is_some_and(|h| h.contains("## What it does"))
        );
    }
    let results = runs[0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    for res in results {
        let id = res["ruleId"].as_str().expect("ruleId");
        let index = res["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(ids.get(index), Some(&id), "ruleIndex resolves to ruleId");
        assert!(matches!(
            res["level"].as_str(),
            Some("error" | "warning" | "note")
        ));
        assert!(res["message"]["text"].is_string());
        let loc = &res["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"].is_string());
        assert!(loc["region"]["startLine"].as_u64().is_some_and(|l| l >= 1));
        assert!(
            loc["region"]["startColumn"]
                .as_u64()
                .is_some_and(|c| c >= 1)
        );
    }
}

#[test]
fn an_interrupted_report_leaves_the_old_file_whole() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let report = dir.path().join("report.json");
    std::fs::write(&report, "previous report").expect("write");
    // A registry that cannot be read stops the run before any output: the old file stays.
    let (code, _) = run(&[
        "check",
        "--format",
        "json",
        "--studies",
        "/no/such/registry.csv",
        "--output-file",
        report.to_str().expect("UTF-8"),
        FIXTURE,
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        std::fs::read_to_string(&report).expect("read"),
        "previous report"
    );
    let leftovers = std::fs::read_dir(dir.path()).expect("list").count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
}

#[test]
fn github_annotations_parse() {
    let (_, out) = run(&["check", "--format", "github", FIXTURE]);
    for line in out.lines() {
        let rest = line.strip_prefix("::error ").expect("an error command");
        let (props, message) = rest.split_once("::").expect("properties and message");
        let keys: Vec<&str> = props
            .split(',')
            .map(|p| p.split('=').next().unwrap_or(""))
            .collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"]
        );
        assert!(!message.contains('\n'));
    }
}

const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/examples/cambodia-migrants.txt"
);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct EstimateInput {
    text: String,
    file: String,
    line: usize,
    column: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AssumptionDetail {
    kind: String,
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Estimate {
    file: String,
    line: usize,
    expression: String,
    nominal: [f64; 2],
    lower: Option<f64>,
    upper: Option<f64>,
    lower_inclusive: Option<bool>,
    upper_inclusive: Option<bool>,
    unit: Option<String>,
    per: Option<String>,
    inputs: Vec<EstimateInput>,
    assumptions: Vec<String>,
    kind: String,
    each: Option<String>,
    counts: Option<String>,
    outcome: Option<String>,
    assumption_details: Vec<AssumptionDetail>,
}

const ESTIMATE_KINDS: &[&str] = &[
    "figure",
    "product",
    "part",
    "sum",
    "difference",
    "quotient",
    "share",
    "percent_change",
    "point_change",
    "per_year",
];

const ASSUMPTION_KINDS: &[&str] = &[
    "reading",
    "population",
    "basis",
    "open_bound",
    "period",
    "parts",
    "units",
];

fn estimates(args: &[&str]) -> Vec<Estimate> {
    let (code, out) = run(args);
    assert_eq!(code, 0, "{args:?}");
    let es: Vec<Estimate> = serde_json::from_str(&out).expect("strict JSON");
    for e in &es {
        assert!(ESTIMATE_KINDS.contains(&e.kind.as_str()), "{}", e.kind);
        assert!(
            ["day", "week", "month", "quarter", "year"]
                .contains(&e.per.as_deref().unwrap_or("day"))
        );
        assert_eq!(e.assumptions.len(), e.assumption_details.len());
        for (a, d) in e.assumptions.iter().zip(&e.assumption_details) {
            assert!(ASSUMPTION_KINDS.contains(&d.kind.as_str()), "{}", d.kind);
            assert!(a.ends_with(&d.text), "{a} / {}", d.text);
        }
    }
    es
}

#[test]
fn derive_json_reads_back() {
    let es = estimates(&["derive", "--format", "json", ARTICLE]);
    let seed = es
        .iter()
        .find(|e| e.expression.starts_with("23%"))
        .expect("the seed");
    assert_eq!(seed.kind, "part");
    assert_eq!(seed.unit.as_deref(), Some("workers"));
    assert_eq!(seed.per.as_deref(), Some("year"));
    assert_eq!(
        seed.outcome.as_deref(),
        Some("fall victim to human trafficking")
    );
    assert_eq!(
        seed.counts.as_deref(),
        Some(
            "Cambodian labor migrants entering Thailand who fall victim to human trafficking, a year"
        )
    );
    assert_eq!(seed.assumption_details[0].kind, "population");

    let es = estimates(&[
        "derive",
        "--format",
        "json",
        "--expr",
        "236 billion dollars / 27.6 million people",
    ]);
    assert_eq!(es.len(), 1);
    assert_eq!(
        (
            es[0].unit.as_deref(),
            es[0].each.as_deref(),
            es[0].kind.as_str()
        ),
        (Some("USD"), Some("person"), "quotient")
    );
    assert_eq!(es[0].counts.as_deref(), Some("USD per person"));

    let es = estimates(&["derive", "--format", "json", "--expr", "from 12% to 19%"]);
    let kinds: Vec<&str> = es.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["point_change", "percent_change"]);
    assert_eq!(es[0].unit.as_deref(), Some("percentage points"));
}

#[test]
fn derive_csv_has_the_documented_columns() {
    let (code, out) = run(&["derive", "--format", "csv", ARTICLE]);
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
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
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert!(rows.iter().all(|r| r.len() == header.len()));
    assert!(rows.iter().any(|r| &r[11] == "part"));
}
