//! Messages to the user on standard error, and the exit code they add up to.

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use claimcheck_parser::{Diagnostic, LineIndex};

use crate::input::Problem;

/// Collects what went wrong while reading, for the exit code.
#[derive(Debug, Default)]
pub struct Reporter {
    failed: AtomicBool,
}

impl Reporter {
    /// Reports something that kept the tool from doing its whole job (exit code 2). A
    /// problem of several lines (every problem of a registry file) is an error a line.
    pub fn error(&self, problem: &Problem) {
        self.failed.store(true, Ordering::Relaxed);
        let mut err = std::io::stderr().lock();
        for line in problem.to_string().lines() {
            let _ = writeln!(err, "error: {line}");
        }
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
        for p in problems(name, text, index, diagnostics) {
            self.error(&p);
        }
    }

    /// Runs `f` on the document named `name`, so that a bug met while reading or checking
    /// one document stops that document only: a panic becomes an error naming the document
    /// ("internal error, please report", with the panic's message and place), the exit code
    /// becomes 2, and the caller goes on with the next document.
    pub fn isolate<T>(&self, name: &str, f: impl FnOnce() -> T) -> Option<T> {
        isolate(name, f).map_err(|p| self.error(&p)).ok()
    }

    /// Whether any error was reported.
    pub fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }
}

/// Runs `f` on the document named `name`, turning a panic into a problem naming the
/// document ("internal error, please report", with the panic's message and place); what
/// [`Reporter::isolate`] reports, for front ends that report problems their own way.
pub fn isolate<T>(name: &str, f: impl FnOnce() -> T) -> Result<T, Problem> {
    guard(name, "the other documents are still checked", || {
        inject_failure("CLAIMCHECK_DEBUG_PANIC_ON", name);
        f()
    })
}

/// Runs `f`, a step of reading the file named `name`, turning a panic into a problem naming
/// the file, so that a bug met while reading one file stops the reading of that file only
/// (the files after it are still read).
pub fn isolate_reading<T>(name: &str, f: impl FnOnce() -> T) -> Result<T, Problem> {
    guard(
        name,
        "the rest of this file is not read; the other files are",
        || {
            inject_failure("CLAIMCHECK_DEBUG_PANIC_ON_READING", name);
            f()
        },
    )
}

/// Runs `f`, turning a panic into an "internal error, please report" problem at `name`,
/// with the panic's message and place, and `then` (what happens next) in parentheses.
fn guard<T>(name: &str, then: &str, f: impl FnOnce() -> T) -> Result<T, Problem> {
    install_panic_hook();
    let outer = IN_DOCUMENT.with(|d| d.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    IN_DOCUMENT.with(|d| d.set(outer));
    result.map_err(|payload| {
        let place = LAST_PANIC.with(|p| p.borrow_mut().take());
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic with no message".to_owned());
        Problem {
            location: name.to_owned(),
            message: format!(
                "internal error, please report ({then}): {what}{}",
                place.map(|p| format!(" at {p}")).unwrap_or_default()
            ),
        }
    })
}

thread_local! {
    /// Whether this thread is inside [`isolate`].
    static IN_DOCUMENT: Cell<bool> = const { Cell::new(false) };
    /// Where the last isolated panic happened, for its error message.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps the default panic message (with its backtrace note) for panics outside a document,
/// and records the place of a panic inside one for [`Reporter::isolate`] to report.
fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_DOCUMENT.with(Cell::get) {
                let place = info
                    .location()
                    .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
                LAST_PANIC.with(|p| *p.borrow_mut() = place);
            } else {
                default(info);
            }
        }));
    });
}

/// In debug builds, a failure injected into the documents (or files) whose name contains the
/// value of the environment variable `variable`, so that a test can prove one bad document
/// stops no other.
fn inject_failure(variable: &str, name: &str) {
    #[cfg(debug_assertions)]
    if let Ok(marker) = std::env::var(variable)
        && !marker.is_empty()
        && name.contains(&marker)
    {
        panic!("failure injected for a test into {name}");
    }
    #[cfg(not(debug_assertions))]
    let _ = (variable, name);
}

/// Figures that could not be read, as problems at their line and column in `text` (the
/// document named `name`).
pub fn problems(
    name: &str,
    text: &str,
    index: &LineIndex,
    diagnostics: &[Diagnostic],
) -> Vec<Problem> {
    diagnostics
        .iter()
        .map(|d| {
            let at = index.position(text, d.span.start);
            Problem {
                location: format!("{name}:{}:{}", at.line, at.column),
                message: d.message.clone(),
            }
        })
        .collect()
}
