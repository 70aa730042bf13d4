//! The rules: one file each, one table of stable names and codes.
//!
//! Every rule's documentation has the same headings (What it does / Why it matters /
//! Example / Options); `claimcheck rule NAME` prints it.

mod against;
mod base_mismatch;
pub(crate) use base_mismatch::BaseVerdicts;
mod derived_mismatch;
mod detected_as_all;
mod impossible_value;
mod internal_contradiction;
#[cfg(test)]
mod kinds;
mod misattribution;
mod not_in_source;
mod outdated_source;
mod part_as_whole;
mod population_mismatch;
mod rate_times_flow;
mod relabelled_concept;
mod stock_as_flow;
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
    /// The registry's names.
    pub names: &'a crate::matching::Names,
    /// Studies' own texts given with `--against`.
    pub sources: &'a [crate::source::Source],
    /// The figures that cite them, looked up in them.
    pub source_checks: &'a [crate::source::SourceCheck],
    /// The registry's rows that compose one another.
    pub compositions: &'a crate::registry::Compositions,
    /// The `base-mismatch` group's verdict on each figure, shared by its five rules.
    pub(crate) base: &'a BaseVerdicts,
}

/// A rule: its stable name and code, default severity, documentation and check.
///
/// A rule is its own identity: findings, the selection and the severity map hold
/// `&'static Rule`, and two rules are the same when their codes are (codes are unique, a test
/// says so). A name or code given by a user becomes a rule (or a group) in one place,
/// [`selector`]; the name and code become text again only in the outputs.
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
    &stock_as_flow::RULE,
    &detected_as_all::RULE,
    &relabelled_concept::RULE,
    &part_as_whole::RULE,
    &rate_times_flow::RULE,
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

/// Names that stand for several rules: a rule that was split keeps its name and code as a
/// group of the rules it became, so that configuration written for it keeps working.
pub const GROUPS: &[&Group] = &[&base_mismatch::GROUP];

/// Several rules under one name and code (a rule that was split into them).
#[derive(Debug)]
pub struct Group {
    /// The kebab-case name it had as a rule.
    pub name: &'static str,
    /// The code it had as a rule.
    pub code: &'static str,
    /// Its rules.
    pub rules: &'static [&'static Rule],
    /// Why it is a group and what its rules have in common; [`Group::doc`] adds the list.
    pub about: &'static str,
}

impl Group {
    /// The documentation `claimcheck rule NAME` prints for the group: what it was, and its
    /// rules with their codes and summaries.
    pub fn doc(&self) -> String {
        let mut doc = format!(
            "# {} ({}): a group of rules\n\n{}\n## Rules\n",
            self.name, self.code, self.about
        );
        for r in self.rules {
            doc.push_str(&format!("- {} `{}`: {}\n", r.code, r.name, r.summary));
        }
        doc
    }
}

/// What a rule name or code given by a user (on the command line, in `claimcheck.toml`, in a
/// suppression comment) stands for: one rule, or a group of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selector {
    /// One rule.
    Rule(&'static Rule),
    /// Every rule of a group.
    Group(&'static Group),
}

impl Selector {
    /// The rules it stands for.
    pub fn rules(self) -> &'static [&'static Rule] {
        match self {
            Selector::Rule(rule) => RULES
                .iter()
                .position(|r| *r == rule)
                .map_or(&[], |i| std::slice::from_ref(&RULES[i])),
            Selector::Group(group) => group.rules,
        }
    }

    /// Whether it stands for this rule.
    pub fn selects(self, rule: &Rule) -> bool {
        self.rules().contains(&rule)
    }

    /// The documentation `claimcheck rule NAME` prints.
    pub fn doc(self) -> std::borrow::Cow<'static, str> {
        match self {
            Selector::Rule(rule) => rule.doc.into(),
            Selector::Group(group) => group.doc().into(),
        }
    }
}

impl PartialEq for Group {
    fn eq(&self, other: &Group) -> bool {
        self.code == other.code
    }
}

impl Eq for Group {}

