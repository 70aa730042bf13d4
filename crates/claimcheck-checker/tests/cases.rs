//! Each rule's behaviour pinned case by case.
//!
//! Every rule in [`RULES`] has `tests/fixtures/<rule>/cases.md`: many short paragraphs, each
//! under a `## fires: <title>` or `## quiet: <title>` heading. A `fires:` case must raise at
//! least one finding of the rule, a `quiet:` case none of it (a near miss: the same words
//! about another population, a figure dated in its own sentence). The checker runs with every
//! rule selected, as `--select ALL` would, so that the snapshot of a rule's cases also shows
//! what the other rules make of them; a `source.txt` beside the fixture is given as an
//! `--against` source. A case's first line may be `date: YYYY-MM-DD`, the article's date as
//! `--date` would give it.
//!
//! The full output of each rule's cases (every finding's position, message, label, notes and
//! related spans) is an insta snapshot, so that a message that drifts shows in review.
//!
//! `unused-suppression` is reported by the suppression pass that [`Checker::check`] runs after
//! the rules, on the same text, so its cases are checked the same way: the paragraph holds the
//! suppression comment.
//!
//! A case the checker gets wrong today stays in its file with the expectation it should meet,
//! and is listed in [`KNOWN_WRONG`] with the reason; the test reports it but does not fail. A
//! listed case that starts passing fails the test, so the list only shrinks. A case whose
//! verdict is right but whose message is wrong or confusing is listed in
//! [`KNOWN_WRONG_OUTPUT`] with a piece of its output that shows the fault; the test fails once
//! that piece is gone. Both lists are marked beside their cases in the snapshots, and the
//! tests print them (`cargo test --test cases -- --nocapture` shows them).
//!
//! Run with `INSTA_UPDATE=always` (or `cargo insta review`) to rewrite the snapshots after a
//! change, and review every changed line.

use std::fmt::Write as _;
use std::sync::OnceLock;

use claimcheck_checker::source::SourceText;
use claimcheck_checker::{ArticleDate, Checked, Checker, Finding, RULES, Registry, Selection};
use claimcheck_model::ModelConventions;
use claimcheck_parser::LineIndex;

/// Cases the checker gets wrong today: (rule, case title, what should happen and why). The
/// case's heading keeps the expectation it should meet; the test reports the case instead of
/// failing, and fails once the case meets it, so that its line here is removed.
const KNOWN_WRONG: &[(&str, &str, &str)] = &[
    (
        "relabelled-concept",
        "a total of forced labour and forced marriage",
        "should stay quiet: 40.3 million is the stated sum of forced labour and forced marriage \
         (modern slavery), but the sentence is read as calling it forced labour: the parts are \
         named outside the total's own clause (“…, 40.3 million in all”)",
    ),
    (
        "population-mismatch",
        "a returnee survey given for all migrant workers",
        "should fire: the IJM figure is of returnees, and the sentence keeps none of the row's \
         population terms; the row's subgroup (`return`) is also its population term, so a \
         sentence without the word never matches the row at all",
    ),
    (
        "population-mismatch",
        "a fishing survey given for all workers",
        "should fire: the Issara figure is of fishers; as with the returnees, the row's subgroup \
         (`fish`) is its population term, so a sentence that drops it never matches the row",
    ),
    (
        "misattribution",
        "as of a year between editions",
        "should stay quiet: “as of 2018” dates the figure, it names no edition, and 152 million \
         was the newest figure in 2018; the message says the figure is “credited to ILO 2018” \
         (outdated-source's case “a sentence dates itself after a newer edition” shows the same \
         misattribution beside the right finding)",
    ),
    (
        "misattribution",
        "a target year dates nothing",
        "should stay quiet: “by 2030” only bounds the figure (the documented reading), yet the \
         message says it is “credited to ILO 2030”",
    ),
    (
        "outdated-source",
        "a target year is not the figure's date",
        "should stay quiet: “by 2030” is a target, not the date the figure is given for, yet a \
         2025 edition is called newer at “the date it is given for (2030)”",
    ),
];

