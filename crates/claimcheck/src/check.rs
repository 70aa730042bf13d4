//! `claimcheck check`: findings over files, folders, corpora and standard input.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use claimcheck_checker::{Checker, Registry, RegistryErrors, Selection, Severity};
use claimcheck_parser::{LineIndex, Origin, Span};

use crate::cli::{CheckArgs, FailOn, RuleArgs};
use crate::input::{self, Document, Problem};
use crate::output::{self, FindingRecord};
use crate::reporter::Reporter;
use crate::spill;

/// How a run ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing at or above the failing severity.
    Clean,
    /// Findings at or above the failing severity.
    Findings,
}

/// Loads the shipped registry and the user's files. A malformed file is an error naming
/// file, line and column.
pub fn registry(paths: &[std::path::PathBuf]) -> Result<Registry, Problem> {
    let files = paths
        .iter()
        .map(|p| read_file(p))
        .collect::<Result<Vec<_>, _>>()?;
    registry_of(&files)
}

/// Reads a file whole, as UTF-8 text, into a document named by its path.
pub fn read_file(path: &std::path::Path) -> Result<Document, Problem> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Problem {
        location: name.clone(),
        message: input::io_message(&e),
    })?;
    let text = input::decode(bytes, &name)?;
    Ok(Document { name, text })
}

/// The shipped registry with the registry files `files` (already read) added and verified.
/// Every problem in every file is reported: the problem's message holds one line per problem
/// after the first, each with its own `file:line:column`.
pub fn registry_of(files: &[Document]) -> Result<Registry, Problem> {
    let mut r = Registry::builtin().map_err(registry_problem)?;
    let mut errors = Vec::new();
    for file in files {
        if let Err(e) = r.load(&file.name, &file.text) {
            errors.extend(e.0);
        }
    }
    if !errors.is_empty() {
        return Err(registry_problem(RegistryErrors(errors)));
    }
    let problems = r.verify();
    if let Some((first, rest)) = problems.split_first() {
        let mut message = first.clone();
        for p in rest {
            message.push('\n');
            message.push_str(p);
        }
        return Err(Problem {
            location: "registry".to_owned(),
            message,
        });
    }
    Ok(r)
}

/// Registry problems as one [`Problem`]: the first's place as its location, the others on
/// lines of their own (the reporter prints each line as an error).
fn registry_problem(errors: RegistryErrors) -> Problem {
    let mut lines = errors.0.iter();
    let Some(first) = lines.next() else {
        return Problem {
            location: "registry".to_owned(),
            message: "unreadable".to_owned(),
        };
    };
    let location = match first.column {
        Some(c) => format!("{}:{}:{}", first.file, first.line, c),
        None => format!("{}:{}", first.file, first.line),
    };
    let mut message = first.message.clone();
    for e in lines {
        message.push('\n');
        message.push_str(&e.to_string());
    }
    Problem { location, message }
}

/// A document longer than this is checked in windows of about this size, cut between
/// paragraphs (else lines, else sentences), so that the memory a check needs is bounded by the
/// window, not the file: a scraped table or a log of hundreds of megabytes is checked in the
/// memory of a long article. Figures are compared within a window only; an article is far
/// shorter than a window, so only such files are cut.
pub const WINDOW_BYTES: usize = 256 * 1024;

/// Byte ranges covering `text` in order, each at most about `limit` bytes, cut where
/// [`next_cut`] cuts, at a boundary that is a character boundary in both `text` and
/// `original` (which have the same length: markup is masked in place).
pub fn windows(text: &str, original: &str, limit: usize) -> Vec<std::ops::Range<usize>> {
    let boundary = |i: usize| text.is_char_boundary(i) && original.is_char_boundary(i);
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > limit {
        let cut = next_cut(text.as_bytes(), start, limit, boundary);
        out.push(start..cut);
        start = cut;
    }
    out.push(start..text.len());
    out
}

