//! Messages to the user on standard error, and the exit code they add up to.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use claimcheck_parser::{Diagnostic, LineIndex};

use crate::input::Problem;

/// Collects what went wrong while reading, for the exit code.
#[derive(Debug, Default)]
pub struct Reporter {
    failed: AtomicBool,
}

impl Reporter {
    /// Reports something that kept the tool from doing its whole job (exit code 2).
    pub fn error(&self, problem: &Problem) {
        self.failed.store(true, Ordering::Relaxed);
        let _ = writeln!(std::io::stderr().lock(), "error: {problem}");
    }

    /// Reports something the user should know that does not change the exit code.
    pub fn warning(&self, problem: &Problem) {
        let _ = writeln!(std::io::stderr().lock(), "warning: {problem}");
    }

    /// Reports figures that could not be read, at their line and column in `text` (the
    /// document named `name`).
    pub fn diagnostics(
        &self,
        name: &str,
        text: &str,
        index: &LineIndex,
        diagnostics: &[Diagnostic],
    ) {
        for d in diagnostics {
            let at = index.position(text, d.span.start);
            self.error(&Problem {
                location: format!("{name}:{}:{}", at.line, at.column),
                message: d.message.clone(),
            });
        }
    }

    /// Whether any error was reported.
    pub fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }
}
