//! The `claimcheck` command.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;

use claimcheck::cli::{Cli, Command, RegistryCommand, RulesFormat};
use claimcheck::reporter::Reporter;
use claimcheck::{check, derive, draft, explain, extract, input, report};

/// The command allocates many small, short-lived blocks (a claim's words, its subject, a
/// rule's notes); jemalloc's per-thread caches serve them in about 6% less of `check`'s time
/// than glibc's allocator, for a tenth more peak memory (measured side by side, README's
/// Speed). The libraries leave the choice to their caller; the Python module, which is its own
/// caller, makes the same one (crates/claimcheck-py).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let reporter = Reporter::default();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match &cli.command {
        Command::Extract(args) => extract::run(args, &mut out, &reporter).map(|()| None),
        Command::Derive(args) => derive::run(args, &mut out, &reporter).map(|()| None),
        Command::Check(args) => check::run(args, &mut out, &reporter).map(Some),
        Command::Report(args) => report::run(args, &mut out, &reporter).map(Some),
        Command::Explain(args) => explain::run(args, &mut out, &reporter).map(|()| None),
        Command::Rules(args) => rules(args.format, &mut out).map(|()| None),
        Command::Rule { name } => rule(name, &mut out, &reporter).map(|()| None),
        Command::Registry(RegistryCommand::Draft(args)) => {
            draft::run(args, &mut out, &reporter).map(|()| None)
        }
    };
    let flushed = out.flush();
    // Articles of an HTML report that could not be drawn (each caught as it was drawn).
    for problem in claimcheck::html::take_undrawn() {
        reporter.error(&problem);
    }
    match result.and_then(|o| flushed.map(|()| o).map_err(Into::into)) {
        Ok(_) if reporter.failed() => ExitCode::from(2),
        Ok(Some(check::Outcome::Findings)) => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
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

/// `claimcheck rules`: one line per rule, or a JSON array.
fn rules(format: RulesFormat, out: &mut dyn Write) -> anyhow::Result<()> {
    if format == RulesFormat::Json {
        let rules: Vec<_> = claimcheck_checker::RULES
            .iter()
            .map(|r| {
                serde_json::json!({
                    "code": r.code,
                    "name": r.name,
                    "severity": r.severity.as_str(),
                    "default_on": r.default_on,
                    "summary": r.summary,
                    "doc": r.doc,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rules)?;
        writeln!(out)?;
        return Ok(());
    }
    for r in claimcheck_checker::RULES {
        writeln!(
            out,
            "{}  {:<24} {:<8} {}{}",
            r.code,
            r.name,
            r.severity.as_str(),
            r.summary,
            if r.default_on {
                ""
            } else {
                " [off by default]"
            }
        )?;
    }
    Ok(())
}

/// `claimcheck rule NAME`: the rule's documentation.
fn rule(name: &str, out: &mut dyn Write, reporter: &Reporter) -> anyhow::Result<()> {
    // A group's old name (`base-mismatch`) explains the group and lists its rules.
    match claimcheck_checker::rules::selector(name) {
        Some(r) => write!(out, "{}", r.doc())?,
        None => reporter.error(&input::Problem {
            location: name.to_owned(),
            message: "no such rule (see `claimcheck rules`)".to_owned(),
        }),
    }
    Ok(())
}
