//! Messages to the user on standard error, and the exit code they add up to.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

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

    /// Whether any error was reported.
    pub fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }
}
