//! Text in, records out, errors as values: the library's front door for front ends other
//! than the command line (the Python package, Spark jobs through it).
//!
//! [`Options`] is what a checker is built from, as data: the configuration's text and the
//! registry files' contents, read once, so that it can be shipped to another process (a
//! pickled Python `Checker` on a Spark executor) and rebuilt there without the files.
//! [`Analyzer`] is built from it once and reused for any number of documents; each of its
//! calls returns the same record structs the command writes as JSON ([`MentionRecord`],
//! [`EstimateRecord`], [`FindingRecord`]), so every front end shares one definition of the
//! fields. Nothing here prints: figures that cannot be read come back as [`Problem`]s, with
//! the location and message the command would print.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use claimcheck_checker::{Checked, Checker, Severity};
use claimcheck_model::ModelConventions;
use claimcheck_parser::{Change, Claim, ClaimReader, Extractor, LineIndex, Mention, Origin};

use crate::derive::EstimateRecord;
use crate::input::{Document, Problem};
use crate::output::FindingRecord;
use crate::records::MentionRecord;

/// What an [`Analyzer`] is built from: a configuration (`claimcheck.toml`) and registry files,
/// as text, and the rule options of the command line (`--select`, `--extend-select`,
/// `--ignore`), combined with the configuration's as the command combines them.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The configuration file's name (for messages) and text; `None` for the defaults.
    pub config: Option<Document>,
    /// Registry files added to the shipped one: those the configuration names, then those
    /// given directly. The configuration's own `studies` list is not read again.
    pub studies: Vec<Document>,
    /// Rules to run instead of the configuration's `select` when not empty (names or codes,
    /// or `ALL`), as `--select` does.
    pub select: Vec<String>,
    /// Rules to run besides the selected ones, as `--extend-select` does.
    pub extend_select: Vec<String>,
    /// Rules not to run (names or codes), as `--ignore` does.
    pub ignore: Vec<String>,
    /// Cited studies' own texts (`--against`, and the configuration's `sources`, read by
    /// [`Options::read`]).
    pub sources: Vec<claimcheck_checker::source::SourceText>,
    /// Whether every figure cites the sources, named or not (`--assume-cited`, or the
    /// configuration's `assume-cited`).
    pub assume_cited: bool,
}

impl Options {
    /// Reads the configuration file `config` (none: the defaults; unlike the command, no
    /// `claimcheck.toml` is looked for) and the registry files, those the configuration names
    /// (relative to it) first. Errors are the command's: unreadable files, bad keys at their
    /// line and column, unknown rules.
    pub fn read(
        config: Option<&Path>,
        studies: &[PathBuf],
        select: &[String],
        extend_select: &[String],
        ignore: &[String],
    ) -> Result<Self, Problem> {
        let config = config.map(crate::check::read_file).transpose()?;
        let mut files = Vec::new();
        let mut sources = Vec::new();
        let mut assume_cited = false;
        if let (Some(doc), Some(path)) = (&config, config_root(config.as_ref())) {
            let cfg = crate::config::parse_named(&doc.name, &doc.text)?;
            for p in &cfg.studies {
                files.push(crate::check::read_file(&path.join(p))?);
            }
            for p in &cfg.sources {
                sources.push(crate::sources::load(&path.join(p))?);
            }
            assume_cited = cfg.assume_cited;
        }
        for p in studies {
            files.push(crate::check::read_file(p)?);
        }
        Ok(Options {
            config,
            studies: files,
            select: select.to_vec(),
            extend_select: extend_select.to_vec(),
            ignore: ignore.to_vec(),
            sources,
            assume_cited,
        })
    }
}

/// The folder the configuration's paths are relative to.
fn config_root(config: Option<&Document>) -> Option<PathBuf> {
    let path = Path::new(&config?.name);
    Some(
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
    )
}

/// Everything needed to extract, derive and check documents, built once from [`Options`]:
/// the registry, the rule selection and the conventions of the configuration.
#[derive(Debug)]
pub struct Analyzer {
    checker: Checker,
    extractor: Extractor,
    reader: ClaimReader,
    conventions: ModelConventions,
}

