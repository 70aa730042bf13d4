//! Each rule fires on its fixture and stays quiet on the clean one.

use claimcheck_checker::source::SourceText;
use claimcheck_checker::{Checker, RULES, Registry, Selection};
use claimcheck_model::ModelConventions;

fn checker() -> Checker {
    let selection = Selection {
        select: vec!["ALL".to_owned()],
        ..Selection::default()
    };
    Checker::new(
        Registry::builtin().expect("the shipped registry parses"),
        ModelConventions::default(),
        &selection,
    )
}

fn fixture(rule: &str, name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/{rule}/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The checker for a rule's fixtures: with the study text `source.txt` beside them as an
/// `--against` source, when there is one.
fn checker_for(rule: &str) -> Checker {
    let checker = checker();
    let path = format!(
        "{}/tests/fixtures/{rule}/source.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let source = checker.read_source(&SourceText::plain("source.txt", text));
            checker.with_sources(vec![source], false)
        }
        Err(_) => checker,
    }
}

#[test]
fn every_rule_fires_on_its_fixture_and_not_on_the_clean_one() {
    let mut failures = Vec::new();
    for rule in RULES {
        let checker = checker_for(rule.name);
        let bad = checker.check(&fixture(rule.name, "triggers"));
        let fired: Vec<_> = bad
            .findings
            .iter()
            .filter(|f| f.rule == rule.name)
            .collect();
        if fired.is_empty() {
            failures.push(format!(
                "{} did not fire on its fixture; found: {:?}",
                rule.name,
                bad.findings
                    .iter()
                    .map(|f| (f.rule, &f.message))
                    .collect::<Vec<_>>()
            ));
        }
        let good = checker.check(&fixture(rule.name, "clean"));
        let wrong: Vec<_> = good
            .findings
            .iter()
            .filter(|f| f.rule == rule.name)
            .collect();
        if !wrong.is_empty() {
            failures.push(format!(
                "{} fired on the clean fixture: {:?}",
                rule.name,
                wrong.iter().map(|f| &f.message).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn findings_explain_themselves() {
    let checker = checker();
    let found = checker.check(&fixture("study-contradiction", "triggers"));
    let slip = found
        .findings
        .iter()
        .find(|f| f.text == "46.9 million")
        .expect("the swapped digits are caught");
    assert_eq!(slip.study.as_deref(), Some("gems2022_modern_slavery"));
    assert!(
        slip.notes.iter().any(|n| n.contains("swapped digits")),
        "{:?}",
        slip.notes
    );
    assert!(
        slip.notes.iter().any(|n| n.contains("https://")),
        "{:?}",
        slip.notes
    );
    let twenty_eight = found
        .findings
        .iter()
        .find(|f| f.text == "28 percent")
        .expect("28 percent contradicts 23");
    assert!(
        twenty_eight.message.contains("22.5%–23.5%"),
        "{}",
        twenty_eight.message
    );
}

#[test]
fn the_example_article_gives_warnings_and_no_error() {
    let text = include_str!("../../../data/examples/cambodia-migrants.txt");
    let found = checker().check(text);
    let rules: Vec<_> = found
        .findings
        .iter()
        .filter(|f| f.rule != "unsourced-statistic")
        .map(|f| (f.rule, f.severity.as_str()))
        .collect();
    assert_eq!(
        rules,
        [
            ("population-mismatch", "warning"),
            ("base-mismatch", "warning")
        ]
    );
}

#[test]
fn a_finding_that_holds_only_by_rounding_says_so() {
    let text = "A 2010 UNIAP study found that 24 percent of Cambodian migrants deported through Poipet had been trafficked.";
    let found = checker().check(text);
    let f = found
        .findings
        .iter()
        .find(|f| f.rule == "study-contradiction")
        .expect("24 percent does not fit [22.5, 23.5)");
    assert!(
        f.notes.iter().any(|n| n.contains("only because")),
        "{:?}",
        f.notes
    );
    let far = checker().check(&text.replace("24 percent", "38 percent"));
    let f = far
        .findings
        .iter()
        .find(|f| f.rule == "study-contradiction")
        .expect("38 percent");
    assert!(
        !f.notes.iter().any(|n| n.contains("only because")),
        "{:?}",
        f.notes
    );
}

/// A severity override or a selection takes effect whatever spelling the config accepts for
/// the rule: its name or code, in any case.
#[test]
fn every_accepted_spelling_of_a_rule_takes_effect() {
    let text = fixture("base-mismatch", "triggers");
    let registry = || Registry::builtin().expect("the shipped registry parses");
    for spelling in ["base-mismatch", "BASE-MISMATCH", "CC104", "cc104", "Cc104"] {
        let severity = Selection {
            severity: [(spelling.to_owned(), claimcheck_checker::Severity::Error)].into(),
            ..Selection::default()
        };
        let checked = Checker::new(registry(), ModelConventions::default(), &severity).check(&text);
        let ours: Vec<_> = checked
            .findings
            .iter()
            .filter(|f| f.rule == "base-mismatch")
            .collect();
        assert!(
            !ours.is_empty(),
            "{spelling}: the fixture triggers the rule"
        );
        assert!(
            ours.iter()
                .all(|f| f.severity == claimcheck_checker::Severity::Error),
            "{spelling}: the override is applied"
        );

        let ignored = Selection {
            ignore: vec![spelling.to_owned()],
            ..Selection::default()
        };
        let checked = Checker::new(registry(), ModelConventions::default(), &ignored).check(&text);
        assert!(
            checked.findings.iter().all(|f| f.rule != "base-mismatch"),
            "{spelling}: ignored"
        );

        let only = Selection {
            select: vec![spelling.to_owned()],
            ..Selection::default()
        };
        let checked = Checker::new(registry(), ModelConventions::default(), &only).check(&text);
        assert!(
            !checked.findings.is_empty()
                && checked.findings.iter().all(|f| f.rule == "base-mismatch"),
            "{spelling}: --select restricts to the rule"
        );
    }
}

/// ruff's semantics: `select` replaces the defaults, `extend_select` adds to them.
#[test]
fn select_restricts_and_extend_select_adds() {
    let defaults = Selection::default().enabled();
    assert!(!defaults.contains("unsourced-statistic"), "off by default");
    let extended = Selection {
        extend_select: vec!["unsourced-statistic".to_owned()],
        ..Selection::default()
    }
    .enabled();
    assert!(extended.contains("unsourced-statistic"));
    assert!(defaults.is_subset(&extended));
    let selected = Selection {
        select: vec!["CC001".to_owned()],
        ..Selection::default()
    }
    .enabled();
    assert_eq!(
        selected.into_iter().collect::<Vec<_>>(),
        ["study-contradiction"]
    );
    let all = Selection {
        select: vec!["all".to_owned()],
        ignore: vec!["CC001".to_owned()],
        ..Selection::default()
    }
    .enabled();
    assert_eq!(all.len(), RULES.len() - 1);
}
