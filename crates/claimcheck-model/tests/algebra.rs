//! The algebra of units and periods, as an analyst checks it: a table of expressions with
//! the nominal result, the strict interval, the unit, the period and how it was obtained;
//! a table of expressions that must fail, with the column and the reason.

use claimcheck_model::quantity::show;
use claimcheck_model::{Dimension, Estimate, ModelConventions, evaluate};
use claimcheck_parser::Extractor;

/// One expression and what its `n`th estimate must be.
struct Row {
    expr: &'static str,
    /// Which of the estimates (0: the result; 1: the per-year form or the second change).
    n: usize,
    nominal: [f64; 2],
    interval: &'static str,
    /// "USD per person", "workers", "percent", "points", "" for a plain number.
    unit: &'static str,
    per: Option<&'static str>,
    kind: &'static str,
}

const fn row(
    expr: &'static str,
    nominal: [f64; 2],
    interval: &'static str,
    unit: &'static str,
    per: Option<&'static str>,
    kind: &'static str,
) -> Row {
    Row {
        expr,
        n: 0,
        nominal,
        interval,
        unit,
        per,
        kind,
    }
}

const fn nth(n: usize, r: Row) -> Row {
    Row { n, ..r }
}

const DAY: Option<&str> = Some("day");
const WEEK: Option<&str> = Some("week");
const MONTH: Option<&str> = Some("month");
const QUARTER: Option<&str> = Some("quarter");
const YEAR: Option<&str> = Some("year");