impl Analyzer {
    /// Builds the analyzer; a bad configuration, registry file or rule name is a problem
    /// with the command's message.
    pub fn new(options: &Options) -> Result<Self, Problem> {
        let cfg = match &options.config {
            Some(doc) => crate::config::parse_named(&doc.name, &doc.text)?,
            None => crate::config::Config::default(),
        };
        let registry = crate::check::registry_of(&options.studies)?;
        let selection = crate::check::selection(
            &cfg,
            &options.select,
            &options.extend_select,
            &options.ignore,
        )?;
        let checker = Checker::with_extraction(
            registry,
            cfg.tolerances.clone(),
            &selection,
            cfg.extraction.conventions(),
        );
        let sources = options
            .sources
            .iter()
            .map(|text| checker.read_source(text))
            .collect();
        let checker = checker.with_sources(sources, options.assume_cited);
        Ok(Analyzer {
            checker,
            extractor: Extractor::new(cfg.extraction.conventions()),
            reader: ClaimReader::default(),
            conventions: cfg.tolerances,
        })
    }

    /// The checker, for the command's own loops.
    pub fn checker(&self) -> &Checker {
        &self.checker
    }

    /// Every figure of a document, as `extract` reads it (no rules run).
    pub fn extract<'d>(&self, doc: &'d Document) -> Extraction<'d> {
        Extraction::new(&self.extractor, &self.reader, doc)
    }

    /// What the figures of a document imply, as `derive` lists them.
    pub fn derive(&self, doc: &Document) -> Vec<EstimateRecord> {
        crate::derive::estimates(&self.extractor, &self.reader, &self.conventions, doc)
    }

    /// What an expression implies, as `derive --expr` lists it; an expression that does not
    /// parse or cannot be computed is a problem located at `--expr`.
    pub fn derive_expr(&self, expr: &str) -> Result<Vec<EstimateRecord>, Problem> {
        crate::derive::expression(&self.extractor, &self.conventions, expr)
    }

    /// Checks a document: everything `check` and `report` write about it, from one pass.
    pub fn analyze<'d>(&self, doc: &'d Document) -> Analysis<'d> {
        Analysis::new(&self.checker, doc)
    }

    /// The findings of a document, as `check --format json` writes them, and the figures
    /// that could not be read.
    pub fn check(&self, doc: &Document) -> (Vec<FindingRecord>, Vec<Problem>) {
        crate::check::findings(&self.checker, doc)
    }
}

/// The figures of one document and their claims, as `extract` reads them.
#[derive(Debug)]
pub struct Extraction<'d> {
    doc: &'d Document,
    prose: Cow<'d, str>,
    found: claimcheck_parser::Extraction,
    claims: Vec<claimcheck_parser::Claim>,
    index: LineIndex,
    origin: Origin,
}

impl<'d> Extraction<'d> {
    /// Reads the figures of `doc` (Markdown and HTML masked, by the name's extension).
    pub fn new(extractor: &Extractor, reader: &ClaimReader, doc: &'d Document) -> Self {
        Self::at(extractor, reader, doc, Origin::default())
    }

    /// Reads the figures of `doc`, a part of a file that starts at `origin` in it: records
    /// give the file's byte offsets, lines and columns.
    pub fn at(
        extractor: &Extractor,
        reader: &ClaimReader,
        doc: &'d Document,
        origin: Origin,
    ) -> Self {
        let prose = crate::markup::prose(doc);
        let found = extractor.extract(&prose);
        let claims = reader.claims(&prose, &found.mentions);
        let index = LineIndex::starting_at(&prose, origin);
        Extraction {
            doc,
            prose,
            found,
            claims,
            index,
            origin,
        }
    }