/// Cases whose expectation holds but whose output is wrong or confusing today: (rule, case
/// title, a piece of the case's rendered output that shows the fault, what is wrong). The
/// test reports them, and fails once the piece is gone from the output, so that the line here
/// is removed when the message is fixed.
const KNOWN_WRONG_OUTPUT: &[(&str, &str, &str, &str)] = &[
    (
        "misattribution",
        "a lower bound that only another region's share meets",
        "ILO's figure for forced labour, but the sentence calls it trafficking",
        "relabelled-concept takes ILO 2005's range of children among forced-labour victims \
         (40 to 50 per cent) as distinctive enough to stand alone for a one-sided share whose \
         sentence names UNODC and detected trafficking victims",
    ),
    (
        "study-contradiction",
        "a dropped digit in the 2016 total",
        "label: the article: 39–47 million",
        "the label's interval for “some 43.0 million” holds 40.3 million, while the message \
         says the figure fits no edition and a note says it holds only by rounding",
    ),
    (
        "study-contradiction",
        "an upper bound far above the cited figure",
        "this holds only because both figures are read as rounded",
        "the label shows “Up to 40 million” as 0–40 million, which holds the 27.6 million it \
         is said not to fit (the check uses the cited reading, just below 40 million), and a \
         note says the finding holds only by rounding",
    ),
    (
        "study-contradiction",
        "forced marriage misquoted with the series named",
        "“89 million”",
        "the notes list the 2016 modern-slavery total (40.3 million) and the five-year total \
         (89 million) as “the study” of a forced-marriage figure",
    ),
    (
        "derived-mismatch",
        "a share of a range worked out wrong",
        "applies the figure to “its population”",
        "population-mismatch names a placeholder instead of the sentence's population (“the \
         100,000 to 200,000 Cambodians who cross into Thailand”)",
    ),
    (
        "impossible-value",
        "a reversed range of counts",
        "label: the high end",
        "the label “the high end” stands under the whole range «90,000 to 60,000», and the \
         related span “the low end” starts at the same column",
    ),
    (
        "rate-times-flow",
        "a deportee share times a yearly count",
        "imply 23,000–46,000 workers a year",
        "the message gives the estimate an upper end that a note says it does not have (“more \
         than 200,000” has no upper limit)",
    ),
];

/// What a case expects of its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// At least one finding of the rule.
    Fires,
    /// No finding of the rule.
    Quiet,
}

impl Expect {
    fn as_str(self) -> &'static str {
        match self {
            Expect::Fires => "fires",
            Expect::Quiet => "quiet",
        }
    }
}

/// One case of a fixture.
#[derive(Debug)]
struct Case {
    expect: Expect,
    title: String,
    /// The article's date, from a first line `date: YYYY-MM-DD`.
    date: Option<ArticleDate>,
    /// The paragraph, without the date line.
    text: String,
}

/// Reads a `cases.md`: a `# <rule>` heading, then cases under `## fires: …` / `## quiet: …`.
fn parse_cases(rule: &str, file: &str) -> Result<Vec<Case>, String> {
    let mut lines = file.lines().skip_while(|l| l.trim().is_empty());
    match lines.next() {
        Some(first) if first.trim() == format!("# {rule}") => {}
        other => {
            return Err(format!(
                "the first line should be `# {rule}`, not {other:?}"
            ));
        }
    }
    let mut cases = Vec::new();
    let mut current: Option<(Expect, String, Vec<&str>)> = None;
    let mut in_other_section = false;
    let finish = |current: Option<(Expect, String, Vec<&str>)>,
                  cases: &mut Vec<Case>|
     -> Result<(), String> {
        let Some((expect, title, body)) = current else {
            return Ok(());
        };
        let mut text = body.join("\n").trim().to_owned();
        let mut date = None;
        if let Some(rest) = text.strip_prefix("date:") {
            let (value, after) = rest.split_once('\n').unwrap_or((rest, ""));
            date = Some(ArticleDate::parse(value.trim()).ok_or_else(|| {
                format!("case {title:?}: `date: {}` is not YYYY-MM-DD", value.trim())
            })?);
            text = after.trim().to_owned();
        }
        if text.is_empty() {
            return Err(format!("case {title:?} has no text"));
        }
        cases.push(Case {
            expect,
            title,
            date,
            text,
        });
        Ok(())
    };
    for line in lines {
        if let Some(heading) = line.strip_prefix("## ") {
            finish(current.take(), &mut cases)?;
            let (expect, title) = if let Some(t) = heading.strip_prefix("fires:") {
                (Expect::Fires, t)
            } else if let Some(t) = heading.strip_prefix("quiet:") {
                (Expect::Quiet, t)
            } else {
                // Another section ends the case before it; a misspelt case heading ("## Fires
                // …", "## fire: …") would drop the case silently, so it is an error.
                let first = heading
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_end_matches(':')
                    .to_lowercase();
                if ["fire", "fires", "quiet"].contains(&first.as_str()) {
                    return Err(format!(
                        "heading `{line}` looks like a case: write `## fires: …` or `## quiet: …`"
                    ));
                }
                in_other_section = true;
                continue;
            };
            in_other_section = false;
            let title = title.trim().to_owned();
            if title.is_empty() {
                return Err(format!("heading `{line}` has no title"));
            }
            if cases.iter().any(|c: &Case| c.title == title) {
                return Err(format!("two cases are titled {title:?}"));
            }
            current = Some((expect, title, Vec::new()));
        } else if let Some((_, _, body)) = &mut current {
            body.push(line);
        } else if !in_other_section && !line.trim().is_empty() {
            return Err(format!("text before the first case: {line:?}"));
        }
    }
    finish(current, &mut cases)?;
    if cases.is_empty() {
        return Err("no cases".to_owned());
    }
    Ok(cases)
}

