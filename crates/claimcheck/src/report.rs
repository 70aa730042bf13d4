//! `claimcheck report`: four CSV tables (claims, estimates, findings, summary) over a folder
//! of articles, and with `--html` the HTML report, written in one pass, each file atomically.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, Result};
use claimcheck_checker::Checker;

use crate::atomic::OutputFile;
use crate::check;
use crate::cli::ReportArgs;
use crate::derive::EstimateRecord;
use crate::input::{self, Document, Problem};
use crate::records::{MentionRecord, write_csv_row};
use crate::reporter::Reporter;

/// Columns of `findings.csv`: those of `check --format csv`, then the matched study's value
/// and URL.
pub const FINDINGS_HEADER_EXTRA: &[&str] = &["study_value", "study_url"];

/// Columns of `summary.csv`.
pub const SUMMARY_HEADER: &[&str] = &[
    "file",
    "claims",
    "estimates",
    "errors",
    "warnings",
    "infos",
    "quantities",
    "matched",
    "coverage",
];

/// The rows of one document in each table (as the library computes them for every front
/// end), written out as CSV on the thread that made them, and its article for the HTML
/// report.
struct Rows {
    /// `claims.csv`, `estimates.csv`, `findings.csv` and `summary.csv`: the document's rows
    /// as CSV, and how many.
    tables: [(Vec<u8>, usize); 4],
    /// The findings' severities, for the exit code.
    levels: Vec<claimcheck_checker::Severity>,
    /// The article's number, its line in the HTML report's contents, and its `<article>`.
    html: Option<(usize, crate::html::ArticleSummary, String)>,
}

/// `rows` as CSV, and how many. Each row is quoted as [`crate::records::write_csv_row`]
/// quotes it alone: the writer is flexible, as a writer of one row is.
fn csv_text<R: AsRef<[String]>>(rows: &[R]) -> (Vec<u8>, usize) {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows {
        w.write_record(row.as_ref())
            .expect("writing CSV to memory cannot fail");
    }
    let text = w.into_inner().expect("writing CSV to memory cannot fail");
    (text, rows.len())
}

/// The rows of one document; with `html`, also its article for the HTML report, numbered
/// `html`.
fn rows(checker: &Checker, doc: &Document, reporter: &Reporter, html: Option<usize>) -> Rows {
    let analysis = crate::api::Analysis::new(checker, doc);
    for p in &analysis.problems() {
        reporter.error(p);
    }
    let html = html.map(|n| {
        let article = crate::html::Article::new(
            &doc.name,
            &doc.text,
            analysis.prose(),
            analysis.checked(),
            checker.registry(),
        );
        (
            n,
            crate::html::ArticleSummary::new(&article, String::new()),
            crate::html::render_article(&article, n),
        )
    });
    let table = analysis.report_rows(checker);
    Rows {
        tables: [
            csv_text(&table.claims),
            csv_text(&table.estimates),
            csv_text(&table.findings),
            csv_text(std::slice::from_ref(&table.summary)),
        ],
        levels: table.levels,
        html,
    }
}

/// One table being written safely (see [`OutputFile`]): put in place at the end.
struct Table {
    path: std::path::PathBuf,
    file: OutputFile,
    rows: usize,
}

impl Table {
    fn create(dir: &Path, name: &str, header: &[&str]) -> Result<Self> {
        let path = dir.join(name);
        let mut t = Table {
            file: OutputFile::create(&path)?,
            path,
            rows: 0,
        };
        t.write_row(header)?;
        t.rows = 0;
        Ok(t)
    }

    fn write_row<S: AsRef<[u8]>>(&mut self, row: &[S]) -> Result<()> {
        write_csv_row(self.file.writer(), row)
            .with_context(|| format!("{}: cannot write", self.path.display()))?;
        self.rows += 1;
        Ok(())
    }

    /// Writes rows already made CSV ([`csv_text`]).
    fn write_text(&mut self, (text, rows): &(Vec<u8>, usize)) -> Result<()> {
        self.file
            .writer()
            .write_all(text)
            .with_context(|| format!("{}: cannot write", self.path.display()))?;
        self.rows += rows;
        Ok(())
    }

    fn finish(self) -> Result<(std::path::PathBuf, usize)> {
        self.file.commit()?;
        Ok((self.path, self.rows))
    }
}

