//! Finds numeric claims in English prose.
//!
//! The pipeline's first step: text in, [`Mention`]s out. Each mention says where a figure is
//! written, what kind it is, and what its words assert (bounds, qualifier, unit, period).
//! Years, dates, times and identifiers are told apart from quantities.
//!
//! ```
//! use claimcheck_parser::{Extractor, Kind};
//!
//! let found = Extractor::default().extract("More than 20 percent of 400 workers, in 2010.");
//! let kinds: Vec<Kind> = found.mentions.iter().map(|m| m.kind).collect();
//! assert_eq!(kinds, [Kind::Percent, Kind::Number, Kind::Year]);
//! ```

mod changes;
mod context;
mod conventions;
mod extract;
mod identifiers;
mod lines;
mod mention;
mod normalize;
mod number;
mod quantity;
mod rates;
pub mod runs;
pub mod shapes;
mod vocab;
mod years;

pub use changes::Change;
pub use context::{Claim, ClaimReader, NamedOrganisation, Organisations, Source, sentences};
pub use conventions::Conventions;
pub use extract::{Extraction, Extractor};
pub use lines::{Cursor, LineIndex, Origin, Position};
pub use mention::{Bound, Diagnostic, Form, Kind, Mention, Per, Qualifier, Span};
pub use vocab::{ends_with_ci, month_number, one_line, starts_with_ci};