fn fixture_dir(rule: &str) -> String {
    format!("{}/tests/fixtures/{rule}", env!("CARGO_MANIFEST_DIR"))
}

/// The checker for a rule's cases, as `tests/rules.rs` builds it: every rule selected, with
/// the study text `source.txt` beside the fixture as an `--against` source when there is one,
/// and the case's date as `--date` gives it.
fn checker_for(rule: &str, date: Option<ArticleDate>) -> Checker {
    let selection = Selection {
        select: vec!["ALL".to_owned()],
        ..Selection::default()
    };
    let checker = Checker::new(
        Registry::builtin().expect("the shipped registry parses"),
        ModelConventions::default(),
        &selection,
    );
    let checker = match std::fs::read_to_string(format!("{}/source.txt", fixture_dir(rule))) {
        Ok(text) => {
            let source = checker.read_source(&SourceText::plain("source.txt", text));
            checker.with_sources(vec![source], false)
        }
        Err(_) => checker,
    };
    checker.with_dates(date, None)
}

/// One case, checked.
struct Outcome {
    case: Case,
    checked: Checked,
}

/// A rule's cases, checked; or why they could not be read.
struct RuleCases {
    rule: &'static str,
    cases: Result<Vec<Outcome>, String>,
}

/// Every rule's cases, checked once for all the tests.
fn all_cases() -> &'static [RuleCases] {
    static ALL: OnceLock<Vec<RuleCases>> = OnceLock::new();
    ALL.get_or_init(|| {
        RULES
            .iter()
            .map(|rule| {
                let path = format!("{}/cases.md", fixture_dir(rule.name));
                let cases = std::fs::read_to_string(&path)
                    .map_err(|e| {
                        format!(
                            "{}: no case file ({e}); every rule needs tests/fixtures/{}/cases.md",
                            rule.name, rule.name
                        )
                    })
                    .and_then(|file| {
                        parse_cases(rule.name, &file).map_err(|e| format!("{path}: {e}"))
                    })
                    .map(|cases| {
                        let plain = checker_for(rule.name, None);
                        cases
                            .into_iter()
                            .map(|case| {
                                let checked = match case.date {
                                    None => plain.check(&case.text),
                                    Some(date) => {
                                        checker_for(rule.name, Some(date)).check(&case.text)
                                    }
                                };
                                Outcome { case, checked }
                            })
                            .collect()
                    });
                RuleCases {
                    rule: rule.name,
                    cases,
                }
            })
            .collect()
    })
}

fn known_wrong(rule: &str, title: &str) -> Option<&'static str> {
    KNOWN_WRONG
        .iter()
        .find(|(r, t, _)| *r == rule && *t == title)
        .map(|(_, _, why)| *why)
}

