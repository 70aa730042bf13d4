//! The command line: subcommands and their options.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::input::InputFormat;

/// Checks the numbers in news articles and reports: finds every numeric claim, works out
/// what the claims imply, and flags the ones that contradict each other or the studies
/// they cite.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every numeric figure in the input, with what its words assert.
    Extract(ExtractArgs),
    /// List what the stated figures imply, with honest intervals and the assumptions named.
    Derive(DeriveArgs),
    /// Check the figures against each other and the registry of studies (exit 1 on errors).
    ///
    /// Findings are printed sorted by file and position. Past about 8 MB of them, they are
    /// sorted through temporary files in the system's temporary folder (`TMPDIR`), so memory
    /// stays flat over any corpus; where that folder cannot be written to, a warning says so
    /// and they are held in memory.
    Check(CheckArgs),
    /// Write CSV tables of claims, estimates, findings and a per-file summary to a folder
    /// (and an HTML report with `--html`).
    Report(ReportArgs),
    /// List the rules, with their codes and default severities.
    Rules(RulesArgs),
    /// Explain how the figures at FILE:LINE[:COLUMN] were read and matched: the claim as read,
    /// each registry row considered, the evidence for and against it, and the verdict.
    // The help text's "[:COLUMN]" is an optional part, written as users read it, not a link.
    #[allow(rustdoc::broken_intra_doc_links)]
    Explain(ExplainArgs),
    /// Work with registry files: `registry draft SOURCE…` writes rows for a study's headline
    /// figures, to review and pass with `--studies`.
    #[command(subcommand)]
    Registry(RegistryCommand),
    /// Print a rule's documentation.
    Rule {
        /// The rule's name or code (`study-contradiction`, `CC001`).
        name: String,
    },
}

/// The subcommands of `claimcheck registry`.
#[derive(Debug, Subcommand)]
pub enum RegistryCommand {
    /// Write registry rows (CSV in the schema of `data/studies.csv`) for the figures of one or
    /// more studies (PDF, HTML, Markdown or text), those of the executive summary, key
    /// findings, abstract or highlights first, each with the sentence that gives it and where
    /// it is. Review them (scope, concept, population) before adding them with `--studies`.
    Draft(DraftArgs),
}

/// Options of `claimcheck registry draft`.
#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The studies to draft rows from.
    #[arg(value_name = "SOURCE", required = true)]
    pub sources: Vec<PathBuf>,

    /// The study's address, for the rows' `url` [default: a placeholder under
    /// `https://example.invalid/` to replace].
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// The publisher's short name [default: the first acronym the study gives itself, else its
    /// title].
    #[arg(long, value_name = "NAME")]
    pub publisher: Option<String>,

    /// How many rows per study at most: headline figures first, then the others in order.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
}

/// An encoding from its WHATWG label.
fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        format!("unknown encoding `{label}` (try utf-8, windows-1252, latin1, utf-16le, utf-16be)")
    })
}

/// Options of `claimcheck rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
}

/// Output formats of `claimcheck rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// One line per rule.
    Text,
    /// A JSON array: code, name, severity, default_on, summary, doc.
    Json,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always (even into a pipe, and whatever `NO_COLOR` says).
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour, given whether the output is a terminal and the environment's
    /// `NO_COLOR` (<https://no-color.org>: set and not empty disables colour).
    pub fn enabled(self, terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

/// Where the text comes from; shared by every subcommand that reads articles.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders to read (`-` for standard input). Folders are walked, honouring
    /// `.gitignore`, for .txt, .md, .markdown, .html, .htm and .jsonl files.
    #[arg(value_name = "PATH", default_value = "-")]
    pub paths: Vec<PathBuf>,

    /// How to read input files: `auto` treats `.jsonl` as a corpus of documents.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,

    /// The name standard input is given in records.
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    pub stdin_filename: String,

    /// The configuration file [default: `claimcheck.toml` in the working directory or a
    /// folder above it].
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,

    /// The text encoding of input files, by its WHATWG label (`utf-8`, `windows-1252`,
    /// `latin1`, `utf-16le`, `shift_jis` …). By default a byte-order mark decides, then
    /// UTF-8, and a file that is not valid UTF-8 is read as Windows-1252 with a warning.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,

    /// Follow symbolic links while walking folders (they are skipped, and counted, without
    /// it). Files named on the command line are always read through their links.
    #[arg(long)]
    pub follow: bool,
}

/// Options of `claimcheck extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Input files and how to read them.
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
}

/// Output formats of `claimcheck extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One readable line per figure.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// One JSON array of objects.
    Json,
    /// A CSV table with a header row.
    Csv,
}

/// Options of `claimcheck derive`.
#[derive(Debug, Args)]
pub struct DeriveArgs {
    /// Input files and how to read them.
    #[command(flatten)]
    pub input: InputArgs,

    /// Evaluate a phrase instead of reading files: "30% of 50,000 to 80,000 workers a year",
    /// "400,000 workers × $250 a month", "24.9 million + 15.4 million".
    #[arg(long, value_name = "PHRASE")]
    pub expr: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
}

