//! Matching a claim to the study it cites: short documents, each checked alone, with the
//! rule (and row) it must raise or the silence it must keep. The near misses sit beside the
//! cases they could be confused with.

use claimcheck_checker::{Checker, Registry, Selection};
use claimcheck_model::ModelConventions;

fn checker() -> Checker {
    Checker::new(
        Registry::builtin().expect("the shipped registry parses"),
        ModelConventions::default(),
        &Selection::default(),
    )
}

/// Checks each text alone; `want` is `Some((rule, study))` for the finding it must raise
/// (and no other rule), `None` for no finding at all.
fn run(cases: &[(&str, Option<(&str, &str)>)]) {
    let checker = checker();
    let mut failures = Vec::new();
    for (text, want) in cases {
        let found = checker.check(text);
        let got: Vec<(&str, Option<&str>)> = found
            .findings
            .iter()
            .map(|f| (f.rule.name, f.study.as_deref()))
            .collect();
        let ok = match want {
            None => got.is_empty(),
            Some((rule, study)) => {
                !got.is_empty()
                    && got.iter().all(|(r, _)| r == rule)
                    && got.iter().any(|(_, s)| *s == Some(*study))
            }
        };
        if !ok {
            failures.push(format!("{text}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_hedge_that_excludes_the_figure_it_writes_contradicts_it() {
    run(&[
        // The figure as published, hedged past its value: cited by its number alone, or
        // by a family of publishers.
        (
            "According to the United Nations, more than 160 million children are engaged in child labour across the world.",
            Some(("study-contradiction", "ilo_unicef_cl2020_child_labour")),
        ),
        (
            "Over 50 million people are trapped in modern slavery worldwide.",
            Some(("study-contradiction", "gsi2023_global")),
        ),
        (
            "Cambodia struggles with human trafficking, with more than 155,800 people subjected to slavery.",
            Some(("study-contradiction", "gsi2014_cambodia")),
        ),
        // A hedge that keeps the figure inside is the figure.
        ("Almost 50 million people are in modern slavery.", None),
        (
            "Nearly 46 million people live in modern slavery, according to the Global Slavery Index.",
            None,
        ),
        (
            "More than 40 million people are in modern slavery, according to the 2017 Global Estimates.",
            None,
        ),
        // Another field's money, in another currency.
        (
            "Poland signs a defence financing programme, securing nearly €44 billion to support the domestic arms industry.",
            None,
        ),
        (
            "The arms industry secured nearly $44 billion in new contracts this year.",
            None,
        ),
        // A row published as a bound is checked by its bound.
        (
            "Up to 800,000 people are trafficked across borders each year, the State Department says.",
            None,
        ),
    ]);
}

#[test]
fn a_row_published_as_a_bound_does_not_excuse_a_figure_far_from_it() {
    run(&[
        // "At least 12.3 million" (ILO 2005) is no figure of "more than 21 million".
        (
            "The ILO said that more than 21 million people are trapped in forced labour around the world.",
            Some(("study-contradiction", "ilo2012_forced_labour")),
        ),
        // Near its bound, it is the figure cited.
        (
            "The ILO estimates that more than 12 million people are in forced labour.",
            None,
        ),
    ]);
}

#[test]
fn men_women_and_children_name_the_whole_not_a_subgroup() {
    run(&[(
        "Over 21 million men, women and children are in forced labour, according to the ILO's 2012 estimate.",
        Some(("study-contradiction", "ilo2012_forced_labour")),
    )]);
}

#[test]
fn a_verb_names_what_a_figure_counts() {
    run(&[
        // "Bought and sold" is trafficking, which a forced-labour figure does not count.
        (
            "At least 20.9 million adults and children are bought and sold into commercial sexual servitude, forced labor and bonded labor.",
            Some(("relabelled-concept", "ilo2012_forced_labour")),
        ),
        // A trafficking figure may be said to be trafficked.
        (
            "The ILO estimated that 2.45 million people were trafficked into forced labour.",
            None,
        ),
        // Another figure's verb is not this one's.
        (
            "Some 20.9 million people are in forced labour, and 2.45 million of them were trafficked.",
            None,
        ),
        // A verb of seeming is no counted noun: the children are counted.
        (
            "If you had to guess at how many children are involved in forced labour round the world, does 152 million sound about right?",
            Some(("relabelled-concept", "ilo2017_child_labour")),
        ),
    ]);
}

#[test]
fn a_share_written_as_a_composition_is_checked_against_the_counts() {
    run(&[
        // 3.3 million children of 27.6 million in forced labour: 12%, not one in five.
        (
            "Children account for one out of five people in forced labor, the report said.",
            Some(("study-contradiction", "gems2022_children_forced_labour")),
        ),
        // 11.8 million women and girls of 27.6 million: 43%.
        (
            "Over 27 million people worldwide fall prey to forced labor, with women and girls accounting for more than 65%.",
            Some(("study-contradiction", "gems2022_women_girls_forced_labour")),
        ),
        // The current edition's quotient fits.
        (
            "Children account for about 12 percent of the people in forced labour.",
            None,
        ),
        // A share of the newest edition, which publishes no count of the part, is not
        // checked against an older edition's.
        (
            "Agriculture accounts for 61 percent of child labour, services for 27 percent and industry for 13 percent, the agencies said.",
            None,
        ),
        // No verb of composition: a share of the subgroup itself is another measure.
        (
            "Some 40% of migrant workers experienced forced labour.",
            None,
        ),
    ]);
}

#[test]
fn a_form_of_forced_labour_called_trafficking_is_relabelled() {
    run(&[
        (
            "An estimated 4.8 million people, mainly women and children, were trafficked in the commercial sex trade in 2016.",
            Some(("relabelled-concept", "gems2017_forced_sexual_exploitation")),
        ),
        (
            "An estimated 4.8 million people were in forced sexual exploitation in 2016.",
            None,
        ),
    ]);
}

#[test]
fn a_composition_is_a_share_of_the_whole_its_own_clause_names() {
    run(&[(
        // 99% is the female share of forced sexual exploitation (2017), whatever the
        // sentence says of forced labour afterwards.
        "Women account for 99% of all victims of forced sexual exploitation, 84% of all victims of forced marriage, and 58% of all victims of forced labor.",
        None,
    )]);
}

#[test]
fn nearly_is_just_below_its_last_digit() {
    run(&[
        // 35.8 million is "nearly 36 million", not "nearly 38 million".
        (
            "Nearly 38 million men, women and children are living in modern slavery worldwide in 2014, according to the second edition of Walk Free's Global Slavery Index (GSI).",
            Some(("study-contradiction", "gsi2014_global")),
        ),
        (
            "Nearly 36 million men, women and children are living in modern slavery worldwide in 2014, according to Walk Free's Global Slavery Index (GSI).",
            None,
        ),
        // A round figure keeps the convention's tolerance.
        (
            "Almost 50 million people are in modern slavery, according to the Global Estimates.",
            None,
        ),
    ]);
}

#[test]
fn a_back_reference_carries_the_source_named_before() {
    run(&[
        (
            "The groups cited the 2022 Global Estimates of Modern Slavery by the ILO, Walk Free and IOM. According to the same estimates, nearly 27 million people were in forced labour on any given day in 2021.",
            Some(("study-contradiction", "gems2022_forced_labour")),
        ),
        (
            "The groups cited the 2022 Global Estimates of Modern Slavery by the ILO, Walk Free and IOM. According to the same estimates, 27.6 million people were in forced labour on any given day in 2021.",
            None,
        ),
        // A total the writer works out is the writer's, not the source's.
        (
            "The group cited the 2022 Global Estimates of Modern Slavery by the ILO, Walk Free and IOM. According to the estimates, 17.3 million people were in forced labour exploitation in the private economy and 6.3 million in forced commercial sexual exploitation, together 23.6 million people exploited by private actors.",
            None,
        ),
    ]);
}

/// A sentence read for its claims and then as the sentence before the next one is the
/// sentence as read fresh: the document reuses it instead of tokenising it again.
#[test]
fn a_sentence_reused_as_the_one_before_is_read_as_new() {
    use claimcheck_checker::matching::{Names, SentenceFacts};
    let registry = Registry::builtin().expect("the shipped registry parses");
    let names = Names::new(&registry);
    let text = "The ILO's Global Estimates of Modern Slavery 2022 count 27.6 million people in \
                forced labour, women and girls among them. They also count 22 million in forced \
                marriage.";
    for sentence in claimcheck_parser::sentences(text) {
        let fresh = SentenceFacts::new(text, sentence, &names);
        let placed =
            SentenceFacts::new(text, sentence, &names).with_places(text, &registry, &names, None);
        assert!(!placed.named.is_empty() || placed.hits.is_empty());
        assert_eq!(format!("{:?}", placed.unplaced()), format!("{fresh:?}"));
    }
}

/// The names of a sentence, looked for in the sentence alone, are those a search of the whole
/// text finds inside it: whole words are told by the text around the sentence, not by its
/// edges.
#[test]
fn names_found_within_a_sentence_are_those_of_the_whole_text() {
    use claimcheck_checker::matching::Names;
    let registry = Registry::builtin().expect("the shipped registry parses");
    let names = Names::new(&registry);
    let text = "The ILO's Global Estimates of Modern Slavery 2022 count 27.6 million people in \
                forced labour. UNODC reported more. The UN said so; ILOs and xILO are no names. \
                Walk Free and the International Labour Organization agree. UNIAP.";
    let all = names.find(text);
    let mut found = 0;
    for sentence in claimcheck_parser::sentences(text) {
        let within = names.find_within(text, sentence);
        let expected: Vec<_> = all
            .iter()
            .filter(|h| h.span.start >= sentence.start && h.span.end <= sentence.end)
            .collect();
        assert_eq!(
            format!("{:?}", within.iter().collect::<Vec<_>>()),
            format!("{expected:?}"),
            "{}",
            &text[sentence.range()]
        );
        found += within.len();
    }
    assert_eq!(found, all.len(), "every name lies inside a sentence");
    assert!(found >= 5, "the text names at least five: {found}");
}