    /// One record per figure, in order.
    pub fn records(&self) -> Vec<MentionRecord<'_>> {
        let records = mention_records(
            self.doc,
            &self.prose,
            &self.index,
            &self.found.mentions,
            &self.claims,
            &self.found.changes,
        );
        if self.origin.byte == 0 {
            return records;
        }
        records
            .into_iter()
            .map(|r| r.moved_by(self.origin.byte))
            .collect()
    }

    /// Figures that could not be read, at their line and column.
    pub fn problems(&self) -> Vec<Problem> {
        crate::reporter::problems(
            &self.doc.name,
            &self.prose,
            &self.index,
            &self.found.diagnostics,
        )
    }
}

/// One record per figure of `doc`, in order, each with its line and column (`index` built
/// over `prose`) and the change it is an end of: what `extract` writes and the claims of a
/// check.
fn mention_records<'a>(
    doc: &'a Document,
    prose: &str,
    index: &LineIndex,
    mentions: &[Mention],
    claims: &'a [Claim],
    changes: &[Change],
) -> Vec<MentionRecord<'a>> {
    let mut cursor = index.cursor(prose);
    let changes = crate::records::changes_by_mention(mentions.len(), changes);
    mentions
        .iter()
        .zip(claims)
        .zip(changes)
        .map(|((m, claim), change)| {
            let start = cursor.position(m.span.start);
            let end = cursor.position(m.span.end);
            MentionRecord::new(&doc.name, &doc.text, m, claim, start, end)
                .with_its_change(&doc.text, change, mentions)
        })
        .collect()
}

/// One document checked: its claims, estimates and findings, and the rows of each `report`
/// table, all from one pass of the checker.
#[derive(Debug)]
pub struct Analysis<'d> {
    doc: &'d Document,
    prose: Cow<'d, str>,
    checked: Checked,
    index: LineIndex,
}

impl<'d> Analysis<'d> {
    /// Checks `doc` (Markdown and HTML masked, by the name's extension).
    pub fn new(checker: &Checker, doc: &'d Document) -> Self {
        let prose = crate::markup::prose(doc);
        let checked = checker.check_prose(&prose, &doc.text);
        let index = LineIndex::new(&prose);
        Analysis {
            doc,
            prose,
            checked,
            index,
        }
    }

    /// The document's prose (Markdown and HTML masked in place).
    pub fn prose(&self) -> &str {
        &self.prose
    }

    /// What the checker found, as the checker returns it.
    pub fn checked(&self) -> &Checked {
        &self.checked
    }

    /// The claims: one record per figure, as `extract` writes them.
    pub fn claims(&self) -> Vec<MentionRecord<'_>> {
        mention_records(
            self.doc,
            &self.prose,
            &self.index,
            &self.checked.mentions,
            &self.checked.claims,
            &self.checked.changes,
        )
    }

    /// The estimates, as `derive` writes them.
    pub fn estimates(&self) -> Vec<EstimateRecord> {
        self.checked
            .estimates
            .iter()
            .map(|e| EstimateRecord::new(&self.doc.name, &self.doc.text, &self.index, e))
            .collect()
    }

    /// The findings, as `check` writes them.
    pub fn findings(&self) -> Vec<FindingRecord> {
        self.checked
            .findings
            .iter()
            .map(|f| FindingRecord::new(&self.doc.name, &self.doc.text, &self.index, f))
            .collect()
    }

    /// Figures that could not be read, at their line and column.
    pub fn problems(&self) -> Vec<Problem> {
        crate::reporter::problems(
            &self.doc.name,
            &self.prose,
            &self.index,
            &self.checked.diagnostics,
        )
    }

    /// The document's rows of the four `report` tables, with `checker`'s registry giving the
    /// matched study's value and URL.
    pub fn report_rows(&self, checker: &Checker) -> ReportRows {
        let claims = self.claims().iter().map(MentionRecord::csv_row).collect();
        let estimates = self
            .estimates()
            .iter()
            .map(EstimateRecord::csv_row)
            .collect();
        let registry = checker.registry();
        let findings = self
            .checked
            .findings
            .iter()
            .zip(self.findings())
            .map(|(f, record)| {
                let mut row = crate::output::csv_row(&record);
                let study = f.study.as_deref().and_then(|id| registry.get(id));
                row.push(
                    study
                        .map(|s| crate::records::plain_number(s.value))
                        .unwrap_or_default(),
                );
                row.push(study.map(|s| s.url.clone()).unwrap_or_default());
                row
            })
            .collect();
        let checked = &self.checked;
        let count = |s: Severity| checked.findings.iter().filter(|f| f.severity == s).count();
        let coverage = if checked.quantities == 0 {
            String::new()
        } else {
            crate::records::plain_number(
                (checked.matched as f64 / checked.quantities as f64 * 10_000.0).round() / 10_000.0,
            )
        };
        let summary = vec![
            self.doc.name.clone(),
            checked.mentions.len().to_string(),
            checked.estimates.len().to_string(),
            count(Severity::Error).to_string(),
            count(Severity::Warning).to_string(),
            count(Severity::Info).to_string(),
            checked.quantities.to_string(),
            checked.matched.to_string(),
            coverage,
        ];
        ReportRows {
            claims,
            estimates,
            findings,
            summary,
            levels: checked.findings.iter().map(|f| f.severity).collect(),
        }
    }
}