/// Whether a case's outcome is what its heading expects.
fn holds(rule: &str, outcome: &Outcome) -> bool {
    let fired = outcome.checked.findings.iter().any(|f| f.rule.name == rule);
    match outcome.case.expect {
        Expect::Fires => fired,
        Expect::Quiet => !fired,
    }
}

/// A finding in one line, for failure messages.
fn brief(f: &Finding) -> String {
    format!("{} «{}»: {}", f.rule.name, f.text, f.message)
}

#[test]
fn every_case_fires_or_stays_quiet_as_its_heading_says() {
    let mut failures = Vec::new();
    let mut tolerated = Vec::new();
    for rule in all_cases() {
        let outcomes = match &rule.cases {
            Ok(outcomes) => outcomes,
            Err(e) => {
                failures.push(e.clone());
                continue;
            }
        };
        for outcome in outcomes {
            let case = &outcome.case;
            let ok = holds(rule.rule, outcome);
            match (ok, known_wrong(rule.rule, &case.title)) {
                (true, None) => {}
                (true, Some(_)) => failures.push(format!(
                    "{} / {}: {} as expected now; remove it from KNOWN_WRONG",
                    rule.rule,
                    case.title,
                    case.expect.as_str()
                )),
                (false, Some(why)) => tolerated.push(format!(
                    "{} / {}: known wrong: {why}",
                    rule.rule, case.title
                )),
                (false, None) => {
                    let found: Vec<String> = outcome.checked.findings.iter().map(brief).collect();
                    failures.push(format!(
                        "{} / {}: expected {} {} but found [{}]",
                        rule.rule,
                        case.title,
                        match case.expect {
                            Expect::Fires => "a finding of",
                            Expect::Quiet => "no finding of",
                        },
                        rule.rule,
                        found.join("; ")
                    ));
                }
            }
        }
    }
    for (rule, title, _) in KNOWN_WRONG {
        let listed = all_cases().iter().any(|r| {
            r.rule == *rule
                && r.cases
                    .as_ref()
                    .is_ok_and(|cases| cases.iter().any(|o| o.case.title == *title))
        });
        if !listed {
            failures.push(format!(
                "KNOWN_WRONG names {rule} / {title}, which is no case: remove it from KNOWN_WRONG"
            ));
        }
    }
    // Reported, not failed: the cases the checker still gets wrong.
    #[expect(clippy::print_stderr, reason = "the test reports the tolerated cases")]
    for line in &tolerated {
        eprintln!("{line}");
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_enough_cases_and_near_misses() {
    let mut failures = Vec::new();
    for rule in all_cases() {
        let Ok(outcomes) = &rule.cases else {
            // Reported by the test above.
            continue;
        };
        let count = |e: Expect| outcomes.iter().filter(|o| o.case.expect == e).count();
        if count(Expect::Fires) == 0 {
            failures.push(format!("{}: no `fires:` case", rule.rule));
        }
        if count(Expect::Quiet) < 3 {
            failures.push(format!(
                "{}: {} `quiet:` cases, fewer than 3 near misses",
                rule.rule,
                count(Expect::Quiet)
            ));
        }
        if outcomes.len() < 8 {
            failures.push(format!(
                "{}: {} cases, fewer than 8",
                rule.rule,
                outcomes.len()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Everything the checker reports about one case: its heading, then each finding (of any
/// rule) with its position in the case's text (1-based line and column, counted in
/// characters), rule, code, severity and text, then its message, label, notes, related spans,
/// study and the other side it is compared with.
fn render_case(rule: &str, outcome: &Outcome) -> String {
    let case = &outcome.case;
    let mut out = String::new();
    let _ = writeln!(out, "## {}: {}", case.expect.as_str(), case.title);
    if let Some(date) = case.date {
        let _ = writeln!(out, "date: {date}");
    }
    if let Some(why) = known_wrong(rule, &case.title) {
        let _ = writeln!(out, "KNOWN WRONG: {why}");
    }
    for (_, _, _, why) in KNOWN_WRONG_OUTPUT
        .iter()
        .filter(|(r, t, _, _)| *r == rule && *t == case.title)
    {
        let _ = writeln!(out, "KNOWN WRONG OUTPUT: {why}");
    }
    let index = LineIndex::new(&case.text);
    let at = |offset: usize| {
        let p = index.position(&case.text, offset);
        format!("{}:{}", p.line, p.column)
    };
    if outcome.checked.findings.is_empty() {
        let _ = writeln!(out, "(no findings)");
    }
    for f in &outcome.checked.findings {
        let _ = writeln!(
            out,
            "{} {}/{} {} «{}»",
            at(f.span.start),
            f.rule.name,
            f.rule.code,
            f.severity.as_str(),
            f.text
        );
        let _ = writeln!(out, "  message: {}", f.message);
        let _ = writeln!(out, "  label: {}", f.label);
        for note in &f.notes {
            let _ = writeln!(out, "  note: {note}");
        }
        for related in &f.related {
            let _ = writeln!(
                out,
                "  related: {} «{}» {}",
                at(related.span.start),
                related.text,
                related.label
            );
        }
        if let Some(study) = &f.study {
            let _ = writeln!(out, "  study: {study}");
        }
        if let (Some(compared), Some(quantity)) = (&f.compared, &f.quantity) {
            let _ = writeln!(
                out,
                "  against: {} «{}» {}",
                compared.against.as_str(),
                compared.text,
                claimcheck_model::readable::interval(&compared.interval, &quantity.dimension)
            );
        }
    }
    out
}

/// Everything the checker reports about a rule's cases, case by case.
fn render(rule: &str, outcomes: &[Outcome]) -> String {
    outcomes
        .iter()
        .map(|o| render_case(rule, o))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn known_wrong_output_is_still_there() {
    let mut failures = Vec::new();
    let mut tolerated = Vec::new();
    for (rule, title, piece, why) in KNOWN_WRONG_OUTPUT {
        let outcome = all_cases()
            .iter()
            .filter(|r| r.rule == *rule)
            .filter_map(|r| r.cases.as_ref().ok())
            .flatten()
            .find(|o| o.case.title == *title);
        match outcome {
            None => failures.push(format!(
                "KNOWN_WRONG_OUTPUT names {rule} / {title}, which is no case: remove it"
            )),
            Some(o) if !render_case(rule, o).contains(piece) => failures.push(format!(
                "{rule} / {title}: the output no longer shows {piece:?}; if it is fixed, remove \
                 it from KNOWN_WRONG_OUTPUT (and review the snapshot)"
            )),
            Some(_) => tolerated.push(format!("{rule} / {title}: known wrong output: {why}")),
        }
    }
    #[expect(clippy::print_stderr, reason = "the test reports the tolerated cases")]
    for line in &tolerated {
        eprintln!("{line}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_output_of_every_rules_cases_is_pinned() {
    for rule in all_cases() {
        // A rule whose cases cannot be read fails the test above.
        if let Ok(outcomes) = &rule.cases {
            insta::assert_snapshot!(rule.rule, render(rule.rule, outcomes));
        }
    }
}

#[test]
fn the_case_format_is_read_as_documented() {
    let file = "# some-rule\n\n## fires: one\ndate: 2019-06-12\nA paragraph.\n\nIts second line.\n\n## Notes\nNot a case.\n\n## quiet: two\nAnother.\n";
    let cases = parse_cases("some-rule", file).expect("a well-formed file");
    let read: Vec<_> = cases
        .iter()
        .map(|c| {
            (
                c.expect,
                c.title.as_str(),
                c.date.map(|d| d.to_string()),
                c.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                Expect::Fires,
                "one",
                Some("2019-06-12".to_owned()),
                "A paragraph.\n\nIts second line."
            ),
            (Expect::Quiet, "two", None, "Another."),
        ]
    );
    for bad in [
        "# other-rule\n\n## fires: one\nText.\n",
        "# some-rule\n\n## Fires: one\nText.\n",
        "# some-rule\n\n## fires: one\n\n## quiet: two\nText.\n",
        "# some-rule\n\n## fires: one\nText.\n\n## fires: one\nText.\n",
        "# some-rule\n\n## fires: one\ndate: yesterday\nText.\n",
        "# some-rule\n\nText before any case.\n",
    ] {
        assert!(parse_cases("some-rule", bad).is_err(), "{bad:?}");
    }
}