/// Where the window that starts at `start` of `bytes` (more than `limit` bytes from there)
/// ends: after a blank line where there is one in the second half of the window, else after a
/// line break, else after a full stop and a space, else at the last `boundary` before
/// `limit`. Depends only on the window's bytes, so a file read a part at a time is cut where
/// the whole file would be.
pub fn next_cut(
    bytes: &[u8],
    start: usize,
    limit: usize,
    boundary: impl Fn(usize) -> bool,
) -> usize {
    let hard = start + limit;
    let half = start + limit / 2;
    let zone = &bytes[half..hard];
    let after = |needle: &[u8]| {
        zone.windows(needle.len())
            .rposition(|w| w == needle)
            .map(|i| half + i + needle.len())
    };
    let mut cut = after(b"\n\n")
        .or_else(|| after(b"\n"))
        .or_else(|| after(b". "))
        .unwrap_or(hard);
    while !boundary(cut) {
        cut -= 1;
    }
    if cut <= start {
        cut = hard;
        while !boundary(cut) {
            cut += 1;
        }
    }
    cut
}

/// Checks one document, returning its finding records; figures that could not be read are
/// reported as errors.
pub fn check_document(
    checker: &Checker,
    doc: &Document,
    reporter: &Reporter,
) -> Vec<FindingRecord> {
    check_part(checker, doc, Origin::default(), reporter)
}

/// [`check_document`] for a part of a file that starts at `origin` in it: lines and columns
/// are the file's.
pub fn check_part(
    checker: &Checker,
    doc: &Document,
    origin: Origin,
    reporter: &Reporter,
) -> Vec<FindingRecord> {
    let (records, problems) = findings_at(checker, doc, origin);
    for p in &problems {
        reporter.error(p);
    }
    records
}

/// Checks one document (in windows when it is long): its finding records, and the figures
/// that could not be read as problems at their line and column.
pub fn findings(checker: &Checker, doc: &Document) -> (Vec<FindingRecord>, Vec<Problem>) {
    findings_at(checker, doc, Origin::default())
}

/// [`findings`] for a part of a file that starts at `origin` in it.
pub fn findings_at(
    checker: &Checker,
    doc: &Document,
    origin: Origin,
) -> (Vec<FindingRecord>, Vec<Problem>) {
    let text = crate::markup::prose(doc);
    let index = LineIndex::starting_at(&text, origin);
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for window in windows(&text, &doc.text, WINDOW_BYTES) {
        let shift = window.start;
        let mut checked = checker.check_prose(&text[window.clone()], &doc.text[window]);
        for d in &mut checked.diagnostics {
            d.span = Span::new(d.span.start + shift, d.span.end + shift);
        }
        problems.extend(crate::reporter::problems(
            &doc.name,
            &text,
            &index,
            &checked.diagnostics,
        ));
        records.extend(checked.findings.iter_mut().map(|f| {
            f.span = Span::new(f.span.start + shift, f.span.end + shift);
            for r in &mut f.related {
                r.span = Span::new(r.span.start + shift, r.span.end + shift);
            }
            let mut record = FindingRecord::new(&doc.name, &doc.text, &index, f);
            record.span = record.span.start + origin.byte..record.span.end + origin.byte;
            record
        }));
    }
    (records, problems)
}

/// Checks one document for the HTML report: its text, figures, findings and estimates.
pub fn article(checker: &Checker, doc: &Document, reporter: &Reporter) -> crate::html::Article {
    let text = crate::markup::prose(doc);
    let checked = checker.check_prose(&text, &doc.text);
    let index = LineIndex::new(&text);
    reporter.diagnostics(&doc.name, &text, &index, &checked.diagnostics);
    crate::html::Article::new(&doc.name, &doc.text, &text, &checked, checker.registry())
}

/// What `check` and `report` both build from the configuration and the command line.
pub struct Setup {
    /// The checker, with the registry, rule selection and conventions.
    pub checker: Checker,
    /// Include and exclude globs for walked folders.
    pub filter: input::Filter,
    /// The least severity that fails the run: `--fail-on`, else the config's, else error.
    pub fail_at: Severity,
    /// What is in force, for `--show-settings`.
    pub settings: Settings,
    /// The configuration's `sources`, resolved against its folder.
    pub sources: Vec<std::path::PathBuf>,
    /// The configuration's `assume-cited`.
    pub assume_cited: bool,
}

