//! Inputs the fuzz targets (`fuzz/`, `scripts/fuzz.sh`) found to crash or hang, minimized,
//! each with the target that found it. Each must now evaluate or fail cleanly.

use claimcheck_model::{ModelConventions, evaluate, quantity};
use claimcheck_parser::Extractor;

/// `derive --expr` inputs: (expression, what went wrong, found by).
const EXPRESSIONS: &[(&str, &str, &str)] = &[(
    "2,000 trillion + 1",
    "formatting a whole number of 1e15 or more recursed until the stack overflowed",
    "check_pipeline, derive_expr",
)];

#[test]
fn expressions_found_by_fuzzing_evaluate() {
    let extractor = Extractor::default();
    let conventions = ModelConventions::default();
    for (expr, _what, _target) in EXPRESSIONS {
        // An estimate or an error are both fine; returning is the point.
        let _ = evaluate(expr, &extractor, &conventions);
    }
}

#[test]
fn numbers_found_by_fuzzing_format() {
    for v in [1e15, -1e15, 2e15, 1e300, f64::MAX, f64::NAN] {
        let s = quantity::plain(v);
        assert!(!s.is_empty(), "{v}: empty");
        let _ = claimcheck_model::estimate::human(v);
    }
}
