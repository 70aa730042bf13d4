//! Estimates from expressions and from the example article, as the reader sees them.

use claimcheck_model::quantity::{plain, show};
use claimcheck_model::{AssumptionKind, Estimate, ModelConventions, evaluate};
use claimcheck_parser::{ClaimReader, Extractor};

fn render(e: &Estimate) -> String {
    let nominal = if e.nominal.low == e.nominal.high {
        plain(e.nominal.low)
    } else {
        format!("{}–{}", plain(e.nominal.low), plain(e.nominal.high))
    };
    let mut s = format!(
        "{} = {} strictly {}",
        e.expression,
        nominal,
        show(&e.interval)
    );
    if let Some(p) = e.per {
        s.push_str(&format!(" per {}", p.as_str()));
    }
    if let Some(c) = e.counts() {
        s.push_str(&format!(" — counts {c}"));
    }
    for a in &e.assumptions {
        s.push_str(&format!("\n    - {a}"));
    }
    s
}

const EXPRESSIONS: &[&str] = &[
    "30% of 50,000 to 80,000 workers a year",
    "one in five of 27.6 million people",
    "400,000 workers × $250 a month",
    "24.9 million + 15.4 million",
    "17% of 12,345",
    "23% of 100,000 to more than 200,000 workers annually",
    "40.3 million minus 24.9 million",
    "49.6 million minus 40.3 million",
    "3,000 divided by 12,000",
    "about 23,000 / 100,000",
    "half of 400 deportees",
    "a third of 1,500 fishermen",
    "nearly 30 percent of 2.3 million migrant workers",
    "more than 20 percent of 400 deportees",
    "500,000 workers × $200 a month",
    "$150 a week",
    "12 per 1,000 of 5 million births",
    "two out of five of 2,000 respondents",
    "between 2.5 and 3 million + 1.2 million",
    "dozens of cases × 12",
    "27.6 million + 22 million",
    "0.5% of 7.9 billion",
];

#[test]
fn expressions() {
    let extractor = Extractor::default();
    let c = ModelConventions::default();
    let mut out = Vec::new();
    for expr in EXPRESSIONS {
        match evaluate(expr, &extractor, &c) {
            Ok(es) => {
                for e in es {
                    out.push(format!("{expr}\n  {}", render(&e)));
                }
            }
            Err(e) => out.push(format!("{expr}\n  error: {e}")),
        }
    }
    insta::assert_snapshot!(out.join("\n"));
}

#[test]
fn bad_expressions_say_where_and_why() {
    let extractor = Extractor::default();
    let c = ModelConventions::default();
    let cases: &[(&str, usize, &str)] = &[
        (
            "5 ÷ 0",
            5,
            "division by a figure whose interval contains zero",
        ),
        ("30% of", 5, "unexpected “of” after the last figure"),
        ("banana", 1, "no figure found"),
        ("twenty apples banana 30", 15, "unexpected “banana”"),
        ("$5 + 20%", 6, "cannot add"),
        ("in 2010 there were 5", 4, "reads as a year"),
        ("150% of 40%", 9, "outside 0–100%"),
        ("10^400 + 1", 1, "too large"),
    ];
    for (expr, column, message) in cases {
        let err = evaluate(expr, &extractor, &c).expect_err(expr);
        assert_eq!(err.column, *column, "{expr}: {err}");
        assert!(err.message.contains(message), "{expr}: {err}");
    }
}

#[test]
fn example_article() {
    let text = include_str!("../../../data/examples/cambodia-migrants.txt");
    let found = Extractor::default().extract(text);
    let claims = ClaimReader::default().claims(text, &found.mentions);
    let estimates = claimcheck_model::document::derive(
        text,
        &found.mentions,
        &claims,
        &ModelConventions::default(),
    );
    // The estimate the issue names: about 23,000–46,000 a year, at least 22,500, no top.
    let seed = estimates
        .iter()
        .find(|e| e.inputs[0].text == "23 percent")
        .expect("23 percent × the flow");
    assert_eq!(
        seed.nominal,
        claimcheck_model::Nominal::range(23_000.0, 46_000.0)
    );
    assert_eq!(show(&seed.interval), "[22,500, ∞)");
    for kind in [
        AssumptionKind::Population,
        AssumptionKind::Basis,
        AssumptionKind::OpenBound,
    ] {
        assert!(
            seed.assumptions.iter().any(|a| a.kind == kind),
            "{kind:?}: {:?}",
            seed.assumptions
        );
    }
    // What it counts: the outcome of the share's sentence among the flow's population.
    assert_eq!(
        seed.counts().as_deref(),
        Some(
            "Cambodian labor migrants entering Thailand who fall victim to human trafficking, a year"
        )
    );
    let all: Vec<String> = estimates.iter().map(render).collect();
    insta::assert_snapshot!(all.join("\n"));
}

#[test]
fn shares_from_counts() {
    let text = "Some 12,000 migrants crossed the border in May. Of them, 4,500 women migrants were \
                recruited by brokers.";
    let found = Extractor::default().extract(text);
    let claims = ClaimReader::default().claims(text, &found.mentions);
    let estimates = claimcheck_model::document::derive(
        text,
        &found.mentions,
        &claims,
        &ModelConventions::default(),
    );
    let share = estimates
        .iter()
        .find(|e| e.expression.contains('÷'))
        .unwrap_or_else(|| {
            panic!(
                "a share from counts: {:?}",
                estimates.iter().map(|e| &e.expression).collect::<Vec<_>>()
            )
        });
    assert_eq!(share.dimension, claimcheck_model::Dimension::Percent);
    assert!(
        (share.nominal.low - 37.5).abs() < 1e-9,
        "{:?}",
        share.nominal
    );
}

