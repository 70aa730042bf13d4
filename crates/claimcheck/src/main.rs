//! The `claimcheck` command.

// A binary: `pub` in its modules means "for the rest of the crate".
#![allow(unreachable_pub)]

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;

mod cli;
mod derive;
mod extract;
mod input;
mod records;
mod report;

use cli::{Cli, Command};
use report::Reporter;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let reporter = Reporter::default();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match &cli.command {
        Command::Extract(args) => extract::run(args, &mut out, &reporter),
        Command::Derive(args) => derive::run(args, &mut out, &reporter),
    };
    let flushed = out.flush();
    match result.and(flushed.map_err(Into::into)) {
        Ok(()) if reporter.failed() => ExitCode::from(2),
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// A reader that stopped reading (`claimcheck extract | head`) is no error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