/// Output formats of the commands that write tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// Readable, with the working shown.
    Text,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A CSV table with a header row.
    Csv,
}

/// Options of `claimcheck check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Input files and how to read them.
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = crate::output::CheckFormat::Full)]
    pub format: crate::output::CheckFormat,

    /// A registry file of your own, in the format of `data/studies.csv` (repeatable); its
    /// figures are added to the shipped ones.
    #[arg(long = "studies", value_name = "FILE")]
    pub studies: Vec<PathBuf>,

    /// A cited study's own text, as PDF, HTML, Markdown or plain text (repeatable; added to
    /// `sources` in the config). Each figure whose sentence names the study (its title, or an
    /// organisation its opening names with an acronym) is looked up among the study's figures:
    /// another value for the same population is a `study-contradiction`, the value for another
    /// population or year a `population-mismatch` or `misattribution`, and a figure it does not
    /// give at all is `not-in-source`.
    #[arg(long = "against", value_name = "SOURCE")]
    pub against: Vec<PathBuf>,

    /// Look every figure up in the `--against` sources, whether its sentence names one or not
    /// (for an article that reports one study throughout).
    #[arg(long)]
    pub assume_cited: bool,

    /// Which rules run and what fails the run.
    #[command(flatten)]
    pub rules: RuleArgs,

    /// Write the report in `--format` to this file (atomically), and print the findings for
    /// humans on standard output (`--format html --output-file report.html` for a page to
    /// open in a browser).
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,

    /// When to colour the human output [default: auto, which honours `NO_COLOR`].
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print the findings only: no summary line.
    #[arg(short, long)]
    pub quiet: bool,

    /// Print how many findings each rule raised instead of the findings (in `--format json`,
    /// a JSON array).
    #[arg(long)]
    pub statistics: bool,

    /// Print the settings in force (the configuration file found, the registries, the rules
    /// that run, the conventions) and exit without checking.
    #[arg(long)]
    pub show_settings: bool,

    /// The articles' date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): a figure is outdated when a newer
    /// edition was published before it [default: each text's front matter or dateline, else
    /// `date` in the config].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<claimcheck_checker::ArticleDate>,
}

/// Reads `--date`.
pub fn parse_date(s: &str) -> Result<claimcheck_checker::ArticleDate, String> {
    claimcheck_checker::ArticleDate::parse(s)
        .ok_or_else(|| format!("`{s}` is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"))
}

/// Which rules run, as ruff reads them, and the severity that fails the run; shared by
/// `check` and `report`.
#[derive(Debug, Args)]
pub struct RuleArgs {
    /// The rules to run instead of the default ones (and of the config's `select`), by name
    /// or code; `ALL` for every rule.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub select: Vec<String>,

    /// Rules to run besides the default (or selected) ones, by name or code.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub extend_select: Vec<String>,

    /// Rules not to run, by name or code.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// The least severity that fails the run (exit 1) [default: error, or `fail-on` in the
    /// config].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,

    /// Exit 0 even when findings would fail the run (2 still means the tool could not work).
    #[arg(long)]
    pub exit_zero: bool,
}

/// Severities for `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Fail on errors only.
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Fail on any finding.
    Info,
}

/// Options of `claimcheck report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Input files and how to read them.
    #[command(flatten)]
    pub input: InputArgs,

    /// The folder to write `claims.csv`, `estimates.csv`, `findings.csv` and `summary.csv`
    /// to (created if missing, reused if present).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// A registry file of your own (repeatable).
    #[arg(long = "studies", value_name = "FILE")]
    pub studies: Vec<PathBuf>,

    /// Which rules run and what fails the run (exit 1), as for `check`.
    #[command(flatten)]
    pub rules: RuleArgs,

    /// Also write `report.html`: every article with its figures marked, findings beside
    /// their lines and intervals drawn. Past 200 articles or 4 MB, `report.html` is an index
    /// and each article gets a page in `report-articles/`.
    #[arg(long)]
    pub html: bool,
}

/// Options of `claimcheck explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Where: `FILE:LINE` or `FILE:LINE:COLUMN` (columns count characters, from 1).
    #[arg(value_name = "FILE:LINE[:COLUMN]")]
    pub location: String,

    /// A registry file of your own (repeatable).
    #[arg(long = "studies", value_name = "FILE")]
    pub studies: Vec<PathBuf>,

    /// The article's date (`YYYY[-MM-DD]`), as for `check`.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<claimcheck_checker::ArticleDate>,

    /// A cited study's own text (repeatable), as for `check`: shows where each figure that
    /// cites it was found in it, or why it was not.
    #[arg(long = "against", value_name = "SOURCE")]
    pub against: Vec<PathBuf>,

    /// Look every figure up in the `--against` sources, as for `check`.
    #[arg(long)]
    pub assume_cited: bool,

    /// Show every row considered, not only the first twelve.
    #[arg(long)]
    pub all: bool,

    /// The configuration file [default: `claimcheck.toml` in the working directory or a
    /// folder above it].
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
}