/// Whether `given` spells a rule's (or group's) name or code: names and codes are matched the
/// same way everywhere, ignoring ASCII case.
fn spells(given: &str, name: &str, code: &str) -> bool {
    given.eq_ignore_ascii_case(name) || given.eq_ignore_ascii_case(code)
}

/// The rule with this name or code (in any case); a group's name is no rule (see
/// [`selector`]).
pub fn find(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| spells(name, r.name, r.code))
}

/// What a name or code stands for, in any case: a rule, or a group of rules.
pub fn selector(name: &str) -> Option<Selector> {
    find(name).map(Selector::Rule).or_else(|| {
        GROUPS
            .iter()
            .copied()
            .find(|g| spells(name, g.name, g.code))
            .map(Selector::Group)
    })
}

/// The rule or group a misspelt name was probably meant to be ("study-contradictoin"), for a
/// "did you mean" hint: the closest name or code within a few edits.
pub fn suggest(name: &str) -> Option<&'static str> {
    let name = name.to_ascii_lowercase();
    let names = RULES
        .iter()
        .map(|r| (r.name, r.code))
        .chain(GROUPS.iter().map(|g| (g.name, g.code)));
    names
        .filter_map(|(rule, code)| {
            // Every code is a few edits from every other ("CC999" is two from "CC109"), so
            // a code is suggested only for a one-character slip; a name within a few edits.
            let by_name = strsim::levenshtein(&name, rule);
            let by_code = strsim::levenshtein(&name, &code.to_ascii_lowercase());
            [
                (by_name <= 3.max(rule.len() / 4)).then_some((by_name, rule)),
                (by_code <= 1).then_some((by_code, rule)),
            ]
            .into_iter()
            .flatten()
            .min()
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, rule)| rule)
}

/// Years as a reader lists them: "2016, 2017".
pub(crate) fn list_years(years: &[u16]) -> String {
    years
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// "unknown rule `x` (did you mean `y`?)": the message for a name that is no rule.
pub fn unknown_message(name: &str) -> String {
    match suggest(name) {
        Some(r) => format!("unknown rule `{name}` (did you mean `{r}`?)"),
        None => format!("unknown rule `{name}` (see `claimcheck rules`)"),
    }
}

/// What a rule found, in typed form: the finding's arguments (the claim as written, the
/// study, the intervals, the years), from which the words of its finding are made when it is
/// rendered. A rule's check decides and builds one; [`Violation::finding`] makes the
/// finding, so that every finding about a claim is made in this one place.
pub(crate) trait Violation {
    /// The rule it belongs to.
    fn rule(&self) -> &'static Rule;

    /// What is wrong, with both sides' numbers.
    fn message(&self) -> String;

    /// The label under the claim in human output.
    fn label(&self) -> String;

    /// Further explanation, in the order it is shown.
    fn notes(&self) -> Vec<String> {
        Vec::new()
    }

    /// The finding about claim `c`, with the rule's default severity.
    fn finding(&self, doc: &Document<'_>, c: &ClaimContext<'_>) -> Finding {
        Finding {
            quantity: Some(c.quantity.clone()),
            ..self.finding_at(c.mention.span, doc.slice(c.mention.span))
        }
    }

    /// The finding about `text` at `span`, which is no figure (a suppression comment, say),
    /// with the rule's default severity.
    fn finding_at(&self, span: claimcheck_parser::Span, text: &str) -> Finding {
        Finding {
            rule: self.rule(),
            severity: self.rule().severity,
            span,
            text: text.to_owned(),
            message: self.message(),
            label: self.label(),
            notes: self.notes(),
            study: None,
            related: Vec::new(),
            quantity: None,
            compared: None,
        }
    }
}

/// Where each rule's documentation page is published: `docs/rules/<name>.md` in the
/// repository, generated from the rule's `doc` (a test keeps them equal).
pub const DOCS_BASE: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/rules/");

impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        self.code == other.code
    }
}

impl Eq for Rule {}

impl std::hash::Hash for Rule {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.code.hash(state);
    }
}

/// Rules are ordered by code, the order in which findings at one place are reported.
impl PartialOrd for Rule {
    fn partial_cmp(&self, other: &Rule) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rule {
    fn cmp(&self, other: &Rule) -> std::cmp::Ordering {
        self.code.cmp(other.code)
    }
}

/// A rule is shown by its code and name; its documentation would drown a finding's `{:?}`.
impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.code, self.name)
    }
}

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
}

