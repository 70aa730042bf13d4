//! What a rule reports.

use claimcheck_model::{Interval, Quantity};
use claimcheck_parser::Span;

/// How much a finding matters. Read from configuration as `"error"`, `"warning"` or `"info"`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run by default.
    Info,
    /// A careful editor would ask about it.
    Warning,
    /// The numbers cannot all be right.
    Error,
}

impl Severity {
    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Reads `error`, `warning` or `info`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// Another place a finding points to: the other claim of a contradiction, say.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// Where it is in the same document.
    pub span: Span,
    /// What it says there.
    pub text: String,
    /// Why it is related ("the headline says").
    pub label: String,
}

/// One finding about one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule that found it; its name and code are what every output reports.
    pub rule: &'static crate::rules::Rule,
    /// How much it matters.
    pub severity: Severity,
    /// The claim the finding is about.
    pub span: Span,
    /// The claim as written.
    pub text: String,
    /// What is wrong, with both sides' numbers.
    pub message: String,
    /// The label under the claim in human output.
    pub label: String,
    /// Further explanation: the other side, the study with its URL, a likely slip.
    pub notes: Vec<String>,
    /// The registry figure the finding is about, if any.
    pub study: Option<String>,
    /// Other places it points to.
    pub related: Vec<Related>,
    /// The claim's figure as a quantity (its strict interval, dimension and unit), when the
    /// finding is about a figure.
    pub quantity: Option<Quantity>,
    /// What the claim's interval is set against, when the finding compares two intervals.
    pub compared: Option<Comparison>,
}

/// What a finding sets the claim against: the other side of a contradiction, drawn beside the
/// claim's interval on a number line.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Whose interval it is.
    pub against: Against,
    /// The other side as written or worked out (“Twenty-three percent”, “500,000 × $200 × 12”).
    pub text: String,
    /// Every value the other side allows.
    pub interval: Interval,
}

/// The kinds of other side a claim is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// The registry figure the claim cites or matches.
    Study,
    /// A newer edition of the figure the claim matches.
    Edition,
    /// Another claim of the same document.
    Claim,
    /// What the claim's inputs work out to.
    Derived,
    /// The values any figure of its kind can take (a share lies in 0–100%).
    Limit,
}

impl Against {
    /// The name used in the JSON records (`study`, `edition`, `claim`, `derived`, `limit`).
    pub fn as_str(self) -> &'static str {
        match self {
            Against::Study => "study",
            Against::Edition => "edition",
            Against::Claim => "claim",
            Against::Derived => "derived",
            Against::Limit => "limit",
        }
    }

    /// The kind [`as_str`](Against::as_str) names.
    pub fn parse(name: &str) -> Option<Against> {
        [
            Against::Study,
            Against::Edition,
            Against::Claim,
            Against::Derived,
            Against::Limit,
        ]
        .into_iter()
        .find(|a| a.as_str() == name)
    }
}