/// The settings in force, resolved from the configuration file and the command line.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Settings {
    /// The configuration file read, or `(none: defaults)`.
    pub config_file: String,
    /// Registry files added to the shipped one.
    pub studies: Vec<String>,
    /// Studies' own texts that cited figures are checked against (`--against`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// How many figures the registry holds in all.
    pub registry_figures: usize,
    /// The rules that run, as `CODE/name`.
    pub rules: Vec<String>,
    /// Severity overrides, by rule.
    pub severity: std::collections::BTreeMap<String, Severity>,
    /// The least severity that fails the run.
    pub fail_on: Severity,
    /// The model's conventions.
    pub tolerances: claimcheck_model::ModelConventions,
    /// The extractor's conventions.
    pub extraction: claimcheck_parser::Conventions,
}

/// Loads `claimcheck.toml` and the registries, and builds the checker: the configuration's
/// registries extended by the command line's `studies`; its rule selection, where the
/// command line's `--select` replaces the config's `select` (as in ruff) and the
/// `extend-select` and `ignore` lists of both add up.
pub fn setup(
    input: &crate::cli::InputArgs,
    studies: &[std::path::PathBuf],
    rules: &RuleArgs,
) -> Result<Setup, Problem> {
    setup_with(input.config.as_deref(), None, studies, rules)
}