impl Finding {
    /// Names the registry figure a finding is about: a note with the figure, one with its
    /// source, and its id.
    pub(crate) fn about(mut self, study: &crate::registry::Study) -> Finding {
        self.notes.push(cited("the figure: ", study));
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

/// A figure of the document shown beside a finding, with what it is to the finding ("a part",
/// "the low end").
pub(crate) fn related(
    doc: &Document<'_>,
    c: &ClaimContext<'_>,
    label: impl Into<String>,
) -> crate::finding::Related {
    crate::finding::Related {
        span: c.mention.span,
        text: doc.slice(c.mention.span).to_owned(),
        label: label.into(),
    }
}

/// The words of a claim's sentence before it, and the clause of them it stands in (after the
/// last comma, semicolon or colon), trimmed and lowercased.
pub(crate) fn clause_before<'d>(doc: &Document<'d>, c: &ClaimContext<'_>) -> (&'d str, String) {
    let before = doc
        .text
        .get(c.claim.sentence.start..c.mention.span.start)
        .unwrap_or("");
    let clause = before
        .rsplit([',', ';', ':'])
        .next()
        .unwrap_or("")
        .trim()
        .to_lowercase();
    (before, clause)
}

/// A figure's interval as a reader writes it: "22.5%–23.5%", "12.3 million or more" (the
/// exact interval is in the finding's JSON).
pub(crate) fn readable(q: &claimcheck_model::Quantity) -> String {
    claimcheck_model::readable::interval(&q.interval, &q.dimension)
}

/// A registry figure in prose: "23% (UNIAP, 2010: “Twenty-three percent”)".
pub(crate) fn cite(study: &crate::registry::Study) -> String {
    cited("", study)
}

/// [`cite`] after `lead` ("the figure: "), joined at its length: a finding cites a figure in
/// several of its notes, and `format!` grew each string piece by piece.
pub(crate) fn cited(lead: &str, study: &crate::registry::Study) -> String {
    [
        lead,
        &study.publisher,
        " ",
        itoa::Buffer::new().format(study.year),
        " (",
        &study.reference_period,
        ", “",
        &study.value_text,
        "”)",
    ]
    .concat()
}

/// A registry figure in a few words, for the other side of a number line: "UNIAP 2010:
/// “Twenty-three percent”".
pub(crate) fn short_cite(study: &crate::registry::Study) -> String {
    [
        &study.publisher,
        " ",
        itoa::Buffer::new().format(study.year),
        ": “",
        &study.value_text,
        "”",
    ]
    .concat()
}

/// Where a registry figure comes from, for a note.
pub(crate) fn source_note(study: &crate::registry::Study) -> String {
    [&study.id, ": ", &study.title, " — ", &study.url].concat()
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
    fn groups_name_rules_and_no_rule_shares_their_names() {
        for g in GROUPS {
            assert!(
                find(g.name).is_none() && find(g.code).is_none(),
                "{}",
                g.name
            );
            assert!(!g.rules.is_empty(), "{}", g.name);
            for spelling in [
                g.name.to_owned(),
                g.name.to_ascii_uppercase(),
                g.code.to_owned(),
                g.code.to_ascii_lowercase(),
            ] {
                let selector = selector(&spelling).expect("a group is selected by its name");
                assert_eq!(selector.rules(), g.rules, "{spelling}");
            }
            let doc = g.doc();
            for r in g.rules {
                assert!(RULES.contains(r), "{} is in the table", r.name);
                assert!(doc.contains(r.name) && doc.contains(r.code), "{}", r.name);
            }
        }
        let one = selector("cc105").expect("a rule");
        assert_eq!(
            one.rules().iter().map(|r| r.name).collect::<Vec<_>>(),
            ["stock-as-flow"]
        );
        assert!(one.selects(&stock_as_flow::RULE) && !one.selects(&part_as_whole::RULE));
        assert_eq!(suggest("base-mismach"), Some("base-mismatch"));
        assert!(selector("base").is_none());
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