/// One document's rows in each table of `report`, as the CSV cells are written.
#[derive(Debug, Default)]
pub struct ReportRows {
    /// `claims.csv`: one row per figure.
    pub claims: Vec<Vec<String>>,
    /// `estimates.csv`: one row per estimate.
    pub estimates: Vec<Vec<String>>,
    /// `findings.csv`: one row per finding.
    pub findings: Vec<Vec<String>>,
    /// `summary.csv`: the document's one row.
    pub summary: Vec<String>,
    /// The findings' severities, for the exit code.
    pub levels: Vec<Severity>,
}

/// The tables of `report`: file name and columns, in the order they are written.
pub fn report_tables() -> [(&'static str, Vec<&'static str>); 4] {
    [
        ("claims.csv", MentionRecord::CSV_HEADER.to_vec()),
        ("estimates.csv", EstimateRecord::CSV_HEADER.to_vec()),
        (
            "findings.csv",
            crate::output::CSV_HEADER
                .iter()
                .chain(crate::report::FINDINGS_HEADER_EXTRA)
                .copied()
                .collect(),
        ),
        ("summary.csv", crate::report::SUMMARY_HEADER.to_vec()),
    ]
}

/// The fields of a JSON record and their types, in SQL notation as Spark's DDL reads it
/// (`bigint`, `double`, `boolean`, `string`, `array<…>`, `struct<…>`); every field is
/// nullable. For tables built from the records (Spark, Arrow, pandas) with no second
/// definition: the test below holds these lists to what the records serialize to.
pub type Fields = &'static [(&'static str, &'static str)];

/// The fields of a figure's record ([`MentionRecord`], `extract --format json`).
pub const CLAIM_FIELDS: Fields = &[
    ("file", "string"),
    ("start", "bigint"),
    ("end", "bigint"),
    ("line", "bigint"),
    ("column", "bigint"),
    ("end_line", "bigint"),
    ("end_column", "bigint"),
    ("text", "string"),
    ("kind", "string"),
    ("value", "double"),
    ("endpoints", "array<double>"),
    ("lower", "double"),
    ("upper", "double"),
    ("lower_inclusive", "boolean"),
    ("upper_inclusive", "boolean"),
    ("qualifier", "string"),
    ("approximate", "boolean"),
    ("currency", "string"),
    ("unit", "string"),
    ("per", "string"),
    ("form", "string"),
    ("subject", "string"),
    ("subgroup", "string"),
    ("predicate", "string"),
    ("hedge", "string"),
    (
        "source",
        "struct<`text`:string,`name`:string,`year`:bigint>",
    ),
    ("time", "string"),
    ("basis", "string"),
    ("sentence", "struct<`start`:bigint,`end`:bigint>"),
    (
        "change",
        "struct<`from`:struct<`start`:bigint,`end`:bigint,`text`:string>,`to`:struct<`start`:bigint,`end`:bigint,`text`:string>>",
    ),
];

