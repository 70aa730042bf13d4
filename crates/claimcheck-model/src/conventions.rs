//! How precise a stated figure is taken to be: rounding and hedge tolerances.
//!
//! Each is a setting with a documented default (`docs/conventions.md`).

use serde::{Deserialize, Serialize};

/// Tolerances the model applies when it turns a claim into an interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ModelConventions {
    /// Read a figure with a non-zero last digit as rounded to that digit: 23 ⇒ [22.5, 23.5),
    /// 49.6 million ⇒ [49.55, 49.65) million.
    pub rounding: bool,
    /// Read a whole number ending in zero (200,000; 20) as exact unless hedged. When false,
    /// it is rounded like any other figure (200,000 ⇒ [199,999.5, 200,000.5)).
    pub round_numbers_exact: bool,
    /// Relative tolerance of "about", "around", "roughly", "some", "an estimated": x ± 10%.
    pub about: f64,
    /// How far below x "nearly", "almost" and "just under" may go: [x × (1 − 0.15), x), and
    /// no further than one unit of x's last written digit when it is not zero ("nearly 38
    /// million" is [37, 38) million).
    pub nearly: f64,
    /// How far above x "just over" may go: (x, x × (1 + 0.15)].
    pub just_over: f64,
    /// Relative tolerance of a fraction or a ratio in words ("a fifth", "one in three"):
    /// they are rounded forms, x ± 10%.
    pub fraction: f64,
    /// Least similarity of two subjects' words for their figures to describe the same
    /// population (see `subject::similarity`).
    pub subject_match: f64,
}

impl Default for ModelConventions {
    fn default() -> Self {
        ModelConventions {
            rounding: true,
            round_numbers_exact: true,
            about: 0.10,
            nearly: 0.15,
            just_over: 0.15,
            fraction: 0.10,
            subject_match: 0.5,
        }
    }
}
