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
        let fired: Vec<_> = bad.findings.iter().filter(|f| f.rule == *rule).collect();
        if fired.is_empty() {
            failures.push(format!(
                "{} did not fire on its fixture; found: {:?}",
                rule.name,
                bad.findings
                    .iter()
                    .map(|f| (f.rule.name, &f.message))
                    .collect::<Vec<_>>()
            ));
        }
        let good = checker.check(&fixture(rule.name, "clean"));
        let wrong: Vec<_> = good.findings.iter().filter(|f| f.rule == *rule).collect();
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
        .filter(|f| f.rule.name != "unsourced-statistic")
        .map(|f| (f.rule.name, f.severity.as_str()))
        .collect();
    assert_eq!(
        rules,
        [
            ("population-mismatch", "warning"),
            ("rate-times-flow", "warning")
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
        .find(|f| f.rule.name == "study-contradiction")
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
        .find(|f| f.rule.name == "study-contradiction")
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
    let text = fixture("stock-as-flow", "triggers");
    let registry = || Registry::builtin().expect("the shipped registry parses");
    for spelling in ["stock-as-flow", "STOCK-AS-FLOW", "CC105", "cc105", "Cc105"] {
        let severity = Selection {
            severity: [(spelling.to_owned(), claimcheck_checker::Severity::Error)].into(),
            ..Selection::default()
        };
        let checked = Checker::new(registry(), ModelConventions::default(), &severity).check(&text);
        let ours: Vec<_> = checked
            .findings
            .iter()
            .filter(|f| f.rule.name == "stock-as-flow")
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
            checked
                .findings
                .iter()
                .all(|f| f.rule.name != "stock-as-flow"),
            "{spelling}: ignored"
        );

        let only = Selection {
            select: vec![spelling.to_owned()],
            ..Selection::default()
        };
        let checked = Checker::new(registry(), ModelConventions::default(), &only).check(&text);
        assert!(
            !checked.findings.is_empty()
                && checked
                    .findings
                    .iter()
                    .all(|f| f.rule.name == "stock-as-flow"),
            "{spelling}: --select restricts to the rule"
        );

        // A suppression comment on the line of the one finding silences it.
        let one = "Some 12.3 million people are in forced labour every year, the ILO says.";
        let fired = check_with(&Selection::default(), one);
        assert!(
            fired
                .findings
                .iter()
                .any(|f| f.rule.name == "stock-as-flow"),
            "{one}"
        );
        let suppressed = format!("{one} claimcheck: ignore[{spelling}]");
        let checked = check_with(&Selection::default(), &suppressed);
        assert!(
            checked.findings.is_empty(),
            "{spelling}: a suppression comment silences it: {:?}",
            checked.findings
        );
    }
}

/// The five rules `base-mismatch` was split into, whose findings the group's spellings
/// select.
const BASE_MISMATCH: [&str; 5] = [
    "stock-as-flow",
    "detected-as-all",
    "relabelled-concept",
    "part-as-whole",
    "rate-times-flow",
];

