//! Table tests by kind of misreporting: for each kind, sentences written for these tests
//! (not copies of the development set) with the rule that must fire, and near misses that
//! must stay quiet.

use claimcheck_model::ModelConventions;

use crate::{ArticleDate, Checker, Registry, Selection};

fn checker(date: Option<&str>) -> Checker {
    Checker::new(
        Registry::builtin().expect("the shipped registry parses"),
        ModelConventions::default(),
        &Selection::default(),
    )
    .with_dates(date.and_then(ArticleDate::parse), None)
}

/// Runs a table: (text, article date, the rule that must fire, or `None` for silence).
fn table(cases: &[(&str, Option<&str>, Option<&str>)]) {
    let mut failures = Vec::new();
    for (text, date, want) in cases {
        let found = checker(*date).check(text);
        let ok = match want {
            Some(rule) => found.findings.iter().any(|f| f.rule.name == *rule),
            None => found.findings.is_empty(),
        };
        if !ok {
            failures.push(format!(
                "{text:?} (date {date:?}): want {want:?}, got {:?}",
                found
                    .findings
                    .iter()
                    .map(|f| format!("{}: {}", f.rule.name, f.message))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn wrong_number_with_a_clear_citation() {
    table(&[
        (
            "According to the Global Estimates published by the ILO and Walk Free in 2017, some 43.0 million people were in modern slavery in 2016.",
            None,
            Some("study-contradiction"),
        ),
        (
            "The ILO's Global Estimates of Modern Slavery put the number of people in forced marriage at 12.4 million in 2016.",
            None,
            Some("study-contradiction"),
        ),
        (
            "The 2022 Global Estimates of Modern Slavery found 46.9 million people in modern slavery.",
            None,
            Some("study-contradiction"),
        ),
        // A year names an edition of its own series; another series' figure named with it
        // may be the one that edition quotes.
        (
            "The Global Slavery Index 2023 by Walk Free says 50 million people were in modern slavery in 2021, an increase of 14 million since 2016.",
            None,
            Some("study-contradiction"),
        ),
        (
            "The Global Slavery Index 2023 by Walk Free says 50 million people were in modern slavery in 2021, an increase of 10 million since 2016.",
            None,
            None,
        ),
        // Near misses: the right figure, a rounding of it, or a bound it meets.
        (
            "According to the Global Estimates, 40.3 million people were in modern slavery in 2016.",
            None,
            None,
        ),
        (
            "The ILO and Walk Free estimated that 40 million people were in modern slavery in 2016.",
            None,
            None,
        ),
        (
            "The Global Estimates of Modern Slavery counted more than 40 million people in modern slavery in 2016.",
            None,
            None,
        ),
    ]);
}

#[test]
fn right_figure_wrong_edition() {
    table(&[
        (
            "In its 2012 estimate, the ILO counted 24.9 million people in forced labour.",
            None,
            Some("misattribution"),
        ),
        (
            "Walk Free's Global Slavery Index 2016 counted 40.3 million people in modern slavery.",
            None,
            Some("misattribution"),
        ),
        // Publication and reference years both name the edition.
        (
            "In 2016, the ILO and its partners estimated that 24.9 million people were in forced labour.",
            None,
            None,
        ),
        (
            "The 2017 Global Estimates found that 24.9 million people were in forced labour.",
            None,
            None,
        ),
        // An unattributed figure that names its edition, dated to another edition's year.
        (
            "Some 246 million children were in child labour in 2020.",
            None,
            Some("misattribution"),
        ),
        (
            "Some 246 million children were in child labour in 2000.",
            None,
            None,
        ),
        (
            "Since 2000, child labour has fallen to 152 million children.",
            None,
            None,
        ),
        (
            "Child labour rose to 160 million children in 2020, from 152 million in 2016.",
            None,
            None,
        ),
        // A UN report names a family of publishers: weaker attribution, not a wrong one.
        (
            "A UN report found that 40.3 million people were in modern slavery in 2016.",
            None,
            None,
        ),
    ]);
}

#[test]
fn relabelled_concepts() {
    table(&[
        (
            "There are 40.3 million victims of human trafficking around the world.",
            None,
            Some("relabelled-concept"),
        ),
        (
            "Some 24.9 million people are victims of human trafficking today.",
            None,
            Some("relabelled-concept"),
        ),
        (
            "Around 152 million children are in forced labour worldwide.",
            None,
            Some("relabelled-concept"),
        ),
        (
            "Human trafficking is a $150 billion industry.",
            None,
            Some("relabelled-concept"),
        ),
        (
            "Children make up 28 percent of all victims of human trafficking.",
            None,
            Some("detected-as-all"),
        ),
        (
            "An estimated 20.9 million people are trafficked into forced labour every year, the ILO says.",
            None,
            Some("stock-as-flow"),
        ),
        // A round share is recognised when every figure it fits is a share of detected
        // victims and the sentence widens it to all victims.
        (
            "Some 30 percent of all trafficking victims worldwide are children.",
            None,
            Some("detected-as-all"),
        ),
        // "Women and girls" named in another order, or in part through a pronoun.
        (
            "Girls and women make up 71 percent of all trafficking victims worldwide.",
            None,
            Some("detected-as-all"),
        ),
        (
            "Girls make up one in five detected victims. Together with women, they account for 70 percent of all trafficking victims worldwide.",
            None,
            Some("detected-as-all"),
        ),
        // The figure's own noun calls it trafficking, whatever else the sentence names.
        (
            "Women and girls are the largest share of forced labour victims, with 11.4 million trafficked victims, the ILO says.",
            None,
            Some("relabelled-concept"),
        ),
        // One part's figure given for the parts together.
        (
            "The ILO estimates that 27.6 million people were living in forced labour or forced marriage in 2021.",
            None,
            Some("part-as-whole"),
        ),
        // A range one of whose ends quotes a figure to its last digit.
        (
            "Human trafficking worldwide ranges between 20.9 and 27 million people.",
            None,
            Some("relabelled-concept"),
        ),
        // A round stock given as a yearly flow, when every figure it fits is a stock.
        (
            "Over 1 million children are in commercial sexual exploitation every year.",
            None,
            Some("stock-as-flow"),
        ),
        // Near misses: the concept named, detection named, a part named as a part.
        (
            "In West Africa, children make up 62 percent of victims, the report said.",
            None,
            None,
        ),
        (
            "Some 150,000 migrants cross into Thailand every year.",
            None,
            None,
        ),
        (
            "Estimates of forced labour range between 20.9 and 27 million people.",
            None,
            None,
        ),
        (
            "Of the 20.9 million people in forced labour, 11.4 million are women and girls, the ILO says.",
            None,
            None,
        ),
        (
            "In 2021, 49.6 million people were in modern slavery, 27.6 million in forced labour and 22 million in forced marriage.",
            None,
            None,
        ),
        (
            "Some 49.6 million people were living in forced labour or forced marriage in 2021.",
            None,
            None,
        ),
        (
            "Girls make up one in five detected victims. They account for 70 percent of the victims in some regions.",
            None,
            None,
        ),
        (
            "There are 40.3 million people in modern slavery around the world.",
            None,
            None,
        ),
        (
            "Children make up 30 percent of detected victims of human trafficking.",
            None,
            None,
        ),
        (
            "Forced labour, of which trafficking is one route, generates $150 billion in profits a year.",
            None,
            None,
        ),
        (
            "Some 22 million people are in forced marriage, according to the 2022 Global Estimates.",
            None,
            None,
        ),
    ]);
}

#[test]
fn a_part_given_for_the_whole() {
    table(&[
        (
            "Some 15.1 million people are in forced labour worldwide.",
            None,
            Some("population-mismatch"),
        ),
        // A form's profit per victim given for all victims.
        (
            "Traffickers earn an average of US$21,800 per victim each year, the ILO says.",
            None,
            Some("population-mismatch"),
        ),
        (
            "Forced commercial sexual exploitation earns traffickers US$21,800 per victim a year, the ILO says.",
            None,
            None,
        ),
        // Near misses: the place named, the world's figure, no word for the world.
        (
            "In Asia and the Pacific, 15.1 million people are in forced labour.",
            None,
            None,
        ),
        (
            "Some 27.6 million people are in forced labour worldwide.",
            None,
            None,
        ),
    ]);
}

#[test]
fn outdated_at_the_article_date() {
    table(&[
        (
            "The ILO estimates that 20.9 million people are in forced labour worldwide.",
            Some("2019-03-01"),
            Some("outdated-source"),
        ),
        (
            "Today 152 million children are in child labour.",
            Some("2023-06-12"),
            Some("outdated-source"),
        ),
        // Current at its date, dated in its own sentence, or no date at all.
        (
            "The ILO estimates that 20.9 million people are in forced labour worldwide.",
            Some("2015-03-01"),
            None,
        ),
        (
            "In its 2012 estimates, the ILO counted 20.9 million people in forced labour.",
            Some("2023-01-01"),
            None,
        ),
        (
            "Back in 2012, the ILO put forced labour at 20.9 million people.",
            Some("2023-01-01"),
            None,
        ),
        (
            "The ILO estimates that 20.9 million people are in forced labour worldwide.",
            None,
            None,
        ),
    ]);
}

#[test]
fn ordinary_news_stays_quiet() {
    table(&[
        (
            "The album's nine songs and two interludes run a total of 48 minutes.",
            None,
            None,
        ),
        (
            "The flood left 40,000 victims homeless, and the earthquake a year later 22,000 more.",
            Some("2024-01-01"),
            None,
        ),
        (
            "Victims of the investment fraud lost some $150 million, prosecutors said.",
            None,
            None,
        ),
        (
            "The UNODC report draws on data from 141 countries.",
            Some("2024-01-01"),
            None,
        ),
        // A fraction in words is not distinctive, whatever digits its value has.
        (
            "Agriculture produces about two-thirds of the country's income, and industry the rest.",
            None,
            None,
        ),
        // Shares of a count the sentence states are shares of that count.
        (
            "Of the victims (estimated 600,000 to 800,000 a year), 75% are women and girls.",
            None,
            None,
        ),
        (
            "The club signed 24 players and sold 9, for a total of 152 million euros.",
            None,
            None,
        ),
        (
            "Shares rose 21 percent after the company reported record profits of $40.3 billion.",
            None,
            None,
        ),
    ]);
}

#[test]
fn figures_after_multibyte_characters_are_read() {
    table(&[(
        "Some €1.3 billion and about €1.3 billion were raised, and around ₹24.9 million.",
        None,
        None,
    )]);
}

#[test]
fn a_wrong_number_names_the_cited_series_and_the_slip() {
    // "Walk Free" publishes the Global Slavery Index and the Global Estimates; "the Global
    // Estimates" says which is cited.
    let found = checker(None).check(
        "An estimated 43.0 million people were in modern slavery in 2016, according to the Global Estimates published by the ILO and Walk Free in 2017.",
    );
    let f = found
        .findings
        .iter()
        .find(|f| f.rule.name == "study-contradiction")
        .expect("43.0 million contradicts the Global Estimates");
    assert!(f.message.contains("40.3 million"), "{}", f.message);
    assert!(
        f.notes
            .iter()
            .any(|n| n.contains("dropped digit (43 for 403)")),
        "{:?}",
        f.notes
    );
}
