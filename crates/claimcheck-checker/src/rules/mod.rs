//! The rules: one file each, one table of stable names and codes.
//!
//! Every rule's documentation has the same headings (What it does / Why it matters /
//! Example / Options); `claimcheck rule NAME` prints it.

mod against;
mod base_mismatch;
mod derived_mismatch;
mod impossible_value;
mod internal_contradiction;
#[cfg(test)]
mod kinds;
mod misattribution;
mod not_in_source;
mod outdated_source;
mod population_mismatch;
mod study_contradiction;
mod unsourced_statistic;

use claimcheck_model::{Interval, ModelConventions};

use crate::document::{ClaimContext, Document};
use crate::finding::{Against, Finding, Severity};
use crate::registry::Registry;

/// What a rule may consult besides the document.
#[derive(Debug)]
pub struct Context<'a> {
    /// The registry.
    pub registry: &'a Registry,
    /// Each registry figure's interval, in registry order.
    pub intervals: &'a [Interval],
    /// The model's conventions.
    pub conventions: &'a ModelConventions,
    /// Studies' own texts given with `--against`.
    pub sources: &'a [crate::source::Source],
    /// The figures that cite them, looked up in them.
    pub source_checks: &'a [crate::source::SourceCheck],
}

/// A rule: its stable name and code, default severity, documentation and check.
#[derive(Debug)]
pub struct Rule {
    /// Stable kebab-case name.
    pub name: &'static str,
    /// Stable code.
    pub code: &'static str,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    /// Whether it runs unless selected or ignored.
    pub default_on: bool,
    /// One line for `claimcheck rules`.
    pub summary: &'static str,
    /// The documentation `claimcheck rule NAME` prints.
    pub doc: &'static str,
    /// The check: appends findings (with the rule's default severity) to `out`.
    pub check: fn(&Document<'_>, &Context<'_>, &mut Vec<Finding>),
}

/// Every rule, in code order.
pub const RULES: &[&Rule] = &[
    &study_contradiction::RULE,
    &internal_contradiction::RULE,
    &derived_mismatch::RULE,
    &impossible_value::RULE,
    &misattribution::RULE,
    &outdated_source::RULE,
    &population_mismatch::RULE,
    &base_mismatch::RULE,
    &not_in_source::RULE,
    &unsourced_statistic::RULE,
    &UNUSED_SUPPRESSION,
];

/// `unused-suppression`: reported by [`crate::suppression`], not by a check of its own.
pub const UNUSED_SUPPRESSION: Rule = Rule {
    name: "unused-suppression",
    code: "CC901",
    severity: Severity::Warning,
    default_on: true,
    summary: "a suppression comment that silences nothing",
    doc: "# unused-suppression (CC901)

## What it does
Reports a suppression comment (`<!-- claimcheck: ignore RULE -->` or
`claimcheck: ignore[RULE]`) when no finding of the rules it names stands on its line or the
next, or when it names a rule that does not exist.

## Why it matters
A stale suppression hides the next real finding on that line, and a misspelt rule name
silences nothing while looking as if it did.

## Example
`<!-- claimcheck: ignore study-contradiction -->` above a paragraph whose figures all fit
their studies.

## Options
Ignore it like any other rule (`--ignore unused-suppression`).
",
    check: |_, _, _| {},
};

/// The rule with this name or code.
pub fn find(name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.name.eq_ignore_ascii_case(name) || r.code.eq_ignore_ascii_case(name))
}

/// The rule a misspelt name was probably meant to be ("study-contradictoin"), for a
/// "did you mean" hint: the closest name or code within a few edits.
pub fn suggest(name: &str) -> Option<&'static Rule> {
    let name = name.to_ascii_lowercase();
    RULES
        .iter()
        .copied()
        .map(|r| {
            let distance = strsim::levenshtein(&name, r.name)
                .min(strsim::levenshtein(&name, &r.code.to_ascii_lowercase()));
            (distance, r)
        })
        .filter(|(d, r)| *d <= 3.max(r.name.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, r)| r)
}