/// Each of the five rules' trigger fixtures, one after another: every rule of the group
/// fires on it.
fn base_mismatch_triggers() -> String {
    BASE_MISMATCH
        .iter()
        .map(|r| fixture(r, "triggers"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The spellings of the old rule that configurations and comments may hold.
const GROUP_SPELLINGS: [&str; 6] = [
    "base-mismatch",
    "BASE-MISMATCH",
    "Base-Mismatch",
    "CC104",
    "cc104",
    "Cc104",
];

fn of_group(checked: &claimcheck_checker::Checked) -> Vec<&'static str> {
    let mut fired: Vec<&'static str> = checked
        .findings
        .iter()
        .map(|f| f.rule.name)
        .filter(|n| BASE_MISMATCH.contains(n))
        .collect();
    fired.sort_unstable();
    fired.dedup();
    fired
}

fn check_with(selection: &Selection, text: &str) -> claimcheck_checker::Checked {
    Checker::new(
        Registry::builtin().expect("the shipped registry parses"),
        ModelConventions::default(),
        selection,
    )
    .check(text)
}

#[test]
fn the_old_name_selects_the_group() {
    let text = base_mismatch_triggers();
    let mut all = BASE_MISMATCH.to_vec();
    all.sort_unstable();
    assert_eq!(
        of_group(&check_with(&Selection::default(), &text)),
        all,
        "each rule of the group fires on the joined fixtures"
    );
    for spelling in GROUP_SPELLINGS {
        let only = Selection {
            select: vec![spelling.to_owned()],
            ..Selection::default()
        };
        let checked = check_with(&only, &text);
        assert_eq!(of_group(&checked), all, "{spelling}: --select");
        assert!(
            checked
                .findings
                .iter()
                .all(|f| BASE_MISMATCH.contains(&f.rule.name)),
            "{spelling}: --select restricts to the group"
        );
        let enabled = only.enabled();
        assert_eq!(enabled.len(), 5, "{spelling}: the group is five rules");
    }
}

#[test]
fn the_old_name_ignores_the_group() {
    let text = base_mismatch_triggers();
    for spelling in GROUP_SPELLINGS {
        let ignored = Selection {
            ignore: vec![spelling.to_owned()],
            ..Selection::default()
        };
        let checked = check_with(&ignored, &text);
        assert!(of_group(&checked).is_empty(), "{spelling}: --ignore");
        assert!(
            BASE_MISMATCH
                .iter()
                .all(|r| !ignored.enabled().iter().any(|e| e.name == *r)),
            "{spelling}: --ignore disables all five"
        );
    }
}

#[test]
fn the_old_name_extends_the_selection_with_the_group() {
    let text = base_mismatch_triggers();
    let mut all = BASE_MISMATCH.to_vec();
    all.sort_unstable();
    for spelling in GROUP_SPELLINGS {
        let extended = Selection {
            select: vec!["study-contradiction".to_owned()],
            extend_select: vec![spelling.to_owned()],
            ..Selection::default()
        };
        assert_eq!(
            of_group(&check_with(&extended, &text)),
            all,
            "{spelling}: --extend-select"
        );
        assert_eq!(extended.enabled().len(), 6, "{spelling}");
    }
}

#[test]
fn the_old_name_sets_the_groups_severity() {
    let text = base_mismatch_triggers();
    for spelling in GROUP_SPELLINGS {
        let severity = Selection {
            severity: [(spelling.to_owned(), claimcheck_checker::Severity::Error)].into(),
            ..Selection::default()
        };
        let checked = check_with(&severity, &text);
        let ours: Vec<_> = checked
            .findings
            .iter()
            .filter(|f| BASE_MISMATCH.contains(&f.rule.name))
            .collect();
        assert!(ours.len() >= 5, "{spelling}: the group fires");
        assert!(
            ours.iter()
                .all(|f| f.severity == claimcheck_checker::Severity::Error),
            "{spelling}: [severity] applies to every rule of the group"
        );
    }
    // A rule's own override wins over its group's, whichever is written first.
    let both = Selection {
        severity: [
            ("cc104".to_owned(), claimcheck_checker::Severity::Error),
            (
                "stock-as-flow".to_owned(),
                claimcheck_checker::Severity::Info,
            ),
        ]
        .into(),
        ..Selection::default()
    };
    let checked = check_with(&both, &text);
    for f in checked
        .findings
        .iter()
        .filter(|f| BASE_MISMATCH.contains(&f.rule.name))
    {
        let want = if f.rule.name == "stock-as-flow" {
            claimcheck_checker::Severity::Info
        } else {
            claimcheck_checker::Severity::Error
        };
        assert_eq!(f.severity, want, "{}", f.rule.name);
    }
}

#[test]
fn the_old_name_in_a_suppression_comment_silences_the_group() {
    let text = base_mismatch_triggers();
    // Every paragraph's line gets the comment on the line before it.
    for spelling in GROUP_SPELLINGS {
        for form in [
            format!("<!-- claimcheck: ignore {spelling} -->"),
            format!("claimcheck: ignore[{spelling}]"),
        ] {
            let commented: String = text
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| format!("{form}\n{p}"))
                .collect::<Vec<_>>()
                .join("\n\n");
            let checked = check_with(&Selection::default(), &commented);
            assert!(
                of_group(&checked).is_empty(),
                "{form}: {:?}",
                checked.findings
            );
        }
    }
}

/// ruff's semantics: `select` replaces the defaults, `extend_select` adds to them.
#[test]
fn select_restricts_and_extend_select_adds() {
    let unsourced = claimcheck_checker::rules::find("unsourced-statistic").expect("a rule");
    let defaults = Selection::default().enabled();
    assert!(!defaults.contains(unsourced), "off by default");
    let extended = Selection {
        extend_select: vec!["unsourced-statistic".to_owned()],
        ..Selection::default()
    }
    .enabled();
    assert!(extended.contains(unsourced));
    assert!(defaults.is_subset(&extended));
    let selected = Selection {
        select: vec!["CC001".to_owned()],
        ..Selection::default()
    }
    .enabled();
    assert_eq!(
        selected.into_iter().map(|r| r.name).collect::<Vec<_>>(),
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

/// A source that gives no figure at all: the note says so, and names no "nearest figure".
#[test]
fn a_source_without_figures_is_said_to_give_none() {
    let checker = checker();
    let source = checker.read_source(&SourceText::plain(
        "observatory.txt",
        "Northwind Housing Observatory\n\nThe observatory describes housing conditions in the \
         city without counting anything.\n"
            .to_owned(),
    ));
    let checker = checker.with_sources(vec![source], true);
    let found = checker.check(
        "The Northwind Housing Observatory reports that 9,500 landlords were fined in 2023.\n",
    );
    let f = found
        .findings
        .iter()
        .find(|f| f.rule.name == "not-in-source")
        .expect("the figure is not in the source");
    assert_eq!(f.notes, ["observatory.txt gives no figure of this kind"]);
    assert!(f.compared.is_none(), "no figure of the source to draw");
}
