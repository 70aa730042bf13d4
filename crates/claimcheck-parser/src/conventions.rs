//! The extractor's conventions: the readings of words that have no exact number.
//!
//! Each is a setting with a documented default (see `docs/conventions.md`); the CLI's
//! configuration file overrides them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Settings that decide how the extractor reads words with no exact number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Conventions {
    /// The least value each vague phrase asserts, by its lowercase words ("dozens" ⇒ 24).
    /// A phrase missing from this table is not read as a quantity.
    pub vague: BTreeMap<String, f64>,
    /// A four-digit whole number in this inclusive range, written without separators, reads
    /// as a year unless its context makes it a count ("2,010 people", "more than 2000 people").
    pub year_range: (u32, u32),
    /// The longest sentence, in bytes, that claims are read in whole. A longer "sentence" (a
    /// scraped table, a log, text without full stops) is split at clause marks, or in fixed
    /// windows when it has none, so that reading claims stays linear in the text's length.
    pub max_sentence: usize,
}

impl Default for Conventions {
    fn default() -> Self {
        // The least number each phrase can honestly mean: a plural of a unit means at least two
        // of it ("dozens" ⇒ 2 × 12), "several" at least three, "scores" at least two scores.
        let vague = [
            ("dozens", 24.0),
            ("several dozen", 36.0),
            ("scores", 40.0),
            ("hundreds", 200.0),
            ("a few hundred", 200.0),
            ("several hundred", 300.0),
            ("many hundreds", 300.0),
            ("thousands", 2_000.0),
            ("a few thousand", 2_000.0),
            ("several thousand", 3_000.0),
            ("many thousands", 3_000.0),
            ("tens of thousands", 20_000.0),
            ("hundreds of thousands", 200_000.0),
            ("millions", 2e6),
            ("a few million", 2e6),
            ("several million", 3e6),
            ("tens of millions", 2e7),
            ("hundreds of millions", 2e8),
            ("billions", 2e9),
            ("several billion", 3e9),
            ("tens of billions", 2e10),
            ("hundreds of billions", 2e11),
        ];
        Conventions {
            vague: vague.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect(),
            year_range: (1800, 2100),
            max_sentence: 4096,
        }
    }
}

impl Conventions {
    /// The least value a vague phrase asserts, if the phrase is known.
    pub fn vague_bound(&self, phrase: &str) -> Option<f64> {
        self.vague.get(phrase).copied()
    }

    /// Whether a whole number falls in the configured range of years.
    pub fn is_year(&self, value: f64) -> bool {
        value.fract() == 0.0
            && value >= f64::from(self.year_range.0)
            && value <= f64::from(self.year_range.1)
    }
}
