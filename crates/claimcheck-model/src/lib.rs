//! Quantities with honest intervals, and the estimates that numeric claims imply.
//!
//! The pipeline's second step: a [`claimcheck_parser::Mention`] becomes a [`Quantity`] that
//! knows how precise it is (rounding, hedge words, open bounds, domain limits, each a
//! setting in [`ModelConventions`]); sound [`Interval`] arithmetic turns quantities into
//! [`Estimate`]s that carry both the nominal result and the strict bounds, with the
//! assumptions a reader must be told. Estimates are typed by what they measure (a count of
//! a noun, money, a share, percentage points), per what and per which [`Period`]: the
//! algebra in [`estimate`] converts periods, makes money per person and shares, and refuses
//! units that do not combine. [`change`] reads the changes a text states; [`expr`] is the
//! grammar of `claimcheck derive --expr`.

pub mod change;
pub mod conventions;
pub mod document;
pub mod estimate;
pub mod expr;
pub mod interval;
pub mod quantity;
pub mod readable;
pub mod subject;
pub mod unit;

pub use conventions::ModelConventions;
pub use estimate::{Assumption, AssumptionKind, DeriveError, Estimate, EstimateKind, Operand};
pub use expr::{ExprError, evaluate};
pub use interval::{End, Interval, IntervalError};
pub use quantity::{Dimension, Nominal, Quantity, Widening};
pub use unit::Period;
