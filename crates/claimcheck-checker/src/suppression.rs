//! Silencing a finding on purpose, and reporting silencers that silence nothing.
//!
//! Two forms, on the finding's line or the line before:
//! - `<!-- claimcheck: ignore RULE -->` in Markdown or HTML (several rules separated by
//!   commas or spaces; no rule silences every rule);
//! - a line containing `claimcheck: ignore[RULE]` in plain text (`ignore[RULE,RULE]`,
//!   or `ignore` alone for every rule).
//!
//! Rules are named by name or code. A suppression that silences nothing is reported as
//! `unused-suppression`.

use claimcheck_parser::Span;

use crate::finding::Finding;
use crate::rules::{self, Rule, Violation};

/// One suppression comment.
#[derive(Debug, Clone, PartialEq)]
pub struct Suppression {
    /// Where the comment is.
    pub span: Span,
    /// The 0-based line it is on.
    pub line: usize,
    /// The rules it names; empty for all.
    pub rules: Vec<String>,
}

const MARKER: &str = "claimcheck: ignore";

/// Finds the suppression comments of a text.
pub fn parse(text: &str) -> Vec<Suppression> {
    // Nearly every text has none: one pass over its bytes says so.
    if memchr::memmem::find(text.as_bytes(), MARKER.as_bytes()).is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut offset = 0;
    for (line_no, line) in text.split('\n').enumerate() {
        let mut from = 0;
        while let Some(i) = line[from..].find(MARKER) {
            let at = from + i;
            let rest = &line[at + MARKER.len()..];
            let (names, len) = if let Some(inner) = rest.strip_prefix('[') {
                match inner.find(']') {
                    Some(close) => (&inner[..close], MARKER.len() + close + 2),
                    None => ("", MARKER.len()),
                }
            } else {
                // The names run to the comment's end, less the space before `-->`.
                let names = rest[..rest.find("-->").unwrap_or(rest.len())].trim_end();
                (names, MARKER.len() + names.len())
            };
            let rules = names
                .split(|c: char| c == ',' || c.is_whitespace())
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .collect();
            out.push(Suppression {
                span: Span::new(offset + at, offset + at + len),
                line: line_no,
                rules,
            });
            from = at + MARKER.len();
        }
        offset += line.len() + 1;
    }
    out
}

fn line_of(text: &str, offset: usize) -> usize {
    memchr_count(&text.as_bytes()[..offset.min(text.len())])
}

fn memchr_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// Whether a suppression silences a finding: it names no rule, or the finding's rule or its
/// group, by name or code in any case (as everywhere a rule is named).
fn names(s: &Suppression, f: &Finding) -> bool {
    s.rules.is_empty()
        || s.rules
            .iter()
            .any(|r| rules::selector(r).is_some_and(|sel| sel.selects(f.rule)))
}

/// Removes suppressed findings and adds one `unused-suppression` finding per suppression
/// that silenced nothing (or that names no rule).
pub fn apply(text: &str, findings: &mut Vec<Finding>, report_unused: bool) {
    let suppressions = parse(text);
    if suppressions.is_empty() {
        return;
    }
    let mut used = vec![false; suppressions.len()];
    findings.retain(|f| {
        let line = line_of(text, f.span.start);
        let hit = suppressions
            .iter()
            .position(|s| (s.line == line || s.line + 1 == line) && names(s, f));
        if let Some(i) = hit {
            used[i] = true;
        }
        hit.is_none()
    });
    if !report_unused {
        return;
    }
    for (s, used) in suppressions.iter().zip(used) {
        let unknown: Vec<&String> = s
            .rules
            .iter()
            .filter(|r| rules::selector(r).is_none())
            .collect();
        if used && unknown.is_empty() {
            continue;
        }
        let unused = if unknown.is_empty() {
            Unused::SilencesNothing { names: &s.rules }
        } else {
            Unused::NamesNoRule { unknown }
        };
        findings.push(unused.finding_at(s.span, &text[s.span.range()]));
    }
    findings.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.rule.cmp(b.rule)));
}

/// A suppression comment that silences nothing.
enum Unused<'a> {
    /// No finding of the rules it names (or of any rule, when it names none) stands on its
    /// line or the next.
    SilencesNothing {
        /// The rules it names, as written.
        names: &'a [String],
    },
    /// It names something that is no rule or group.
    NamesNoRule {
        /// Those names, as written.
        unknown: Vec<&'a String>,
    },
}

impl Violation for Unused<'_> {
    fn rule(&self) -> &'static Rule {
        &rules::UNUSED_SUPPRESSION
    }

    fn message(&self) -> String {
        match self {
            Unused::SilencesNothing { names } => format!(
                "this suppression silences nothing: no finding of {} on this line or the next",
                if names.is_empty() {
                    "any rule".to_owned()
                } else {
                    names.join(", ")
                }
            ),
            Unused::NamesNoRule { unknown } => format!(
                "this suppression names no rule: {}",
                unknown
                    .iter()
                    .map(|u| match rules::suggest(u) {
                        Some(r) => format!("{u} (did you mean {r}?)"),
                        None => (*u).clone(),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    fn label(&self) -> String {
        "unused suppression".to_owned()
    }

    fn notes(&self) -> Vec<String> {
        vec!["help: remove it, or name the rule it is meant for".to_owned()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms() {
        let text = "a\n<!-- claimcheck: ignore study-contradiction, CC002 -->\nb claimcheck: ignore[misattribution]\nc claimcheck: ignore\n";
        let s = parse(text);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].rules, ["study-contradiction", "CC002"]);
        assert_eq!(s[0].line, 1);
        assert_eq!(s[1].rules, ["misattribution"]);
        assert!(s[2].rules.is_empty());
        assert_eq!(
            &text[s[1].span.range()],
            "claimcheck: ignore[misattribution]"
        );
    }
}