#[rustfmt::skip]
const TABLE: &[Row] = &[
    // The examples of the issue.
    row("$167 a month × 12 × 1.2 million workers", [2_404_800_000.0; 2], "[2,297,700,000, 2,512,500,000)", "USD", YEAR, "product"),
    row("3,000–4,000 migrants a day × 365", [1_095_000.0, 1_460_000.0], "[1,095,000, 1,460,000]", "migrants", YEAR, "per_year"),
    row("73,000 crossings a year / 365", [200.0; 2], "[200, 200]", "crossings", DAY, "quotient"),
    row("236 billion dollars / 27.6 million people", [8_550.724_637_681_16; 2], "(8,517.179, 8,584.392)", "USD per person", None, "quotient"),
    row("(49.6 million - 40.3 million) / 40.3 million", [23.076_923_076_923_08; 2], "(22.8005, 23.354)", "percent", None, "percent_change"),
    row("48% - 33%", [15.0; 2], "(14, 16)", "points", None, "difference"),
    row("5 lakh workers × 20%", [100_000.0; 2], "[90,000, 110,000)", "workers", None, "part"),
    row("rose from 24.9 million to 27.6 million", [10.843_373_493_975_9; 2], "(10.4208, 11.2676)", "percent", None, "percent_change"),
    nth(1, row("rose from 24.9 million to 27.6 million", [2_700_000.0; 2], "(2,600,000, 2,800,000)", "", None, "difference")),
    row("from 12% to 19%", [7.0; 2], "(6, 8)", "points", None, "point_change"),
    nth(1, row("from 12% to 19%", [58.333_333_333_333_33; 2], "(48, 69.5652)", "percent", None, "percent_change")),
    // Rates and periods.
    row("3,000–4,000 migrants a day", [3_000.0, 4_000.0], "[3,000, 4,000]", "migrants", DAY, "figure"),
    nth(1, row("3,000–4,000 migrants a day", [1_095_000.0, 1_460_000.0], "[1,095,000, 1,460,000]", "migrants", YEAR, "per_year")),
    row("$250 a month × 12", [3_000.0; 2], "[3,000, 3,000]", "USD", YEAR, "per_year"),
    row("$50 a week × 52", [2_600.0; 2], "[2,600, 2,600]", "USD", YEAR, "per_year"),
    row("$1,200 a quarter × 4", [4_800.0; 2], "[4,800, 4,800]", "USD", YEAR, "per_year"),
    row("500 arrests a day × 7", [3_500.0; 2], "[3,500, 3,500]", "arrests", WEEK, "product"),
    row("$400 a month × 3", [1_200.0; 2], "[1,200, 1,200]", "USD", QUARTER, "product"),
    row("$500 a month × 6 months", [3_000.0; 2], "[3,000, 3,000]", "USD", None, "product"),
    row("$500 a month × 2 years", [12_000.0; 2], "[12,000, 12,000]", "USD", None, "product"),
    row("$500 a month × 12 months", [6_000.0; 2], "[6,000, 6,000]", "USD", YEAR, "per_year"),
    row("100 cases a day × 52 weeks", [36_400.0; 2], "[36,400, 36,400]", "cases", YEAR, "per_year"),
    row("$50 per head a day × 30 days", [1_500.0; 2], "[1,500, 1,500]", "USD per head", None, "product"),
    row("73,000 crossings / 365 days", [200.0; 2], "[200, 200]", "crossings", DAY, "quotient"),
    row("73,000 crossings a year / 365 days", [200.0; 2], "[200, 200]", "crossings", DAY, "quotient"),
    row("73,000 crossings a year / 12", [6_083.333_333_333_333; 2], "[6,083.3333, 6,083.3333]", "crossings", MONTH, "quotient"),
    row("73,000 crossings a year / 52", [1_403.846_153_846_154; 2], "[1,403.8462, 1,403.8462]", "crossings", WEEK, "quotient"),
    row("73,000 crossings a year / 4", [18_250.0; 2], "[18,250, 18,250]", "crossings", QUARTER, "quotient"),
    row("$2,004 a year / 12", [167.0; 2], "[166.9583, 167.0417)", "USD", MONTH, "quotient"),
    row("1,200 cases / 4 years", [300.0; 2], "[300, 300]", "cases", YEAR, "quotient"),
    row("2,400 cases / 6 months", [400.0; 2], "[400, 400]", "cases", MONTH, "quotient"),
    row("$100 a week + $500 a month", [11_200.0; 2], "[11,200, 11,200]", "USD", YEAR, "sum"),
    row("$150 a week", [150.0; 2], "[150, 150]", "USD", WEEK, "figure"),
    nth(1, row("$150 a week", [7_800.0; 2], "[7,800, 7,800]", "USD", YEAR, "per_year")),
    row("400,000 workers × $250 a month", [100_000_000.0; 2], "[100,000,000, 100,000,000]", "USD", MONTH, "product"),
    nth(1, row("400,000 workers × $250 a month", [1_200_000_000.0; 2], "[1,200,000,000, 1,200,000,000]", "USD", YEAR, "per_year")),
    row("30% of 50,000 to 80,000 workers a year", [15_000.0, 24_000.0], "[15,000, 24,000]", "workers", YEAR, "part"),
    // Money and people.
    row("$8,600 per person × 27.6 million people", [237_360_000_000.0; 2], "[236,930,000,000, 237,790,000,000)", "USD", None, "product"),
    row("(236 billion dollars / 27.6 million people) × 1,000 people", [8_550_724.637_681_16; 2], "(8,517,179.0235, 8,584,392.0145)", "USD", None, "product"),
    row("$3 billion / $12 billion", [25.0; 2], "(20, 30.4348)", "percent", None, "share"),
    row("4,500 women migrants / 12,000 migrants", [37.5; 2], "[37.5, 37.5]", "percent", None, "share"),
    row("5,000 tonnes / 20 hectares", [250.0; 2], "[250, 250]", "tonnes per hectare", None, "quotient"),
    row("1.2 million households × 4.5 people", [5_400_000.0; 2], "[5,117,500, 5,687,500)", "people", None, "product"),
    row("27.6 million people + 22 million migrants", [49_600_000.0; 2], "[49,050,000, 50,150,000)", "", None, "sum"),
    // Shares and points.
    row("23% × 30%", [6.9; 2], "[6.75, 7.05)", "percent", None, "part"),
    row("20% × 25%", [5.0; 2], "[4.9, 5.1)", "percent", None, "part"),
    row("30% + 20%", [50.0; 2], "[50, 50]", "percent", None, "sum"),
    row("50% - 48%", [2.0; 2], "(1.5, 2.5]", "points", None, "difference"),
    row("12% + 7 percentage points", [19.0; 2], "[18, 20)", "percent", None, "sum"),
    row("15 percentage points + 5 percentage points", [20.0; 2], "[19, 21)", "points", None, "sum"),
    row("(30% + 20%) × 1,000 workers", [500.0; 2], "[500, 500]", "workers", None, "part"),
    row("one in five of 27.6 million people", [5_520_000.0; 2], "[4,959,000, 6,083,000)", "people", None, "part"),
    row("17% of 12,345", [2_098.65; 2], "[2,036.925, 2,160.375)", "", None, "part"),
    row("half of 400 deportees", [200.0; 2], "[180, 220]", "deportees", None, "part"),
    row("more than 20 percent of 400 deportees", [80.0; 2], "(80, 400]", "deportees", None, "part"),
    row("0.5% of 7.9 billion", [39_500_000.0; 2], "[35,325,000, 43,725,000)", "", None, "part"),
    row("3,000 divided by 12,000", [25.0; 2], "[25, 25]", "percent", None, "share"),
    row("about 23,000 / 100,000", [23.0; 2], "[20.7, 25.3]", "percent", None, "share"),
    row("5,520,000 / 20%", [27_600_000.0; 2], "[27,600,000, 27,600,000]", "", None, "quotient"),
    row("1,000 workers / 25%", [4_000.0; 2], "(3,921.5686, 4,081.6327]", "workers", None, "quotient"),
    // Counts, parentheses, multiples.
    row("24.9 million + 15.4 million", [40_300_000.0; 2], "[40,200,000, 40,400,000)", "", None, "sum"),
    row("40.3 million minus 24.9 million", [15_400_000.0; 2], "(15,300,000, 15,500,000)", "", None, "difference"),
    row("2 × (3,000 + 4,000)", [14_000.0; 2], "[14,000, 14,000]", "", None, "product"),
    row("(3,000 + 4,000) × 2", [14_000.0; 2], "[14,000, 14,000]", "", None, "product"),
    row("100 + 20 × 3", [160.0; 2], "[160, 160]", "", None, "sum"),
    row("(100 + 20) × 3", [360.0; 2], "[360, 360]", "", None, "product"),
    row("12,000 doubled", [24_000.0; 2], "[24,000, 24,000]", "", None, "product"),
    row("40,000 workers halved", [20_000.0; 2], "[20,000, 20,000]", "workers", None, "product"),
    row("13,000 migrants tripled", [39_000.0; 2], "[39,000, 39,000]", "migrants", None, "product"),
    row("3 times 40,000 workers", [120_000.0; 2], "[120,000, 120,000]", "workers", None, "product"),
    row("dozens of cases × 12", [288.0; 2], "[288, ∞)", "cases", None, "product"),
    row("between 2.5 and 3 million + 1.2 million", [3_700_000.0, 4_200_000.0], "[3,600,000, 4,300,000)", "", None, "sum"),
    row("(12% + 7%) × 2", [38.0; 2], "[36, 40)", "percent", None, "product"),
    row("2 × 19%", [38.0; 2], "[37, 39)", "percent", None, "product"),
    row("€3.5 billion a year / 12", [291_666_666.666_666_7; 2], "[287,500,000, 295,833,333.3333)", "EUR", MONTH, "quotient"),
    row("₹2 crore / 5 lakh people", [40.0; 2], "(27.2727, 55.5556)", "INR per person", None, "quotient"),
    // Changes.
    row("from $2,004 to $2,400 a year", [19.760_479_041_916_17; 2], "(19.7306, 19.7904]", "percent", None, "percent_change"),
    row("fell from 27.6 million to 24.9 million", [-9.782_608_695_652_174; 2], "(−10.1266, −9.4374)", "percent", None, "percent_change"),
    row("went from 40.3 million to 49.6 million", [23.076_923_076_923_08; 2], "(22.8005, 23.354)", "percent", None, "percent_change"),
    row("from 30 to 20 percent", [-10.0; 2], "[−10, −10]", "points", None, "point_change"),
    row("increased from $2 million to $3 million", [50.0; 2], "(0, 133.3333)", "percent", None, "percent_change"),
    row("from 24.9 to 27.6 million", [10.843_373_493_975_9; 2], "(10.4208, 11.2676)", "percent", None, "percent_change"),
];