/// [`setup`] from a configuration path, with the articles' date from `--date`.
pub fn setup_with(
    config: Option<&std::path::Path>,
    date: Option<claimcheck_checker::ArticleDate>,
    studies: &[std::path::PathBuf],
    rules: &RuleArgs,
) -> Result<Setup, Problem> {
    let loaded = crate::config::load(config)?;
    let cfg = &loaded.config;
    let studies: Vec<std::path::PathBuf> = cfg
        .studies
        .iter()
        .map(|p| loaded.root.join(p))
        .chain(studies.iter().cloned())
        .collect();
    let registry = registry(&studies)?;
    let selection = selection(cfg, &rules.select, &rules.extend_select, &rules.ignore)?;
    let fail_at = match rules.fail_on {
        Some(FailOn::Error) => Severity::Error,
        Some(FailOn::Warning) => Severity::Warning,
        Some(FailOn::Info) => Severity::Info,
        None => cfg.fail_on.unwrap_or(Severity::Error),
    };
    let filter = input::Filter::new(&loaded.root, &cfg.include, &cfg.exclude)?;
    let enabled = selection.enabled();
    let settings = Settings {
        config_file: loaded.path.as_ref().map_or_else(
            || "(none: defaults)".to_owned(),
            |p| p.display().to_string(),
        ),
        studies: studies.iter().map(|p| p.display().to_string()).collect(),
        sources: cfg
            .sources
            .iter()
            .map(|p| loaded.root.join(p).display().to_string())
            .collect(),
        registry_figures: registry.studies.len(),
        rules: claimcheck_checker::RULES
            .iter()
            .filter(|r| enabled.contains(*r))
            .map(|r| format!("{}/{}", r.code, r.name))
            .collect(),
        severity: selection
            .severities()
            .into_iter()
            .map(|(r, v)| (r.name.to_owned(), v))
            .collect(),
        fail_on: fail_at,
        tolerances: cfg.tolerances.clone(),
        extraction: cfg.extraction.conventions(),
    };
    let fallback = match cfg.date.as_deref() {
        Some(d) => Some(
            claimcheck_checker::ArticleDate::parse(d).ok_or_else(|| Problem {
                location: loaded.path.as_ref().map_or_else(
                    || crate::config::FILE_NAME.to_owned(),
                    |p| p.display().to_string(),
                ),
                message: format!("date `{d}` is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
            })?,
        ),
        None => None,
    };
    let checker = Checker::with_extraction(
        registry,
        cfg.tolerances.clone(),
        &selection,
        cfg.extraction.conventions(),
    )
    .with_dates(date, fallback);
    Ok(Setup {
        checker,
        filter,
        fail_at,
        settings,
        sources: cfg.sources.iter().map(|p| loaded.root.join(p)).collect(),
        assume_cited: cfg.assume_cited,
    })
}

/// The rule selection of a configuration and the command line: a non-empty `select`
/// replaces the configuration's `select` (as in ruff), the `extend-select` and `ignore`
/// lists of both add up, and the configuration's severities apply. An unknown rule is an
/// error.
pub fn selection(
    cfg: &crate::config::Config,
    select: &[String],
    extend_select: &[String],
    ignore: &[String],
) -> Result<Selection, Problem> {
    let selection = Selection {
        select: if select.is_empty() {
            cfg.select.clone()
        } else {
            select.to_vec()
        },
        extend_select: cfg
            .extend_select
            .iter()
            .chain(extend_select)
            .cloned()
            .collect(),
        ignore: cfg.ignore.iter().chain(ignore).cloned().collect(),
        severity: cfg.severity.iter().map(|(k, v)| (k.clone(), *v)).collect(),
    };
    if let Some(name) = selection.unknown().first() {
        return Err(Problem {
            location: "--select/--extend-select/--ignore".to_owned(),
            message: claimcheck_checker::rules::unknown_message(name),
        });
    }
    Ok(selection)
}

/// The checker with the cited studies' texts read (`--against`, `sources`). A source that
/// cannot be read (missing, empty, binary, a scan, encrypted) is a problem naming it.
pub fn with_sources(
    checker: Checker,
    paths: &[std::path::PathBuf],
    assume_cited: bool,
) -> Result<Checker, Problem> {
    if paths.is_empty() {
        return Ok(checker);
    }
    let sources = paths
        .iter()
        .map(|p| crate::sources::load(p).map(|text| checker.read_source(&text)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(checker.with_sources(sources, assume_cited))
}

/// Runs `check`.
pub fn run(args: &CheckArgs, out: &mut dyn Write, reporter: &Reporter) -> Result<Outcome> {
    let Setup {
        checker,
        filter,
        fail_at,
        mut settings,
        sources,
        assume_cited,
    } = match setup_with(
        args.input.config.as_deref(),
        args.date,
        &args.studies,
        &args.rules,
    ) {
        Ok(s) => s,
        Err(p) => {
            reporter.error(&p);
            return Ok(Outcome::Clean);
        }
    };
    let sources: Vec<std::path::PathBuf> =
        sources.into_iter().chain(args.against.clone()).collect();
    settings.sources = sources.iter().map(|p| p.display().to_string()).collect();
    let checker = match with_sources(checker, &sources, assume_cited || args.assume_cited) {
        Ok(c) => c,
        Err(p) => {
            reporter.error(&p);
            return Ok(Outcome::Clean);
        }
    };
    if args.show_settings {
        write!(out, "{}", toml::to_string_pretty(&settings)?)?;
        return Ok(Outcome::Clean);
    }
    // Findings are counted as they come, and sorted by file and position through a sort that
    // spills to disk past a budget: a corpus's findings do not all stay in memory.
    let mut tally = Tally::default();
    let mut sorted = spill::Sorter::new(sort_budget());
    // The HTML page shows each document's text: only it keeps the documents.
    let mut articles: Vec<crate::html::Article> = Vec::new();
    let html = args.format == output::CheckFormat::Html;
    // The HTML page draws each document whole; the other formats take a long file a window
    // at a time.
    let reading = if html {
        input::Reading::Whole
    } else {
        input::Reading::Windows(WINDOW_BYTES)
    };
    // One batch's findings: its articles' too for the HTML page.
    enum Batch {
        Articles(Vec<Option<crate::html::Article>>),
        Findings(Vec<Option<Vec<FindingRecord>>>),
    }
    // The source lines and the label are printed by `full` only (and beside an output file):
    // elsewhere they are not kept, nor sorted.
    let excerpts = args.format == output::CheckFormat::Full || args.output_file.is_some();
    let mut keep = |mut record: FindingRecord| {
        tally.add(&record);
        if !args.statistics {
            if !excerpts {
                record.excerpt = None;
                record.label = String::new();
            }
            if let Some(e) = sorted.push(record) {
                reporter.warning(&Problem {
                    location: std::env::temp_dir().display().to_string(),
                    message: format!(
                        "the findings are held in memory from here on, not sorted on disk: {e:#}"
                    ),
                });
            }
        }
    };
    input::map_batches(
        &args.input,
        &filter,
        reporter,
        reading,
        input::BATCH_PARTS,
        |batch| {
            if html {
                Batch::Articles(
                    batch.each_isolated(reporter, |_, part| article(&checker, &part.doc, reporter)),
                )
            } else {
                Batch::Findings(batch.each_isolated(reporter, |_, part| {
                    check_part(&checker, &part.doc, part.origin, reporter)
                }))
            }
        },
        |batch| {
            match batch {
                Batch::Articles(read) => {
                    for a in read.into_iter().flatten() {
                        for f in &a.findings {
                            keep(f.clone());
                        }
                        articles.push(a);
                    }
                }
                Batch::Findings(found) => {
                    for f in found.into_iter().flatten().flatten() {
                        keep(f);
                    }
                }
            }
            Ok(())
        },
    )?;
    let ended = outcome(tally.worst, fail_at, args.rules.exit_zero);
    let terminal = std::io::stdout().is_terminal();
    let color = args
        .color
        .enabled(terminal, std::env::var_os("NO_COLOR").as_deref());
    let summary = |out: &mut dyn Write, format| -> Result<()> {
        // The summary comes last, after everything printed above it.
        out.flush()?;
        if !args.quiet {
            tally.summary(format);
        }
        Ok(())
    };
    if args.statistics {
        statistics(&tally, args.format, out)?;
        summary(out, output::CheckFormat::Full)?;
        return Ok(ended);
    }
    let records = sorted.finish()?;
    match &args.output_file {
        Some(path) => {
            // One pass over the findings writes the file and the human output; each is
            // written whatever happens to the other (a reader of the human output that stops,
            // as `| head` does, leaves the file whole).
            let mut failed = None;
            let mut printing = None;
            let mut file = crate::atomic::OutputFile::create(path)
                .map_err(|e| failed = Some(e))
                .ok();
            {
                let mut to_file = file.as_mut().and_then(|f| {
                    output::Emitter::start(args.format, false, f.writer())
                        .map_err(|e| failed = Some(e))
                        .ok()
                });
                let mut human = Some(output::Emitter::start(
                    output::CheckFormat::Full,
                    color,
                    out,
                )?);
                for record in records {
                    let record = record?;
                    if let Some(emitter) = &mut to_file
                        && let Err(e) = emitter.record(&record)
                    {
                        failed = Some(e);
                        to_file = None;
                    }
                    if let Some(emitter) = &mut human
                        && let Err(e) = emitter.record(&record)
                    {
                        printing = Some(e);
                        human = None;
                    }
                    if to_file.is_none() && human.is_none() {
                        break;
                    }
                }
                if let Some(emitter) = to_file
                    && let Err(e) = emitter.finish(&articles)
                {
                    failed = Some(e);
                }
                if let Some(emitter) = human
                    && let Err(e) = emitter.finish(&[])
                {
                    printing = Some(e);
                }
            }
            if failed.is_none()
                && let Some(file) = file
                && let Err(e) = file.commit()
            {
                failed = Some(e);
            }
            if let Some(e) = failed {
                if printing.is_none() {
                    out.flush()?;
                }
                reporter.error(&Problem {
                    location: path.display().to_string(),
                    message: format!("cannot write the output file: {}", e.root_cause()),
                });
            }
            // Standard output that failed ends the run, after the file: as its error, or as
            // the file's (exit 2) when both failed.
            match printing {
                Some(_) if reporter.failed() => return Ok(ended),
                Some(e) => return Err(e),
                None => summary(out, output::CheckFormat::Full)?,
            }
        }
        None => {
            let color = color && args.format == output::CheckFormat::Full;
            let mut emitter = output::Emitter::start(args.format, color, out)?;
            for record in records {
                emitter.record(&record?)?;
            }
            emitter.finish(&articles)?;
            summary(out, args.format)?;
        }
    }
    Ok(ended)
}

/// How much the findings held in memory may weigh (about) before they are sorted and written
/// out to a temporary file to be merged at the end: enough for every finding of most runs
/// (a long article raises a few dozen, a few kilobytes each), little beside the megabytes a
/// batch of documents takes. In debug builds, the environment variable
/// `CLAIMCHECK_DEBUG_SORT_BUDGET` sets it, so that tests can make a run spill.
pub const SORT_BUDGET_BYTES: usize = 8 << 20;

fn sort_budget() -> usize {
    #[cfg(debug_assertions)]
    if let Some(budget) = std::env::var("CLAIMCHECK_DEBUG_SORT_BUDGET")
        .ok()
        .and_then(|b| b.parse().ok())
    {
        return budget;
    }
    SORT_BUDGET_BYTES
}

/// What `check` counts of its findings as they come: by severity and by rule, for the summary,
/// `--statistics` and the exit code.
#[derive(Debug, Default)]
struct Tally {
    /// Errors, warnings and infos.
    errors: usize,
    warnings: usize,
    infos: usize,
    /// The most severe finding's severity.
    worst: Option<Severity>,
    /// Each rule that raised a finding, in the order first met.
    rules: Vec<RuleTally>,
}

/// A rule's findings: how many, and the severity of its first in the output's order.
#[derive(Debug)]
struct RuleTally {
    code: &'static str,
    name: &'static str,
    count: usize,
    /// The first finding's file, line and column, and its severity.
    first: (String, usize, usize),
    severity: &'static str,
}

impl Tally {
    fn add(&mut self, r: &FindingRecord) {
        match r.level {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
        self.worst = self.worst.max(Some(r.level));
        let at = (&r.file, r.line, r.column);
        match self.rules.iter_mut().find(|t| t.name == r.rule) {
            Some(t) => {
                t.count += 1;
                // The first in the output's order: of findings at one place, the one met first.
                if at < (&t.first.0, t.first.1, t.first.2) {
                    t.first = (r.file.clone(), r.line, r.column);
                    t.severity = r.severity;
                }
            }
            None => self.rules.push(RuleTally {
                code: r.code,
                name: r.rule,
                count: 1,
                first: (r.file.clone(), r.line, r.column),
                severity: r.severity,
            }),
        }
    }

    fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// A summary line for humans, on standard error.
    fn summary(&self, format: output::CheckFormat) {
        if format != output::CheckFormat::Full && format != output::CheckFormat::Concise {
            return;
        }
        let (total, e, w, i) = (self.total(), self.errors, self.warnings, self.infos);
        let _ = writeln!(
            std::io::stderr(),
            "{total} finding{}: {e} error{}, {w} warning{}, {i} info",
            if total == 1 { "" } else { "s" },
            if e == 1 { "" } else { "s" },
            if w == 1 { "" } else { "s" },
        );
    }
}

/// How a run ends, given the severities of its findings.
pub fn outcome(
    levels: impl IntoIterator<Item = Severity>,
    fail_at: Severity,
    exit_zero: bool,
) -> Outcome {
    if !exit_zero && levels.into_iter().any(|l| l >= fail_at) {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// `--statistics`: how many findings each rule raised, most first, as ruff prints them; a
/// JSON array in the JSON formats.
fn statistics(tally: &Tally, format: output::CheckFormat, out: &mut dyn Write) -> Result<()> {
    let mut counts: Vec<&RuleTally> = tally.rules.iter().collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    if matches!(
        format,
        output::CheckFormat::Json | output::CheckFormat::Jsonl
    ) {
        let rows: Vec<_> = counts
            .iter()
            .map(|r| {
                serde_json::json!({ "code": r.code, "name": r.name, "severity": r.severity, "count": r.count })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    let width = counts.first().map_or(1, |r| r.count.to_string().len());
    for r in &counts {
        writeln!(
            out,
            "{:>width$}\t{}\t{}\t{}",
            r.count, r.code, r.name, r.severity
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_the_text_and_cut_between_paragraphs() {
        let para = "Some 23 percent of 400 workers were paid.\n\n";
        let text = para.repeat(100);
        let cuts = windows(&text, &text, 1000);
        assert!(cuts.len() > 1);
        assert_eq!(cuts.first().map(|r| r.start), Some(0));
        assert_eq!(cuts.last().map(|r| r.end), Some(text.len()));
        for pair in cuts.windows(2) {
            assert_eq!(pair[0].end, pair[1].start, "no gap, no overlap");
            assert!(
                text[..pair[0].end].ends_with("\n\n"),
                "cut after a paragraph"
            );
        }
        assert!(cuts.iter().all(|r| r.len() <= 1000));
    }

    #[test]
    fn windows_respect_character_boundaries_of_both_texts() {
        // No line break, no full stop: the cut falls on a character boundary anyway.
        let original = "€".repeat(1000);
        let masked = " ".repeat(original.len());
        let cuts = windows(&masked, &original, 100);
        for r in &cuts {
            assert!(original.is_char_boundary(r.start) && original.is_char_boundary(r.end));
        }
        assert_eq!(cuts.last().map(|r| r.end), Some(original.len()));
        let whole = windows("short", "short", 100);
        assert_eq!(whole.len(), 1);
        assert_eq!(whole[0], 0..5);
    }
}