/// Runs `report`: exit 1 when a finding reaches `--fail-on` (as `check` does).
pub fn run(args: &ReportArgs, out: &mut dyn Write, reporter: &Reporter) -> Result<check::Outcome> {
    let dir = &args.out;
    let check::Setup {
        checker,
        filter,
        fail_at,
        sources,
        assume_cited,
        ..
    } = match check::setup(&args.input, &args.studies, &args.rules) {
        Ok(s) => s,
        Err(p) => {
            reporter.error(&p);
            return Ok(check::Outcome::Clean);
        }
    };
    // The configuration's `sources`, as `check` reads them.
    let checker = match check::with_sources(checker, &sources, assume_cited) {
        Ok(c) => c,
        Err(p) => {
            reporter.error(&p);
            return Ok(check::Outcome::Clean);
        }
    };
    let mut failing = false;
    if dir.exists() && !dir.is_dir() {
        reporter.error(&Problem {
            location: dir.display().to_string(),
            message: "--out names a file, not a folder".to_owned(),
        });
        return Ok(check::Outcome::Clean);
    }
    if let Err(e) = std::fs::create_dir_all(dir) {
        reporter.error(&Problem {
            location: dir.display().to_string(),
            message: input::io_message(&e),
        });
        return Ok(check::Outcome::Clean);
    }
    let mut claims = Table::create(dir, "claims.csv", MentionRecord::CSV_HEADER)?;
    let mut estimates = Table::create(dir, "estimates.csv", EstimateRecord::CSV_HEADER)?;
    let findings_header: Vec<&str> = crate::output::CSV_HEADER
        .iter()
        .chain(FINDINGS_HEADER_EXTRA)
        .copied()
        .collect();
    let mut findings = Table::create(dir, "findings.csv", &findings_header)?;
    let mut summary = Table::create(dir, "summary.csv", SUMMARY_HEADER)?;
    let progress = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} documents {elapsed} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        bar
    });
    let started = std::time::Instant::now();
    let html = args.html;
    let mut page = html
        .then(|| crate::html::pages::Report::new(Some(dir), crate::html::pages::Budget::DEFAULT));
    // Each batch's rows are made on the thread pool while the batch before is written: the
    // articles are numbered by their place in the input, not by the articles written before.
    input::map_batches(
        &args.input,
        &filter,
        reporter,
        input::Reading::Whole,
        input::BATCH_PARTS,
        |batch| {
            let rows = batch.each_isolated(reporter, |place, part| {
                // Articles are numbered from 1.
                let number = html.then_some(place + 1);
                rows(&checker, &part.doc, reporter, number)
            });
            (batch.len(), rows)
        },
        |(parts, done)| {
            for r in done.into_iter().flatten() {
                if let (Some(report), Some((n, summary, fragment))) = (page.as_mut(), r.html) {
                    report.add(n, summary, fragment)?;
                }
                let [c, e, f, s] = &r.tables;
                claims.write_text(c)?;
                estimates.write_text(e)?;
                findings.write_text(f)?;
                summary.write_text(s)?;
                failing |= check::outcome(r.levels, fail_at, args.rules.exit_zero)
                    == check::Outcome::Findings;
            }
            if let Some(bar) = &progress {
                bar.inc(parts as u64);
            }
            Ok(())
        },
    )?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let mut written = Vec::new();
    for t in [claims, estimates, findings, summary] {
        written.push(t.finish()?);
    }
    for (path, rows) in &written {
        writeln!(out, "{}: {rows} rows", path.display())?;
    }
    if let Some(report) = page {
        let path = dir.join("report.html");
        let pages = report.pages();
        crate::atomic::write(&path, |w| report.finish(w))
            .with_context(|| path.display().to_string())?;
        match pages {
            0 => writeln!(out, "{}", path.display())?,
            n => writeln!(
                out,
                "{} (an index; {n} article pages in {})",
                path.display(),
                dir.join(crate::html::pages::ARTICLES_DIR).display()
            )?,
        }
    }
    let _ = writeln!(
        std::io::stderr(),
        "report written in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    Ok(if failing {
        check::Outcome::Findings
    } else {
        check::Outcome::Clean
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_documents_rows_are_the_bytes_of_its_rows_written_one_by_one() {
        let rows: Vec<Vec<String>> = [
            &["a", "b, c", "\"d\""][..],
            &["multi\nline", ""],
            &["one"],
            &[],
        ]
        .iter()
        .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
        .collect();
        let mut one_by_one = Vec::new();
        for row in &rows {
            write_csv_row(&mut one_by_one, row).expect("written");
        }
        assert_eq!(csv_text(&rows), (one_by_one, rows.len()));
        assert_eq!(csv_text::<Vec<String>>(&[]), (Vec::new(), 0));
    }

    #[test]
    fn an_interrupted_table_leaves_the_previous_file_whole() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("claims.csv");
        std::fs::write(&path, "the previous report\n").expect("write");
        {
            let mut t = Table::create(dir.path(), "claims.csv", &["a", "b"]).expect("create");
            t.write_row(&["1", "2"]).expect("write");
            // Dropped without `finish`: as if the run were interrupted here.
        }
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "the previous report\n"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["claims.csv"], "no temporary file is left behind");

        let mut t = Table::create(dir.path(), "claims.csv", &["a", "b"]).expect("create");
        t.write_row(&["1", "2"]).expect("write");
        let (_, rows) = t.finish().expect("finish");
        assert_eq!(rows, 1);
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "a,b\n1,2\n");
    }
}