/// "unknown rule `x` (did you mean `y`?)": the message for a name that is no rule.
pub fn unknown_message(name: &str) -> String {
    match suggest(name) {
        Some(r) => format!("unknown rule `{name}` (did you mean `{}`?)", r.name),
        None => format!("unknown rule `{name}` (see `claimcheck rules`)"),
    }
}

/// Where each rule's documentation page is published: `docs/rules/<name>.md` in the
/// repository, generated from the rule's `doc` (a test keeps them equal).
pub const DOCS_BASE: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/rules/");

impl Rule {
    /// The address of the rule's documentation page.
    pub fn doc_url(&self) -> String {
        format!("{DOCS_BASE}{}.md", self.name)
    }

    /// The rule's row in the README's table: code, name, severity and summary.
    pub fn table_row(&self) -> String {
        format!(
            "| {} | [`{}`](docs/rules/{}.md) | {} | {}{} |",
            self.code,
            self.name,
            self.name,
            self.severity.as_str(),
            self.summary,
            if self.default_on || self.summary.contains("off unless selected") {
                ""
            } else {
                " (off unless selected)"
            }
        )
    }

    /// A finding of this rule about a claim.
    pub(crate) fn on(
        &'static self,
        doc: &Document<'_>,
        c: &ClaimContext<'_>,
        message: String,
        label: String,
    ) -> Finding {
        Finding {
            rule: self.name,
            code: self.code,
            severity: self.severity,
            span: c.mention.span,
            text: doc.slice(c.mention.span).to_owned(),
            message,
            label,
            notes: Vec::new(),
            study: None,
            related: Vec::new(),
            quantity: Some(c.quantity.clone()),
            compared: None,
        }
    }
}

impl Finding {
    /// Names the registry figure a finding is about: a note with the figure, one with its
    /// source, and its id.
    pub(crate) fn about(mut self, study: &crate::registry::Study) -> Finding {
        self.notes.push(format!("the figure: {}", cite(study)));
        self.notes.push(source_note(study));
        self.study = Some(study.id.clone());
        self
    }

    /// [`Finding::about`], with the figure's interval drawn against the claim's.
    pub(crate) fn about_at(self, study: &crate::registry::Study, interval: Interval) -> Finding {
        self.about(study)
            .against(Against::Study, short_cite(study), interval)
    }

    /// Sets the claim against another interval, for the number line of the report.
    pub(crate) fn against(
        mut self,
        against: Against,
        text: impl Into<String>,
        interval: Interval,
    ) -> Finding {
        self.compared = Some(crate::finding::Comparison {
            against,
            text: text.into(),
            interval,
        });
        self
    }
}

/// The note a contradiction carries when it holds only because the figures are read as
/// rounded to their last digit: the stated values lie within one rounding step of each other
/// (24 percent against a published 23, read as [22.5, 23.5)).
pub(crate) fn rounding_note(a: &Interval, b: &Interval) -> Option<String> {
    let half = |i: &Interval| match (i.lo.value(), i.hi.value()) {
        (Some(l), Some(h)) => Some(((h - l) / 2.0, (h + l) / 2.0)),
        _ => None,
    };
    let ((ha, ma), (hb, mb)) = (half(a)?, half(b)?);
    let step = 2.0 * ha.max(hb);
    (step > 0.0 && (ma - mb).abs() <= step + 1e-9).then(|| {
        "this holds only because both figures are read as rounded to their last digit; \
         a looser reading (“about”) would let them fit"
            .to_owned()
    })
}

/// A figure's interval as a reader writes it: "22.5%–23.5%", "12.3 million or more" (the
/// exact interval is in the finding's JSON).
pub(crate) fn describe(c: &ClaimContext<'_>) -> String {
    claimcheck_model::readable::interval(&c.quantity.interval, &c.quantity.dimension)
}

