//! What a rule reports.

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
    /// The rule's stable name.
    pub rule: &'static str,
    /// The rule's stable code.
    pub code: &'static str,
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
}