/// The fields of an estimate's record ([`EstimateRecord`], `derive --format json`).
pub const ESTIMATE_FIELDS: Fields = &[
    ("file", "string"),
    ("line", "bigint"),
    ("expression", "string"),
    ("nominal", "array<double>"),
    ("lower", "double"),
    ("upper", "double"),
    ("lower_inclusive", "boolean"),
    ("upper_inclusive", "boolean"),
    ("unit", "string"),
    ("per", "string"),
    (
        "inputs",
        "array<struct<`text`:string,`file`:string,`line`:bigint,`column`:bigint>>",
    ),
    ("assumptions", "array<string>"),
    ("kind", "string"),
    ("each", "string"),
    ("counts", "string"),
    ("outcome", "string"),
    (
        "assumption_details",
        "array<struct<`kind`:string,`text`:string>>",
    ),
];

/// The fields of a finding's record ([`FindingRecord`], `check --format json`).
pub const FINDING_FIELDS: Fields = &[
    ("rule", "string"),
    ("code", "string"),
    ("severity", "string"),
    ("file", "string"),
    ("line", "bigint"),
    ("column", "bigint"),
    ("end_line", "bigint"),
    ("end_column", "bigint"),
    ("message", "string"),
    ("text", "string"),
    ("study", "string"),
    (
        "related",
        "array<struct<`file`:string,`line`:bigint,`column`:bigint,`text`:string>>",
    ),
    ("notes", "array<string>"),
    ("unit", "string"),
    (
        "interval",
        "struct<`lower`:double,`upper`:double,`lower_inclusive`:boolean,`upper_inclusive`:boolean>",
    ),
    (
        "compared_with",
        "struct<`kind`:string,`text`:string,`lower`:double,`upper`:double,`lower_inclusive`:boolean,`upper_inclusive`:boolean>",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> Document {
        let path = format!("{}/../../data/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        Document {
            name: name.to_owned(),
            text: std::fs::read_to_string(path).expect("the example article"),
        }
    }

    /// Every field a record serializes to is declared with a type that fits its values,
    /// and every declared field is serialized.
    fn assert_fields(fields: Fields, records: &[serde_json::Value]) {
        assert!(!records.is_empty());
        for record in records {
            let object = record.as_object().expect("a record is an object");
            let names: Vec<&str> = object.keys().map(String::as_str).collect();
            let mut declared: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
            declared.sort_unstable();
            assert_eq!(names, declared, "the same fields");
            for (name, ty) in fields {
                assert_type(ty, &object[*name], name);
            }
        }
    }

    fn assert_type(ty: &str, value: &serde_json::Value, name: &str) {
        use serde_json::Value;
        let fits = match value {
            Value::Null => true,
            Value::Bool(_) => ty == "boolean",
            Value::Number(n) => ty == "double" || (ty == "bigint" && n.is_i64()),
            Value::String(_) => ty == "string",
            Value::Array(items) => {
                let inner = ty
                    .strip_prefix("array<")
                    .and_then(|t| t.strip_suffix('>'))
                    .unwrap_or_else(|| panic!("{name}: {ty} is not an array"));
                items.iter().for_each(|i| assert_type(inner, i, name));
                true
            }
            Value::Object(o) => {
                let inner = ty
                    .strip_prefix("struct<")
                    .and_then(|t| t.strip_suffix('>'))
                    .unwrap_or_else(|| panic!("{name}: {ty} is not a struct"));
                // Split at the top level only: a field's type may be a struct itself.
                let mut parts = Vec::new();
                let (mut depth, mut from) = (0usize, 0usize);
                for (i, c) in inner.char_indices() {
                    match c {
                        '<' => depth += 1,
                        '>' => depth -= 1,
                        ',' if depth == 0 => {
                            parts.push(&inner[from..i]);
                            from = i + 1;
                        }
                        _ => {}
                    }
                }
                parts.push(&inner[from..]);
                let declared: Vec<(&str, &str)> = parts
                    .into_iter()
                    .map(|f| {
                        let (n, t) = f.trim_start_matches('`').split_once("`:").expect("`n`:t");
                        (n, t)
                    })
                    .collect();
                let keys: Vec<&str> = o.keys().map(String::as_str).collect();
                let mut names: Vec<&str> = declared.iter().map(|(n, _)| *n).collect();
                names.sort_unstable();
                assert_eq!(keys, names, "{name}: the same struct fields");
                for (n, t) in declared {
                    assert_type(t, &o[n], n);
                }
                true
            }
        };
        assert!(fits, "{name}: {value} is not a {ty}");
    }

    #[test]
    fn the_fields_are_what_the_records_serialize_to() {
        let analyzer = Analyzer::new(&Options::default()).expect("the default analyzer");
        let (mut claims, mut estimates, mut findings) = (Vec::new(), Vec::new(), Vec::new());
        for name in ["cambodia-migrants.txt", "forced-labour-roundup.md"] {
            let doc = example(name);
            let analysis = analyzer.analyze(&doc);
            let json = |v: &dyn erased::Serialize| v.to_json();
            claims.extend(analysis.claims().iter().map(|r| json(r)));
            estimates.extend(analysis.estimates().iter().map(|r| json(r)));
            findings.extend(analysis.findings().iter().map(|r| json(r)));
        }
        assert_fields(CLAIM_FIELDS, &claims);
        assert_fields(ESTIMATE_FIELDS, &estimates);
        assert_fields(FINDING_FIELDS, &findings);
        let with = |field: &str| claims.iter().filter(|c| !c[field].is_null()).count();
        assert!(
            with("source") > 0 && with("endpoints") > 0,
            "nested fields seen"
        );
    }

    mod erased {
        pub(super) trait Serialize {
            fn to_json(&self) -> serde_json::Value;
        }
        impl<T: serde::Serialize> Serialize for T {
            fn to_json(&self) -> serde_json::Value {
                serde_json::to_value(self).expect("a record serializes")
            }
        }
    }

    #[test]
    fn sources_check_the_figures_that_cite_them() {
        let study = claimcheck_checker::source::SourceText::plain(
            "study.txt",
            "Harbour Review 2025\n\nBy the Eastport Health Council (EHC).\n\nThe clinics \
             treated 86,000 patients in 2024.\n",
        );
        let analyzer = Analyzer::new(&Options {
            sources: vec![study],
            ..Options::default()
        })
        .expect("builds");
        let doc = Document {
            name: "a.txt".to_owned(),
            text: "The EHC says the clinics treated 96,000 patients in 2024.\n\nThe EHC \
                   says 7 percent of patients waited a year.\n"
                .to_owned(),
        };
        let (records, problems) = analyzer.check(&doc);
        assert!(problems.is_empty(), "{problems:?}");
        let rules: Vec<&str> = records.iter().map(|r| r.rule).collect();
        assert_eq!(rules, ["study-contradiction", "not-in-source"]);
    }

    #[test]
    fn settings_errors_are_the_commands() {
        let bad = Options {
            config: Some(Document {
                name: "claimcheck.toml".to_owned(),
                text: "fial-on = \"error\"\n".to_owned(),
            }),
            ..Options::default()
        };
        let p = Analyzer::new(&bad).expect_err("an unknown key");
        assert_eq!(p.location, "claimcheck.toml:1:1");
        assert!(p.message.contains("unknown field `fial-on`"), "{p}");
        let bad = Options {
            select: vec!["no-such-rule".to_owned()],
            ..Options::default()
        };
        let p = Analyzer::new(&bad).expect_err("an unknown rule");
        assert_eq!(p.location, "--select/--extend-select/--ignore");
        assert!(p.message.contains("no-such-rule"), "{p}");
        let analyzer = Analyzer::new(&Options::default()).expect("the defaults");
        let p = analyzer
            .derive_expr("5 ÷ 0")
            .expect_err("a division by zero");
        assert_eq!(p.location, "--expr");
    }
}