/// The unit of an estimate as the table writes it.
fn unit(e: &Estimate) -> String {
    let mut s = match &e.dimension {
        Dimension::Count => e.unit.clone().unwrap_or_default(),
        Dimension::Percent => "percent".to_owned(),
        Dimension::Points => "points".to_owned(),
        Dimension::Money(code) => (*code).to_owned(),
    };
    if let Some(each) = &e.each {
        s.push_str(" per ");
        s.push_str(each);
    }
    s
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn the_table() {
    assert!(TABLE.len() >= 60, "{} rows", TABLE.len());
    let extractor = Extractor::default();
    let c = ModelConventions::default();
    let mut failures = Vec::new();
    for r in TABLE {
        let got = match evaluate(r.expr, &extractor, &c) {
            Ok(es) => es,
            Err(e) => {
                failures.push(format!("{}: error {e}", r.expr));
                continue;
            }
        };
        let Some(e) = got.get(r.n) else {
            failures.push(format!("{}: no estimate {}", r.expr, r.n));
            continue;
        };
        let mut wrong = Vec::new();
        if !(close(e.nominal.low, r.nominal[0]) && close(e.nominal.high, r.nominal[1])) {
            wrong.push(format!("nominal {:?} (want {:?})", e.nominal, r.nominal));
        }
        if show(&e.interval) != r.interval {
            wrong.push(format!(
                "interval {} (want {})",
                show(&e.interval),
                r.interval
            ));
        }
        if unit(e) != r.unit {
            wrong.push(format!("unit “{}” (want “{}”)", unit(e), r.unit));
        }
        if e.per.map(|p| p.as_str()) != r.per {
            wrong.push(format!("per {:?} (want {:?})", e.per, r.per));
        }
        if e.kind.as_str() != r.kind {
            wrong.push(format!("kind {} (want {})", e.kind.as_str(), r.kind));
        }
        // Soundness at the nominal values: the stated values give a result inside.
        for v in e.nominal.ends() {
            if !e.interval.contains(v)
                && !e.interval.contains(v * (1.0 + 1e-12))
                && !e.interval.contains(v * (1.0 - 1e-12))
            {
                wrong.push(format!("nominal {v} outside {}", show(&e.interval)));
            }
        }
        if !wrong.is_empty() {
            failures.push(format!("{} [{}]: {}", r.expr, r.n, wrong.join("; ")));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Expressions that have no value: the column where they go wrong and the reason.
#[rustfmt::skip]
const ERRORS: &[(&str, usize, &str)] = &[
    ("5 hectares + 3 tonnes", 14, "cannot add different units: hectares + tonnes"),
    ("1,000 km - 5 hours", 12, "cannot subtract different units: km − hours"),
    ("€5 million + $3 million", 14, "cannot add EUR and USD: different currencies"),
    ("$5 + 20%", 6, "cannot add different units: USD + percent"),
    ("3,000 migrants a day + 500 migrants", 24, "cannot add a rate and a figure that is no rate"),
    ("3,000 arrests a day × 500 arrests a month", 23, "cannot multiply two rates over time: per day × per month"),
    ("$100 × $2", 8, "cannot multiply two amounts of money: USD × USD"),
    ("15 percentage points × 1,000 workers", 24, "cannot multiply percentage points"),
    ("$5 / 3 workers a day", 6, "cannot divide"),
    ("60% + 50%", 1, "the share 110% is above 100%"),
    ("150% of 40%", 9, "outside 0–100%"),
    ("5 ÷ 0", 5, "division by a figure whose interval contains zero"),
    ("(49.6 million - 40.3 million", 1, "“(” is never closed"),
    ("49.6 million - 40.3 million)", 28, "“)” without a matching “(”"),
    ("(5 + )", 6, "expected a figure, found “)”"),
    ("30% of", 5, "unexpected “of” after the last figure"),
    ("banana", 1, "no figure found"),
    ("twenty apples banana 30", 15, "unexpected “banana”"),
    ("in 2010 there were 5", 4, "reads as a year"),
    ("10^400 + 1", 1, "too large"),
    ("between 35 and 30 percent", 1, "the range “between 35 and 30 percent” runs backwards: 35 is above 30"),
    ("from 0 to 5 workers", 11, "no percent change from “0”"),
    ("from 12% to 5 workers", 13, "cannot subtract different units"),
];

#[test]
fn errors_say_where_and_why() {
    let extractor = Extractor::default();
    let c = ModelConventions::default();
    let mut failures = Vec::new();
    for (expr, column, message) in ERRORS {
        match evaluate(expr, &extractor, &c) {
            Ok(es) => failures.push(format!("{expr}: no error, {}", es[0].expression)),
            Err(err) => {
                if err.column != *column || !err.message.contains(message) {
                    failures.push(format!("{expr}: {err} (want column {column}: {message})"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Soundness of every step of the algebra: for values inside the inputs' intervals, the
/// same step on those exact values gives a result inside the result's interval.
mod soundness {
    use claimcheck_model::estimate::{self, Estimate, Operand};
    use claimcheck_model::{Dimension, End, Interval, Period, Quantity};
    use claimcheck_parser::Span;
    use proptest::prelude::*;

    /// A figure's interval within [min, min + span] and a value inside it; the top may be
    /// open.
    fn figure(min: f64, span: f64, open: bool) -> impl Strategy<Value = (Interval, f64)> {
        (
            0f64..=1.0,
            0f64..=1.0,
            0f64..=1.0,
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(move |(p, q, t, li, hi, unbounded)| {
                let a = min + span * p.min(q);
                let b = min + span * p.max(q);
                let lo = if li || a == b {
                    End::Inclusive(a)
                } else {
                    End::Exclusive(a)
                };
                let hi_end = if unbounded && open {
                    End::Unbounded
                } else if hi || a == b {
                    End::Inclusive(b)
                } else {
                    End::Exclusive(b)
                };
                let mut x = a + t * (b - a);
                if (!li && x <= a) || (!hi && x >= b) {
                    x = (a + b) / 2.0;
                }
                if a == b {
                    x = a;
                }
                (Interval { lo, hi: hi_end }, x)
            })
    }

    /// The unit of a figure: its dimension, counted noun, "per" noun and period.
    type Unit = (
        Dimension,
        Option<&'static str>,
        Option<&'static str>,
        Option<Period>,
    );

    fn make(interval: Interval, nominal: f64, unit: &Unit, exact: bool) -> Estimate {
        let (dimension, noun, each, per) = unit;
        let interval = if exact {
            Interval::point(nominal)
        } else {
            interval
        };
        Estimate::figure(&Operand {
            quantity: Quantity {
                dimension: dimension.clone(),
                nominal: claimcheck_model::Nominal::single(nominal),
                interval,
                unit: noun.map(str::to_owned),
                each: each.map(str::to_owned),
                per: *per,
                readings: Vec::new(),
            },
            text: "x".to_owned(),
            span: Span::new(0, 1),
            subject: None,
        })
    }

    #[derive(Debug, Clone, Copy)]
    enum Step {
        Times,
        Divided,
        Plus,
        Minus,
        Change,
    }

    /// Runs `step` on the intervals and on the values inside them; the value's result must
    /// lie inside the interval's.
    fn check(
        step: Step,
        (x, a): (Interval, f64),
        ua: &Unit,
        (y, b): (Interval, f64),
        ub: &Unit,
    ) -> Result<(), TestCaseError> {
        let run = |exact: bool| -> Option<Estimate> {
            let (p, q) = (make(x, a, ua, exact), make(y, b, ub, exact));
            match step {
                Step::Times => estimate::times(&p, &q).ok(),
                Step::Divided => estimate::divided(&p, &q).ok(),
                Step::Plus => estimate::plus(&p, &q, false).ok(),
                Step::Minus => estimate::plus(&p, &q, true).ok(),
                Step::Change => estimate::percent_change(&p, &q).ok(),
            }
        };
        let (Some(wide), Some(point)) = (run(false), run(true)) else {
            return Ok(());
        };
        prop_assert_eq!(&wide.dimension, &point.dimension);
        prop_assert_eq!(wide.per, point.per);
        let v = point.nominal.low;
        let tol = 1e-9 * v.abs().max(1.0);
        let inside = wide.interval.contains(v)
            || wide.interval.contains(v - tol)
            || wide.interval.contains(v + tol);
        prop_assert!(
            inside,
            "{step:?}: {} ∌ {v} ({:?} at {a}, {:?} at {b})",
            claimcheck_model::quantity::show(&wide.interval),
            x,
            y
        );
        Ok(())
    }

    const BARE: Unit = (Dimension::Count, None, None, None);
    const WORKERS: Unit = (Dimension::Count, Some("workers"), None, None);
    const PEOPLE: Unit = (Dimension::Count, Some("people"), None, None);
    const DAYS: Unit = (Dimension::Count, Some("days"), None, None);
    const CROSSINGS_A_YEAR: Unit = (
        Dimension::Count,
        Some("crossings"),
        None,
        Some(Period::Year),
    );
    const USD: Unit = (Dimension::Money("USD"), None, None, None);
    const USD_A_MONTH: Unit = (Dimension::Money("USD"), None, None, Some(Period::Month));
    const USD_A_WEEK: Unit = (Dimension::Money("USD"), None, None, Some(Period::Week));
    const SHARE: Unit = (Dimension::Percent, None, None, None);
    const POINTS: Unit = (Dimension::Points, None, None, None);

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn share_of_a_count(s in figure(0.0, 100.0, false), c in figure(0.0, 1e6, true)) {
            check(Step::Times, s, &SHARE, c, &WORKERS)?;
        }

        #[test]
        fn share_of_a_share(s in figure(0.0, 100.0, false), t in figure(0.0, 100.0, false)) {
            check(Step::Times, s, &SHARE, t, &SHARE)?;
        }

        #[test]
        fn monthly_rate_over_a_year(m in figure(0.0, 1e4, true)) {
            check(Step::Times, m, &USD_A_MONTH, (Interval::point(12.0), 12.0), &BARE)?;
            check(Step::Times, m, &USD_A_MONTH, (Interval::point(12.0), 12.0), &(Dimension::Count, Some("months"), None, None))?;
        }

        #[test]
        fn money_times_people(m in figure(0.0, 1e4, true), c in figure(0.0, 1e7, true)) {
            check(Step::Times, m, &USD_A_MONTH, c, &WORKERS)?;
        }

        #[test]
        fn yearly_count_over_days(c in figure(0.0, 1e6, true), d in figure(1.0, 400.0, false)) {
            check(Step::Divided, c, &CROSSINGS_A_YEAR, (Interval::point(365.0), 365.0), &BARE)?;
            check(Step::Divided, c, &WORKERS, d, &DAYS)?;
        }

        #[test]
        fn money_per_person(m in figure(0.0, 1e12, true), p in figure(1.0, 1e8, false)) {
            check(Step::Divided, m, &USD, p, &PEOPLE)?;
        }

        #[test]
        fn persons_over_persons(a in figure(0.0, 1e6, true), b in figure(1.0, 1e6, false)) {
            check(Step::Divided, a, &WORKERS, b, &PEOPLE)?;
        }

        #[test]
        fn count_over_a_share(c in figure(0.0, 1e6, true), s in figure(0.5, 99.5, false)) {
            check(Step::Divided, c, &WORKERS, s, &SHARE)?;
        }

        #[test]
        fn points_between_shares(a in figure(0.0, 100.0, false), b in figure(0.0, 100.0, false)) {
            check(Step::Minus, a, &SHARE, b, &SHARE)?;
            check(Step::Plus, a, &SHARE, b, &POINTS)?;
        }

        #[test]
        fn rates_of_different_periods(a in figure(0.0, 1e4, true), b in figure(0.0, 1e4, true)) {
            check(Step::Plus, a, &USD_A_WEEK, b, &USD_A_MONTH)?;
        }

        #[test]
        fn percent_change(a in figure(1.0, 1e6, false), b in figure(0.0, 1e6, true)) {
            check(Step::Change, a, &WORKERS, b, &WORKERS)?;
            check(Step::Change, a, &SHARE, b, &SHARE)?;
        }
    }
}
