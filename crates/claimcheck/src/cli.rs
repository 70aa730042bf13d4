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
