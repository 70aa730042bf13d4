//! The `claimcheck` library: what the command runs, for other front ends (the Python
//! package, the fuzz targets) to run the same way.
//!
//! Reading inputs ([`input`], [`markup`]), the configuration ([`config`]), the three analyses
//! ([`extract`], [`mod@derive`], [`check`]) and their records ([`records`], [`output`], the HTML
//! report in [`html`]). Only the binary parses the command line into these calls, prints the
//! human summary and exits. [`api`] is the front door for other front ends: text in, records
//! out, errors as values.

pub mod api;
pub mod atomic;
pub mod check;
pub mod cli;
pub mod config;
pub mod derive;
pub mod draft;
pub mod explain;
pub mod extract;
pub mod html;
pub mod input;
pub mod markup;
pub mod output;
pub mod pdf;
pub mod records;
pub mod report;
pub mod reporter;
pub mod sources;
pub mod spill;