mod no_panic {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "30%",
        "of",
        "50,000",
        "to",
        "80,000",
        "workers",
        "a year",
        "×",
        "÷",
        "+",
        "minus",
        "one in five",
        "27.6 million",
        "$250",
        "a month",
        "0",
        "10^400",
        "between",
        "and",
        "more than",
        "nearly",
        "half",
        "dozens",
        "2010",
        "second",
        "-",
        "(",
        ")",
        "x",
        "*",
        "from",
        "to",
        "rose",
        "doubled",
        "halved",
        "per person",
        "a quarter",
        "365",
        "days",
        "12 months",
        "7 percentage points",
        "people",
        "hectares",
        "5 lakh",
        "between 35 and 30 percent",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// Any phrase gives estimates or an error with a column inside it, never a panic,
        /// and never a NaN.
        #[test]
        fn any_expression_evaluates_or_says_where(parts in proptest::collection::vec(prop::sample::select(PIECES), 0..12)) {
            let expr = parts.join(" ");
            match evaluate(&expr, &Extractor::default(), &ModelConventions::default()) {
                Ok(estimates) => {
                    for e in estimates {
                        prop_assert!(e.is_finite(), "{expr}: {e:?}");
                        prop_assert!(!e.interval.is_empty(), "{expr}: {e:?}");
                    }
                }
                Err(err) => prop_assert!(err.column >= 1 && err.column <= expr.chars().count() + 1, "{expr}: {err}"),
            }
        }
    }
}

#[test]
fn percent_change_between_editions() {
    // 40.3 million (2017 edition) to 49.6 million (2022 edition) is about +23%, not +25%.
    let extractor = Extractor::default();
    let c = ModelConventions::default();
    let text = "40.3 million then 49.6 million";
    let found = extractor.extract(text);
    let q: Vec<claimcheck_model::Operand> = found
        .mentions
        .iter()
        .map(|m| claimcheck_model::Operand {
            quantity: claimcheck_model::Quantity::from_mention(m, text, &c).expect("a quantity"),
            text: text[m.span.range()].to_owned(),
            span: m.span,
            subject: None,
        })
        .collect();
    let e = claimcheck_model::estimate::change(&q[0], &q[1]).expect("a change");
    assert_eq!(e.dimension, claimcheck_model::Dimension::Percent);
    assert!((e.nominal.low - 23.08).abs() < 0.01, "{:?}", e.nominal);
    assert!(
        e.interval.contains(23.08) && !e.interval.contains(25.0),
        "{}",
        show(&e.interval)
    );
}

#[test]
fn changes_in_documents() {
    let text = "Arrivals fell from 27.6 million to 24.9 million in 2020. The share of migrants in \
                debt rose from 12% to 19%. Remittances increased from $2 million to $3 million. \
                Estimates range from 100,000 to 200,000 workers annually. The poverty rate fell \
                from 30 to 20 percent. Identified victims doubled to 24,000. Seizures halved \
                from 8,000 cases. Arrests doubled from 1,200 to 2,400. Crossings fell from 73,000 \
                to 65,000 a year.";
    let found = Extractor::default().extract(text);
    let claims = ClaimReader::default().claims(text, &found.mentions);
    let estimates = claimcheck_model::document::derive(
        text,
        &found.mentions,
        &claims,
        &ModelConventions::default(),
    );
    let all: Vec<String> = estimates
        .iter()
        .map(|e| format!("{} [{}]", render(e), e.kind.as_str()))
        .collect();
    // A range ("range from … to …") is no change.
    assert!(
        !all.iter().any(|e| e.contains("100,000")),
        "{}",
        all.join("\n")
    );
    insta::assert_snapshot!(all.join("\n"));
}

/// `derive_with` reads the quantities it is handed, not the text again: handed those
/// `quantities` reads, it gives what `derive` gives; handed none for the 23 percent, it gives
/// no estimate from that figure, and the others as before.
#[test]
fn derive_with_takes_the_quantities_it_is_given() {
    use claimcheck_model::document::{derive, derive_with, quantities};
    let text = include_str!("../../../data/examples/cambodia-migrants.txt");
    let found = Extractor::default().extract(text);
    let claims = ClaimReader::default().claims(text, &found.mentions);
    let c = ModelConventions::default();
    let expressions = |estimates: &[Estimate]| -> Vec<String> {
        estimates.iter().map(|e| e.expression.clone()).collect()
    };
    let read = quantities(text, &found.mentions, &c);
    assert_eq!(read.len(), found.mentions.len());
    let whole = expressions(&derive(text, &found.mentions, &claims, &c));
    assert_eq!(
        expressions(&derive_with(text, &found.mentions, &claims, &read, &c)),
        whole
    );
    let seed = found
        .mentions
        .iter()
        .position(|m| &text[m.span.range()] == "23 percent")
        .expect("the 23 percent");
    let mut without = read.clone();
    without[seed] = None;
    let fewer = expressions(&derive_with(text, &found.mentions, &claims, &without, &c));
    assert!(whole.iter().any(|e| e.starts_with("23%")), "{whole:?}");
    assert!(fewer.iter().all(|e| !e.starts_with("23%")), "{fewer:?}");
    assert_eq!(
        fewer,
        whole
            .iter()
            .filter(|e| !e.starts_with("23%"))
            .cloned()
            .collect::<Vec<_>>()
    );
}