/// A registry figure in prose: "23% (UNIAP, 2010: “Twenty-three percent”)".
pub(crate) fn cite(study: &crate::registry::Study) -> String {
    format!(
        "{} {} ({}, “{}”)",
        study.publisher, study.year, study.reference_period, study.value_text
    )
}

/// A registry figure in a few words, for the other side of a number line: "UNIAP 2010:
/// “Twenty-three percent”".
pub(crate) fn short_cite(study: &crate::registry::Study) -> String {
    format!("{} {}: “{}”", study.publisher, study.year, study.value_text)
}

/// Where a registry figure comes from, for a note.
pub(crate) fn source_note(study: &crate::registry::Study) -> String {
    format!("{}: {} — {}", study.id, study.title, study.url)
}

/// A slip that turns the study's value into the claim's, if one does: swapped digits, a
/// dropped or doubled digit, million for billion.
pub(crate) fn near_miss(claimed: f64, published: f64) -> Option<String> {
    if claimed == 0.0 || published == 0.0 {
        return None;
    }
    let ratio = claimed / published;
    for (k, what) in [
        (1e3, "thousand for million, or million for billion"),
        (1e-3, "million for thousand, or billion for million"),
    ] {
        if (ratio / k - 1.0).abs() < 0.02 {
            return Some(format!("a slip of scale ({what})"));
        }
    }
    // A digit slip keeps the figure's scale word ("11.8 million" → "18 million"): 18 is no
    // slip of 11.8 million.
    if !(0.05..=20.0).contains(&ratio.abs()) {
        return None;
    }
    let digits = |v: f64| -> String {
        let s = format!("{v}");
        s.chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .trim_end_matches('0')
            .to_owned()
    };
    let (c, p) = (digits(claimed), digits(published));
    if c.len() == p.len() && c != p {
        let mut cs: Vec<char> = c.chars().collect();
        let mut ps: Vec<char> = p.chars().collect();
        let differing: Vec<usize> = (0..cs.len()).filter(|&i| cs[i] != ps[i]).collect();
        cs.sort_unstable();
        ps.sort_unstable();
        if cs == ps && differing.len() == 2 {
            return Some(format!("swapped digits ({} for {})", c, p));
        }
    }
    if c.len() + 1 == p.len() && (0..p.len()).any(|i| format!("{}{}", &p[..i], &p[i + 1..]) == c) {
        return Some(format!("a dropped digit ({} for {})", c, p));
    }
    // An extra digit in a one-digit figure is no slip: 12 million is not 10 million with a
    // digit added.
    if p.len() >= 2
        && p.len() + 1 == c.len()
        && (0..c.len()).any(|i| format!("{}{}", &c[..i], &c[i + 1..]) == p)
    {
        return Some(format!("an extra digit ({} for {})", c, p));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_are_unique_and_documented() {
        let mut names = std::collections::HashSet::new();
        let mut codes = std::collections::HashSet::new();
        for r in RULES {
            assert!(names.insert(r.name), "duplicate name {}", r.name);
            assert!(codes.insert(r.code), "duplicate code {}", r.code);
            assert!(
                r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                r.name
            );
            for heading in [
                "## What it does",
                "## Why it matters",
                "## Example",
                "## Options",
            ] {
                assert!(r.doc.contains(heading), "{} lacks {heading}", r.name);
            }
            assert_eq!(find(r.name).map(|f| f.code), Some(r.code));
        }
    }

    #[test]
    fn slips() {
        assert_eq!(
            near_miss(46.9, 49.6).as_deref(),
            Some("swapped digits (469 for 496)")
        );
        assert_eq!(
            near_miss(3.0, 37.0).as_deref(),
            Some("a dropped digit (3 for 37)")
        );
        assert!(near_miss(150e9, 150e6).is_some_and(|s| s.contains("scale")));
        assert_eq!(near_miss(28.0, 23.0), None);
        assert_eq!(near_miss(18.0, 11.8e6), None);
        assert_eq!(near_miss(12e6, 10e6), None);
    }
}
